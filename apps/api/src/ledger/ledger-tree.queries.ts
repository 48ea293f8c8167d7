import type { EntityManager } from '@mikro-orm/core';
import { dialectOf } from '../common/sql/dialect.js';
import { leanCountUpTo, leanRows, leanRun, type Row } from '../common/sql/lean-sql.js';
import type { StoredNode, TreeNodeRef } from './merkle-tree.js';
import type { ProviderState } from './provider-map.js';

// The Merkle tree's statements (ledger-tree.service.ts): its nodes, the tree's state on the head
// row, and the signed tree heads. Appends write nodes inside the group commit's transaction, under
// the head row's lock (ledger.queries.ts moveLedgerHead).

/** A node to store; a leaf carries its entry's sequence. */
export type NodeRow = StoredNode & { sequence: number | null };

/** Rows per node insert (4 parameters each). */
const NODE_CHUNK = 200;
const insertTexts = new Map<number, string>();

/** Stores newly completed nodes as multi-row inserts (one statement for a group commit's append). */
export async function insertTreeNodes(em: EntityManager, nodes: readonly NodeRow[]): Promise<void> {
  for (let at = 0; at < nodes.length; at += NODE_CHUNK) {
    const chunk = nodes.slice(at, at + NODE_CHUNK);
    let sql = insertTexts.get(chunk.length);
    if (sql === undefined) {
      const values = chunk.map((_, i) => `(:l${i}, :i${i}, :h${i}, :s${i})`);
      sql = `insert into ledger_tree_node (level, idx, hash, sequence) values ${values.join(', ')}`;
      if (insertTexts.size < 100) insertTexts.set(chunk.length, sql);
    }
    const params: Record<string, unknown> = {};
    chunk.forEach((n, i) => {
      params[`l${i}`] = n.level;
      params[`i${i}`] = n.index;
      params[`h${i}`] = n.hash;
      params[`s${i}`] = n.sequence;
    });
    await leanRun(em, { sql, params });
  }
}

const selectTexts = new Map<number, string>();

/**
 * The stored hashes of `refs` in one statement: a root or proof needs O(log n) of them (two per
 * level at most), each a primary-key lookup.
 */
