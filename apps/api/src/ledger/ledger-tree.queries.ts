import type { EntityManager } from '@mikro-orm/core';
import { dialectOf } from '../common/sql/dialect.js';
import { leanCountUpTo, leanRows, leanRun, type Row } from '../common/sql/lean-sql.js';
import type { StoredNode, TreeNodeRef } from './merkle-tree.js';

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

/** Up to `limit` entries after `sequence`, with just what the tree needs: the build job's batch. */
export function entryHashesAfter(
  em: EntityManager,
  sequence: number,
  limit: number,
): Promise<{ sequence: number; hash: string; prev_hash: string }[]> {
  return leanRows(em, {
    sql: 'select sequence, hash, prev_hash from ledger_entry where sequence > :sequence order by sequence limit :limit',
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
};

export async function treeHeadExists(em: EntityManager, treeSize: number): Promise<boolean> {
  const rows = await leanRows(em, {
    sql: 'select tree_size from ledger_tree_head where tree_size = :treeSize',
    params: { treeSize },
  });
  return rows.length > 0;
}

export async function insertTreeHead(
  em: EntityManager,
  head: { treeSize: number; rootHash: string; signedAt: Date; keyId: string; signature: string },
): Promise<void> {
  await leanRun(em, {
    sql: 'insert into ledger_tree_head (tree_size, root_hash, signed_at, key_id, signature) values (:treeSize, :rootHash, :signedAt, :keyId, :signature)',
    params: { ...head, signedAt: dialectOf(em).toDbDate(head.signedAt) },
  });
}

/** A page of signed tree heads, largest first, below `beforeSize` when given. */
export function treeHeadPage(em: EntityManager, rows: number, beforeSize: number | null): Promise<TreeHeadRow[]> {
  return beforeSize === null
    ? leanRows(em, {
        sql: 'select tree_size, root_hash, signed_at, key_id, signature from ledger_tree_head order by tree_size desc limit :rows',
        params: { rows },
      })
    : leanRows(em, {
        sql: 'select tree_size, root_hash, signed_at, key_id, signature from ledger_tree_head where tree_size < :beforeSize order by tree_size desc limit :rows',
        params: { rows, beforeSize },
      });
}

/** How many heads are signed, reading at most `cap + 1` (one per checkpoint: a busy ledger has many). */
export function treeHeadCountUpTo(em: EntityManager, cap: number): Promise<number> {
  return leanCountUpTo(em, { sql: 'select tree_size from ledger_tree_head' }, cap);
}
