import type { EntityManager } from '@mikro-orm/core';
import { dialectOf, fromDbDate } from '../common/sql/dialect.js';
import { leanRows, leanRun, type Row } from '../common/sql/lean-sql.js';
import type { LedgerEntryContent } from './ledger-hash.js';

// The ledger's statements: appending (inside the group commit's transaction, serialised on the head
// row), checkpoints, and the verification walk. The explorer's are in ledger-explorer.queries.ts.

/** The head row: the newest entry, and how far the Merkle tree reaches (ledger-tree.service.ts). */
type Head = { sequence: number; hash: string; tree_size: number; tree_sequence: number };

/** Moves the head by `count` entries (locking its row until the transaction ends) and returns the new head. */
export async function moveLedgerHead(em: EntityManager, count: number): Promise<Head | undefined> {
  const [head] = await leanRows<Head>(em, {
    sql: 'update ledger_head set sequence = sequence + :count where id = 1 returning sequence, hash, tree_size, tree_sequence',
    params: { count },
  });
  return head;
}

/** Locks the head row by moving it by nothing (no appender slips in before the transaction ends). */
export async function lockLedgerHead(em: EntityManager): Promise<Head | undefined> {
  const [head] = await leanRows<Head>(em, {
    sql: 'update ledger_head set sequence = sequence where id = 1 returning sequence, hash, tree_size, tree_sequence',
  });
  return head;
}

/** Sets the head's hash after an append, and the tree's size and reach when the append made leaves too. */
export async function setLedgerHeadHash(
  em: EntityManager,
  hash: string,
  tree: { size: number; sequence: number } | null = null,
): Promise<void> {
  await leanRun(
    em,
    tree
      ? {
          sql: 'update ledger_head set hash = :hash, tree_size = :treeSize, tree_sequence = :treeSequence where id = 1',
          params: { hash, treeSize: tree.size, treeSequence: tree.sequence },
        }
      : { sql: 'update ledger_head set hash = :hash where id = 1', params: { hash } },
  );
}

/**
 * Moves the head's sequence to `sequence` without an entry: only a restore does this, inside the
 * transaction that appends the RESTORE entry recording the skipped numbers as lost.
 */
export async function setLedgerHeadSequence(em: EntityManager, sequence: number): Promise<void> {
  // The skipped numbers are no entries, so no leaves: a tree caught up before the jump still is.
  await leanRun(em, {
    sql: 'update ledger_head set tree_sequence = case when tree_sequence = sequence then :sequence else tree_sequence end, sequence = :sequence where id = 1',
    params: { sequence },
  });
}

export async function ledgerHead(em: EntityManager): Promise<Head | undefined> {
  const [head] = await leanRows<Head>(em, {
    sql: 'select sequence, hash, tree_size, tree_sequence from ledger_head where id = 1',
  });
  return head;
}

/** The head's sequence and the newest signed one. */
export async function ledgerHeadAndSigned(
  em: EntityManager,
): Promise<{ head: number; signed: number | null } | undefined> {
  const [state] = await leanRows<{ head: number; signed: number | null }>(em, {
    sql: 'select (select sequence from ledger_head where id = 1) as head, (select max(sequence) from ledger_checkpoint) as signed',
  });
  return state;
}

const ENTRY_COLUMNS = [
  'sequence',
  'id',
  'recorded_at',
  'kind',
  'actor',
  'provider_id',
  'purpose_key',
  'recipient_id',
  'categories',
  'outcome',
  'basis',
  'policy_version',
  'subject_ref',
  'payload_hash',
  'prev_hash',
  'hash',
] as const;

/** An entry's values as stored, by column. */
export type EntryRow = Record<(typeof ENTRY_COLUMNS)[number], unknown>;

/** Insert texts by number of rows (the same count gives the same text, prepared once). */
const insertTexts = new Map<number, string>();
/** Parameter names of the i-th row (`sequence_3`, `id_3`, …), made once. */
const rowNames: string[][] = [];
const namesOf = (i: number) => (rowNames[i] ??= ENTRY_COLUMNS.map((c) => `${c}_${i}`));