export async function treeNodes(em: EntityManager, refs: readonly TreeNodeRef[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (!refs.length) return found;
  let sql = selectTexts.get(refs.length);
  if (sql === undefined) {
    const terms = refs.map((_, i) => `(level = :l${i} and idx = :i${i})`);
    sql = `select level, idx, hash from ledger_tree_node where ${terms.join(' or ')}`;
    if (selectTexts.size < 200) selectTexts.set(refs.length, sql);
  }
  const params: Record<string, unknown> = {};
  refs.forEach((r, i) => {
    params[`l${i}`] = r.level;
    params[`i${i}`] = r.index;
  });
  for (const row of await leanRows<{ level: number; idx: number; hash: string }>(em, { sql, params }))
    found.set(nodeKey({ level: Number(row.level), index: Number(row.idx) }), row.hash);
  return found;
}

export const nodeKey = (r: TreeNodeRef) => `${r.level}:${r.index}`;

/** Entry `sequence`'s leaf index and chain hash (the leaf's data), when it is a leaf already. */
export async function leafOf(
  em: EntityManager,
  sequence: number,
): Promise<{ index: number; entryHash: string } | null> {
  const [row] = await leanRows<{ idx: number; hash: string }>(em, {
    sql: 'select n.idx, e.hash from ledger_tree_node n join ledger_entry e on e.sequence = n.sequence where n.sequence = :sequence',
    params: { sequence },
  });
  return row ? { index: Number(row.idx), entryHash: row.hash } : null;
}

export type TreeState = { sequence: number; treeSize: number; treeSequence: number };

/** The head's sequence and the tree's size and reach, read without a lock. */
export async function treeState(em: EntityManager): Promise<TreeState> {
  const [row] = await leanRows<Row>(em, {
    sql: 'select sequence, tree_size, tree_sequence from ledger_head where id = 1',
  });
  return {
    sequence: Number(row?.sequence ?? 0),
    treeSize: Number(row?.tree_size ?? 0),
    treeSequence: Number(row?.tree_sequence ?? 0),
  };
}

/** Records the tree's size and reach on the head row (whose lock the caller holds). */
export async function setTreeState(em: EntityManager, treeSize: number, treeSequence: number): Promise<void> {
  await leanRun(em, {
    sql: 'update ledger_head set tree_size = :treeSize, tree_sequence = :treeSequence where id = 1',
    params: { treeSize, treeSequence },
  });
}

/** Up to `limit` entries after `sequence`, with just what the tree and the provider map need: the build job's batch. */
export function entryHashesAfter(
  em: EntityManager,
  sequence: number,
  limit: number,
): Promise<{ sequence: number; hash: string; prev_hash: string; provider_id: string | null }[]> {
  return leanRows(em, {
    sql: 'select sequence, hash, prev_hash, provider_id from ledger_entry where sequence > :sequence order by sequence limit :limit',
    params: { sequence, limit },
  });
}

/** The chain hash of entry `sequence` (the build job checks its batch continues from it). */
export async function entryHashOf(em: EntityManager, sequence: number): Promise<string | null> {
  const [row] = await leanRows<{ hash: string }>(em, {
    sql: 'select hash from ledger_entry where sequence = :sequence',
    params: { sequence },
  });
  return row?.hash ?? null;
}

export type TreeHeadRow = {
  tree_size: number;
  root_hash: string;
  signed_at: unknown;
  key_id: string;
  signature: string;
  version: number;
  provider_map_size: number | null;
  provider_map_root: string | null;
};

const HEAD_COLUMNS =
  'tree_size, root_hash, signed_at, key_id, signature, version, provider_map_size, provider_map_root';

/** The signed head of the tree of `treeSize` leaves, if there is one. */
export async function treeHeadAt(em: EntityManager, treeSize: number): Promise<TreeHeadRow | null> {
  const [row] = await leanRows<TreeHeadRow>(em, {
    sql: `select ${HEAD_COLUMNS} from ledger_tree_head where tree_size = :treeSize`,
    params: { treeSize },
  });
  return row ?? null;
}

export async function treeHeadExists(em: EntityManager, treeSize: number): Promise<boolean> {
  return (await treeHeadAt(em, treeSize)) !== null;
}

/** A head to store: v1 without a map (`map` null), v2 with the provider map's size and root. */
export interface NewTreeHead {
  treeSize: number;
  rootHash: string;
  signedAt: Date;
  keyId: string;
  signature: string;
  map: { size: number; root: string } | null;
}

function headParams(em: EntityManager, head: NewTreeHead): Record<string, unknown> {
  return {
    treeSize: head.treeSize,
    rootHash: head.rootHash,
    signedAt: dialectOf(em).toDbDate(head.signedAt),
    keyId: head.keyId,
    signature: head.signature,
    version: head.map ? 2 : 1,
    mapSize: head.map?.size ?? null,
    mapRoot: head.map?.root ?? null,
  };
}

export async function insertTreeHead(em: EntityManager, head: NewTreeHead): Promise<void> {
  await leanRun(em, {
    sql: 'insert into ledger_tree_head (tree_size, root_hash, signed_at, key_id, signature, version, provider_map_size, provider_map_root) values (:treeSize, :rootHash, :signedAt, :keyId, :signature, :version, :mapSize, :mapRoot)',
    params: headParams(em, head),
  });
}

/** Replaces the v1 head of that size by the v2 one (same size and root; the map is fixed by the size). */
export async function replaceTreeHead(em: EntityManager, head: NewTreeHead): Promise<void> {
  await leanRun(em, {
    sql: 'update ledger_tree_head set signed_at = :signedAt, key_id = :keyId, signature = :signature, version = :version, provider_map_size = :mapSize, provider_map_root = :mapRoot where tree_size = :treeSize and root_hash = :rootHash',
    params: headParams(em, head),
  });
}

/** A page of signed tree heads, largest first, below `beforeSize` when given. */
export function treeHeadPage(em: EntityManager, rows: number, beforeSize: number | null): Promise<TreeHeadRow[]> {
  return beforeSize === null
    ? leanRows(em, {
        sql: `select ${HEAD_COLUMNS} from ledger_tree_head order by tree_size desc limit :rows`,
        params: { rows },
      })
    : leanRows(em, {
        sql: `select ${HEAD_COLUMNS} from ledger_tree_head where tree_size < :beforeSize order by tree_size desc limit :rows`,
        params: { rows, beforeSize },
      });
}

/** How many heads are signed, reading at most `cap + 1` (one per checkpoint: a busy ledger has many). */
export function treeHeadCountUpTo(em: EntityManager, cap: number): Promise<number> {
  return leanCountUpTo(em, { sql: 'select tree_size from ledger_tree_head' }, cap);
}

// The provider map's state (provider-map.ts): one row per provider named by a leaf, written with the
// leaves (an append's group commit, or a build batch) under the head row's lock.

/** Ids per IN list (one parameter each). */
const ID_CHUNK = 500;

type StateRow = { provider_id: string; entry_count: number; chain_hash: string; last_sequence: number };

const stateOf = (r: StateRow): ProviderState => ({
  providerId: r.provider_id,
  entryCount: Number(r.entry_count),
  chainHash: r.chain_hash,
  lastSequence: Number(r.last_sequence),
});

/** The stored states of `providerIds` (those with none are absent), one statement per 500 ids. */
export async function providerStatesOf(
  em: EntityManager,
  providerIds: readonly string[],
): Promise<Map<string, ProviderState>> {
  const found = new Map<string, ProviderState>();
  for (let at = 0; at < providerIds.length; at += ID_CHUNK) {
    const rows = await leanRows<StateRow>(em, {
      sql: 'select provider_id, entry_count, chain_hash, last_sequence from ledger_provider_state where provider_id in (:ids)',
      params: { ids: providerIds.slice(at, at + ID_CHUNK) },
    });
    for (const row of rows) found.set(row.provider_id, stateOf(row));
  }
  return found;
}

/** Every provider's state: the provider map's leaves (signing a v2 head, or an evidence package). */
export async function allProviderStates(em: EntityManager): Promise<ProviderState[]> {
  const rows = await leanRows<StateRow>(em, {
    sql: 'select provider_id, entry_count, chain_hash, last_sequence from ledger_provider_state',
  });
  return rows.map(stateOf);
}

/** Rows per state upsert (4 parameters each). */
const STATE_CHUNK = 200;
const upsertTexts = new Map<number, string>();

/** Writes providers' new states as multi-row upserts (one statement for a group commit's append). */
export async function upsertProviderStates(em: EntityManager, states: readonly ProviderState[]): Promise<void> {
  for (let at = 0; at < states.length; at += STATE_CHUNK) {
    const chunk = states.slice(at, at + STATE_CHUNK);
    let sql = upsertTexts.get(chunk.length);
    if (sql === undefined) {
      const values = chunk.map((_, i) => `(:p${i}, :n${i}, :c${i}, :s${i})`);
      sql = `insert into ledger_provider_state (provider_id, entry_count, chain_hash, last_sequence) values ${values.join(', ')} on conflict (provider_id) do update set entry_count = excluded.entry_count, chain_hash = excluded.chain_hash, last_sequence = excluded.last_sequence`;
      if (upsertTexts.size < 100) upsertTexts.set(chunk.length, sql);
    }
    const params: Record<string, unknown> = {};
    chunk.forEach((s, i) => {
      params[`p${i}`] = s.providerId;
      params[`n${i}`] = s.entryCount;
      params[`c${i}`] = s.chainHash;
      params[`s${i}`] = s.lastSequence;
    });
    await leanRun(em, { sql, params });
  }
}

// An evidence package's reads (LedgerTreeService.providerEvidence): a provider's entries up to the
// tree's reach, their leaf indexes, and the RESTORE entries with their restores' signatures.

/** Every entry naming `providerId` up to entry `upTo`, in order (the (provider_id, sequence) index). */
export function providerEntryRows(em: EntityManager, providerId: string, upTo: number): Promise<Row[]> {
  return leanRows<Row>(em, {
    sql: 'select * from ledger_entry where provider_id = :providerId and sequence <= :upTo order by sequence',
    params: { providerId, upTo },
  });
}

/** The leaf index of each entry of `sequences` (each a leaf already), 500 per statement. */
export async function leafIndexesOf(em: EntityManager, sequences: readonly number[]): Promise<Map<number, number>> {
  const found = new Map<number, number>();
  for (let at = 0; at < sequences.length; at += ID_CHUNK) {
    const rows = await leanRows<{ sequence: number; idx: number }>(em, {
      sql: 'select sequence, idx from ledger_tree_node where level = 0 and sequence in (:sequences)',
      params: { sequences: sequences.slice(at, at + ID_CHUNK) },
    });
    for (const row of rows) found.set(Number(row.sequence), Number(row.idx));
  }
  return found;
}

/** RESTORE entries recorded after `since`, up to entry `upTo`, each with its restore's own signature. */
export function restoreEntryRows(em: EntityManager, since: Date, upTo: number): Promise<Row[]> {
  return leanRows<Row>(em, {
    sql: "select e.*, c.restore_signature from ledger_entry e join ledger_checkpoint c on c.sequence = e.sequence and c.hash = e.hash where e.kind = 'RESTORE' and e.recorded_at > :since and e.sequence <= :upTo and c.restore_signature is not null order by e.sequence",
    params: { since: dialectOf(em).toDbDate(since), upTo },
  });
}