/** One multi-row insert of entries (a partner page of 25 providers is one statement, not 25). */
export async function insertEntryRows(em: EntityManager, rows: readonly EntryRow[]): Promise<void> {
  let sql = insertTexts.get(rows.length);
  if (sql === undefined) {
    const values = rows.map(
      (_, i) =>
        `(${namesOf(i)
          .map((name) => `:${name}`)
          .join(', ')})`,
    );
    sql = `insert into ledger_entry (${ENTRY_COLUMNS.join(', ')}) values ${values.join(', ')}`;
    if (insertTexts.size < 100) insertTexts.set(rows.length, sql);
  }
  const params: Record<string, unknown> = {};
  rows.forEach((row, i) => {
    const names = namesOf(i);
    for (let k = 0; k < names.length; k++) params[names[k]!] = row[ENTRY_COLUMNS[k]!];
  });
  await leanRun(em, { sql, params });
}

export async function checkpointExists(em: EntityManager, sequence: number): Promise<boolean> {
  const rows = await leanRows(em, {
    sql: 'select sequence from ledger_checkpoint where sequence = :sequence',
    params: { sequence },
  });
  return rows.length > 0;
}

export async function insertCheckpointRow(
  em: EntityManager,
  cp: {
    sequence: number;
    hash: string;
    signedAt: Date;
    keyId: string;
    signature: string;
    restoreSignature?: string | null;
  },
): Promise<void> {
  await leanRun(em, {
    sql: 'insert into ledger_checkpoint (sequence, hash, signed_at, key_id, signature, restore_signature) values (:sequence, :hash, :signedAt, :keyId, :signature, :restoreSignature)',
    params: { ...cp, restoreSignature: cp.restoreSignature ?? null, signedAt: dialectOf(em).toDbDate(cp.signedAt) },
  });
}

export type CheckpointRow = {
  sequence: number;
  hash: string;
  signature: string;
  restore_signature: string | null;
  signed_at: unknown;
};

/** Every checkpoint, oldest first. */
export function signedCheckpoints(em: EntityManager): Promise<CheckpointRow[]> {
  return leanRows(em, {
    sql: 'select sequence, hash, signature, restore_signature, signed_at from ledger_checkpoint order by sequence',
  });
}

/** The newest checkpoint (whatever its sequence), or undefined when there is none. */
export async function newestCheckpoint(em: EntityManager): Promise<CheckpointRow | undefined> {
  const [row] = await leanRows<CheckpointRow>(em, {
    sql: 'select sequence, hash, signature, restore_signature, signed_at from ledger_checkpoint order by sequence desc limit 1',
  });
  return row;
}

/** Up to `limit` entries after `sequence` (and at most `upTo`, when given), in order (the verification walk). */
export function entriesAfter(em: EntityManager, sequence: number, upTo: number | null, limit: number): Promise<Row[]> {
  return upTo === null
    ? leanRows<Row>(em, {
        sql: 'select * from ledger_entry where sequence > :sequence order by sequence limit :limit',
        params: { sequence, limit },
      })
    : leanRows<Row>(em, {
        sql: 'select * from ledger_entry where sequence > :sequence and sequence <= :upTo order by sequence limit :limit',
        params: { sequence, upTo, limit },
      });
}

export async function entryHashAt(em: EntityManager, sequence: number): Promise<Row | undefined> {
  const [row] = await leanRows<Row>(em, {
    sql: 'select hash from ledger_entry where sequence = :sequence',
    params: { sequence },
  });
  return row;
}

/** An entry row's hashed content (what `entryHash` covers), as read from either database. */
export function entryContentOf(em: EntityManager, row: Row): LedgerEntryContent {
  const json = dialectOf(em).fromJsonColumn;
  return {
    sequence: Number(row.sequence),
    id: String(row.id),
    recordedAt: fromDbDate(row.recorded_at),
    kind: String(row.kind),
    actor: String(row.actor),
    providerId: (row.provider_id as string | null) ?? null,
    purposeKey: (row.purpose_key as string | null) ?? null,
    recipientId: (row.recipient_id as string | null) ?? null,
    categories: json(row.categories) as string[],
    outcome: String(row.outcome),
    basis: (json(row.basis) as Record<string, unknown> | null) ?? null,
    policyVersion: Number(row.policy_version),
    subjectRef: (row.subject_ref as string | null) ?? null,
    payloadHash: String(row.payload_hash),
  };
}
