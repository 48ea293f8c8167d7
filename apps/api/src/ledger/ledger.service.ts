import type { EntityManager } from '@mikro-orm/core';
import { ledgerAppends } from '../common/metrics.js';
import { canonicalJson } from '../common/canonical-json.js';
import { newId } from '../common/ids.js';
import { dialectOf, fromDbDate } from '../common/sql/dialect.js';
import type { Row } from '../common/sql/statement.js';
import type { LedgerFailureCode } from '@steward/policy-core';
import {
  checkpointExists,
  entriesAfter,
  entryContentOf,
  entryHashAt,
  insertCheckpointRow,
  insertEntryRows,
  ledgerHead,
  ledgerHeadAndSigned,
  lockLedgerHead,
  moveLedgerHead,
  newestCheckpoint,
  signedCheckpoints,
  setLedgerHeadHash,
  setLedgerHeadSequence,
  type CheckpointRow,
  type EntryRow,
} from './ledger.queries.js';
import { DomainError } from '../common/errors.js';
import type { AppDeps } from '../context.js';
import { inTransaction } from '../common/transaction.js';
import {
  checkpointStatement,
  entryHash,
  GENESIS_HASH,
  restoreStatement,
  sha256,
  type LedgerEntryContent,
} from './ledger-hash.js';
import type { LedgerEntryKind } from './ledger-entry.entity.js';
import { Job } from '../jobs/job.entity.js';
import { LedgerTreeService } from './ledger-tree.service.js';
import { treeState } from './ledger-tree.queries.js';

/** A checkpoint is signed automatically every this many entries (and on demand). */
export const CHECKPOINT_EVERY = 1000;
const VERIFY_BATCH = 5000;
/** Rows per insert statement (16 parameters each; well under SQLite's and PostgreSQL's limits). */
const INSERT_CHUNK = 50;

export interface LedgerFact {
  kind: LedgerEntryKind;
  actor: string;
  providerId?: string | null;
  purposeKey?: string | null;
  recipientId?: string | null;
  categories: readonly string[];
  outcome: 'RECORDED' | 'ALLOWED' | 'DENIED';
  basis?: Record<string, unknown> | null;
  policyVersion: number;
  subjectRef?: string | null;
  payloadHash: string;
}

export interface LedgerFailure {
  sequence: number;
  reason: string;
  /** The reason as a code (policy-core's LEDGER_FAILURE_CODES, worded as `ledgerFailure.<code>` in ja/en), `at` the entry it names. */
  code: LedgerFailureCode;
  at?: number;
}

/** A head recorded outside the database (by an earlier verification, a partner's receipt, a printout): the entry at `sequence` must still have `hash`. */
export interface LedgerAnchor {
  sequence: number;
  hash: string;
}

export interface LedgerCheckpointSummary {
  sequence: number;
  hash: string;
  signedAt: Date;
}

/**
 * Entries lost when an older backup was restored, as the restore recorded them: the RESTORE entry at
 * `sequence` (signed) says entries `from` to `to` were lost and names the backup it restored.
 */
export interface LedgerRecordedGap {
  sequence: number;
  from: number;
  to: number;
  /** SHA-256 of the restored backup's manifest, and when that backup was made. */
  manifestHash: string;
  backupCreatedAt: string;
}

/** What a restore records about the backup it restored (the RESTORE entry's basis names it). */
export interface RestoredBackup {
  manifestHash: string;
  createdAt: string;
}

export interface LedgerVerificationResult {
  ok: boolean;
  checkedEntries: number;
  headSequence: number;
  /** The head's hash: record it with its sequence outside Steward to anchor a later verification. */
  headHash: string;
  checkpoints: number;
  lastCheckpoint: LedgerCheckpointSummary | null;
  /** Entries after the newest signed checkpoint: only an outside anchor protects these against truncation. */
  unsignedEntries: number;
  /** Whether an anchor was given and held. */
  anchorChecked: boolean;
  /** Ranges lost by restores of older backups, each recorded by a signed RESTORE entry (verification accepts only these). */
  gaps: LedgerRecordedGap[];
  firstFailure: LedgerFailure | null;
  checkpointPublicKey: string;
}

/**
 * The server refuses to sign a head that does not continue, unbroken, from the newest signed
 * checkpoint (or the anchor kept outside the database): a signature must never vouch for a rewritten
 * or cut-off chain.
 */
export class LedgerChainBrokenError extends DomainError {
  constructor(from: number) {
    super(
      'CONFLICT',
      `The ledger does not continue unbroken from entry ${from} (signed): not signing; run npm run ledger:verify`,
    );
    this.name = 'LedgerChainBrokenError';
  }
}

/** SHA-256 of a record's canonical content: what a ledger entry commits to about it. */
export function payloadHashOf(record: Record<string, unknown>): string {
  return sha256(canonicalJson(record));
}

/** The ledger without walking it (LedgerService.status): what the ledger page opens with. */
export interface LedgerStatus {
  headSequence: number;
  headHash: string;
  lastCheckpoint: LedgerCheckpointSummary | null;
  checkpointPublicKey: string;
  /** The last ledger verification job that ended with or without a verdict (cancelled ones aside); `createdBy` loaded. */
  lastVerification: Job | null;
  /** The verification job running (or else queued) now; `createdBy` loaded. */
  runningVerification: Job | null;
  /** Leaves in the Merkle tree, and entry numbers past its reach (the build job's work left; 0 once caught up). */
  treeSize: number;
  treeLag: number;
}

export class LedgerService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: AppDeps,
  ) {}

  /**
   * Appends entries inside the caller's transaction, so an entry exists exactly when the change it
   * records does. Updating the head row first locks it: concurrent appenders queue behind it.
   */
  async append(facts: readonly LedgerFact[]): Promise<LedgerEntryContent[]> {
    if (!facts.length) return [];
    if (!this.em.isInTransaction())
      throw new Error('Ledger entries must be appended inside the transaction they record');
    const head = await moveLedgerHead(this.em, facts.length);
    if (!head) throw new Error('The ledger head is missing');
    let sequence = Number(head.sequence) - facts.length;
    let prev = head.hash;
    const recordedAt = this.deps.now();
    const written: LedgerEntryContent[] = [];
    const rows: EntryRow[] = [];
    const checkpoints: { sequence: number; hash: string }[] = [];
    for (const fact of facts) {
      sequence += 1;
      const content: LedgerEntryContent = {
        sequence,
        id: newId(),
        recordedAt,
        kind: fact.kind,
        actor: fact.actor,
        providerId: fact.providerId ?? null,
        purposeKey: fact.purposeKey ?? null,
        recipientId: fact.recipientId ?? null,
        categories: [...fact.categories],
        outcome: fact.outcome,
        basis: fact.basis ?? null,
        policyVersion: fact.policyVersion,
        subjectRef: fact.subjectRef ?? null,
        payloadHash: fact.payloadHash,
      };
      const hash = entryHash(prev, content);
      rows.push({
        sequence,
        id: content.id,
        recorded_at: dialectOf(this.em).toDbDate(recordedAt),
        kind: content.kind,
        actor: content.actor,
        provider_id: content.providerId,
        purpose_key: content.purposeKey,
        recipient_id: content.recipientId,
        categories: JSON.stringify(content.categories),
        outcome: content.outcome,
        basis: content.basis === null ? null : JSON.stringify(content.basis),
        policy_version: content.policyVersion,
        subject_ref: content.subjectRef,
        payload_hash: content.payloadHash,
        prev_hash: prev,
        hash,
      });
      // A RESTORE entry is signed by recordRestoreGap, with the restore's own statement.
      if (sequence % CHECKPOINT_EVERY === 0 && fact.kind !== 'RESTORE') checkpoints.push({ sequence, hash });
      prev = hash;
      written.push(content);
    }
    // Multi-row inserts: a partner page of 25 providers is one statement, not 25.
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await insertEntryRows(this.em, rows.slice(i, i + INSERT_CHUNK));
    }
    for (const cp of checkpoints) await this.insertCheckpoint(this.em, cp.sequence, cp.hash);
    // The Merkle tree grows with the entries when it has caught up (every entry before these is a
    // leaf), and with it the provider states; otherwise the build job makes them leaves (and advances
    // the states) later, in order (ledger-tree.service.ts).
    const last = sequence;
    const tree =
      Number(head.tree_sequence) === last - facts.length
        ? {
            sequence: last,
            size: await new LedgerTreeService(this.em, this.deps).appendLeaves(
              Number(head.tree_size),
              head.hash,
              rows.map((r) => ({
                sequence: r.sequence as number,
                hash: r.hash as string,
                providerId: r.provider_id as string | null,
              })),
              checkpoints.map((cp) => cp.sequence),
            ),
          }
        : null;
    await setLedgerHeadHash(this.em, prev, tree);
    ledgerAppends.inc(written.length);
    return written;
  }

  /**
   * Signs the current head (if it is not signed already) — only when it continues unbroken (hash chain
   * intact, no gap) from the newest signed checkpoint, whose signature must verify, and from `anchor`
   * (the one kept outside the database) when given; otherwise throws LedgerChainBrokenError.
   */
  async checkpoint(anchor: LedgerAnchor | null = null): Promise<{ sequence: number; hash: string } | null> {
    return inTransaction(this.em, async (em) => {
      // Moving the head by nothing locks it, so no appender slips in between the read and the signature.
      const head = await lockLedgerHead(em);
      if (!head || Number(head.sequence) === 0) return null;
      const sequence = Number(head.sequence);
      // The tree head with it, when the tree has caught up (a head of a tree still being built is never signed).
      const signTree = () =>
        new LedgerTreeService(em, this.deps).signCaughtUpHead({
          sequence,
          treeSize: Number(head.tree_size),
          treeSequence: Number(head.tree_sequence),
        });
      if (await checkpointExists(em, sequence)) {
        await signTree();
        return { sequence, hash: head.hash };
      }
      const tx = new LedgerService(em, this.deps);
      const newest = await newestCheckpoint(em);
      const from: LedgerAnchor = newest
        ? { sequence: Number(newest.sequence), hash: newest.hash }
        : { sequence: 0, hash: GENESIS_HASH };
      if (newest && !this.deps.cipher.verifyCheckpoint(checkpointStatement(from.sequence, from.hash), newest.signature))
        throw new LedgerChainBrokenError(from.sequence);
      if (!(await tx.extendsAnchor(from))) throw new LedgerChainBrokenError(from.sequence);
      if (anchor && !(await tx.extendsAnchor(anchor))) throw new LedgerChainBrokenError(anchor.sequence);
      await this.insertCheckpoint(em, sequence, head.hash);
      await signTree();
      return { sequence, hash: head.hash };
    });
  }

  /**
   * Signs the head when entries were appended since the newest checkpoint (what the server runs on a
   * timer, so the unsigned end of the ledger stays short in quiet hours too). Null when nothing was signed.
   */
  async checkpointIfBehind(): Promise<{ sequence: number; hash: string } | null> {
    const state = await ledgerHeadAndSigned(this.em);
    if (!state || Number(state.head) === 0 || Number(state.head) <= Number(state.signed ?? 0)) return null;
    return this.checkpoint();
  }

  /** The head, when a checkpoint signs it (null while the ledger is empty or its end is unsigned). */
  async signedHead(): Promise<LedgerAnchor | null> {
    const head = await ledgerHead(this.em);
    const sequence = Number(head?.sequence ?? 0);
    if (!head || sequence === 0 || !(await checkpointExists(this.em, sequence))) return null;
    return { sequence, hash: head.hash };
  }

  /** Signs and stores a checkpoint on `em` (the caller's transaction); a RESTORE entry's carries the restore's own signature too. */
  private async insertCheckpoint(
    em: EntityManager,
    sequence: number,
    hash: string,
    restoreSignature: string | null = null,
  ): Promise<void> {
    await insertCheckpointRow(em, {
      sequence,
      hash,
      signedAt: this.deps.now(),
      keyId: this.deps.cipher.keyId,
      signature: this.deps.cipher.signCheckpoint(checkpointStatement(sequence, hash)),
      restoreSignature,
    });
  }

  /**
   * The stored head and newest checkpoint, and the verification jobs' last result and current run:
   * a few rows, never a walk (a verification of 1M entries takes ~20 s, so it runs as a job). The
   * last result comes from the job table, so it survives restarts and is the same on every instance.
   */
  async status(): Promise<LedgerStatus> {
    const [head, newest] = [await ledgerHead(this.em), await newestCheckpoint(this.em)];
    const headSequence = Number(head?.sequence ?? 0);
    const lastCheckpoint = newest
      ? { sequence: Number(newest.sequence), hash: newest.hash, signedAt: fromDbDate(newest.signed_at) }
      : null;
    const kind = 'LEDGER_VERIFICATION';
    const lastVerification = await this.em.findOne(
      Job,
      { kind, status: { $in: ['SUCCEEDED', 'FAILED'] } },
      { orderBy: { finishedAt: 'desc', id: 'desc' }, populate: ['createdBy'] },
    );
    // RUNNING sorts after QUEUED: the one running first, else the oldest queued.
    const runningVerification = await this.em.findOne(
      Job,
      { kind, status: { $in: ['QUEUED', 'RUNNING'] } },
      { orderBy: { status: 'desc', id: 'asc' }, populate: ['createdBy'] },
    );
    return {
      headSequence,
      headHash: head?.hash ?? GENESIS_HASH,
      lastCheckpoint,
      checkpointPublicKey: this.deps.cipher.checkpointPublicKey,
      lastVerification,
      runningVerification,
      treeSize: Number(head?.tree_size ?? 0),
      // Numbers after the tree's reach: a restore's lost range inside it counts too (rare; gone once caught up).
      treeLag: headSequence - Number(head?.tree_sequence ?? 0),
    };
  }

  /**
   * Walks the whole chain and reports the first entry that fails: a changed entry, a missing or
   * reordered one, a chain that ends before the head or before a signed checkpoint, or a
   * checkpoint whose signature does not verify, a missing automatic checkpoint (one every
   * CHECKPOINT_EVERY entries), or an entry that differs from the outside `anchor`. `onBatch` hears
   * how many entries were checked after each batch (a job's progress). The head is read first and
   * only the entries up to it are checked, so entries appended during the walk (and their
   * checkpoints) are not taken for a broken chain.
   */
  async verify(
    anchor: LedgerAnchor | null = null,
    onBatch?: (checked: number) => Promise<void>,
  ): Promise<LedgerVerificationResult> {
    const failures: LedgerFailure[] = [];
    // The head first: every entry up to it (and every checkpoint among them) was committed with it.
    const head = await ledgerHead(this.em);
    const headSequence = Number(head?.sequence ?? 0);
    const headHash = head?.hash ?? GENESIS_HASH;
    const all = await signedCheckpoints(this.em);
    const checkpoints = all.filter((cp) => Number(cp.sequence) <= headSequence);
    const beyond = all.filter((cp) => Number(cp.sequence) > headSequence);
    const signed = new Map<number, CheckpointRow>();
    for (const cp of checkpoints) {
      const sequence = Number(cp.sequence);
      if (!this.deps.cipher.verifyCheckpoint(checkpointStatement(sequence, cp.hash), cp.signature)) {
        failures.push({ sequence, code: 'CHECKPOINT_SIGNATURE', reason: 'The checkpoint signature does not verify' });
      }
      signed.set(sequence, cp);
    }

    let prev = GENESIS_HASH;
    let last = 0;
    let checked = 0;
    let broken = false;
    let anchorSeen = false;
    const gaps: LedgerRecordedGap[] = [];
    while (!broken) {
      const rows = await entriesAfter(this.em, last, headSequence, VERIFY_BATCH);
      if (!rows.length) break;
      for (const row of rows) {
        const sequence = Number(row.sequence);
        const gap = sequence !== last + 1 ? this.recordedGap(row, last, signed) : null;
        const problem: LedgerFailure | null =
          sequence !== last + 1 && !gap
            ? { sequence: last + 1, code: 'ENTRY_MISSING', reason: `Entry ${last + 1} is missing` }
            : row.prev_hash !== prev
              ? { sequence, code: 'CHAIN_BROKEN', reason: 'The entry does not follow the one before it' }
              : entryHash(prev, this.contentOf(row)) !== row.hash
                ? { sequence, code: 'ENTRY_CHANGED', reason: 'The entry was changed after it was written' }
                : signed.has(sequence) && signed.get(sequence)!.hash !== row.hash
                  ? { sequence, code: 'CHECKPOINT_DIFFERS', reason: 'The entry differs from its signed checkpoint' }
                  : sequence % CHECKPOINT_EVERY === 0 && !signed.has(sequence)
                    ? {
                        sequence,
                        code: 'CHECKPOINT_MISSING',
                        reason: `The signed checkpoint of entry ${sequence} is missing`,
                      }
                    : anchor && anchor.sequence === sequence && anchor.hash !== row.hash
                      ? {
                          sequence,
                          code: 'ANCHOR_DIFFERS',
                          reason: 'The entry differs from the anchor recorded outside Steward',
                        }
                      : null;
        if (problem) {
          failures.push(problem);
          broken = true;
          break;
        }
        if (gap) {
          gaps.push(gap);
          // An anchor inside the lost range holds only if it is the very one the restore found and
          // signed (in its own statement, which recordedGap verified): never on the entry's word alone.
          if (anchor && anchor.sequence >= gap.from && anchor.sequence <= gap.to)
            anchorSeen = gap.anchor.sequence === anchor.sequence && gap.anchor.hash === anchor.hash;
        }
        if (anchor?.sequence === sequence) anchorSeen = true;
        prev = String(row.hash);
        last = sequence;
        checked += 1;
      }
      if (!broken && onBatch) await onBatch(checked);
    }

    if (!broken) {
      // A checkpoint after the head read is a concurrent append's only if its entry is there (they commit together).
      let uncovered = 0;
      for (const cp of beyond) {
        if ((await entryHashAt(this.em, Number(cp.sequence)))?.hash === cp.hash) continue;
        uncovered = Number(cp.sequence);
        break;
      }
      if (headSequence > last)
        failures.push({
          sequence: last + 1,
          code: 'ENTRIES_MISSING',
          at: headSequence,
          reason: `Entries ${last + 1} to ${headSequence} are missing`,
        });
      else if (uncovered)
        failures.push({
          sequence: last + 1,
          code: 'CHECKPOINT_UNCOVERED',
          at: uncovered,
          reason: `A signed checkpoint covers entry ${uncovered}, which is missing`,
        });
      else if (anchor && anchor.sequence > last)
        failures.push({
          sequence: last + 1,
          code: 'ANCHOR_UNCOVERED',
          at: anchor.sequence,
          reason: `The anchor recorded outside Steward covers entry ${anchor.sequence}, which is missing`,
        });
      else if (headHash !== prev || (await this.entriesPastUnmovedHead(headSequence)))
        failures.push({
          sequence: last,
          code: 'HEAD_MISMATCH',
          reason: 'The ledger head does not match the last entry',
        });
    }
    failures.sort((a, b) => a.sequence - b.sequence);
    const newest = checkpoints[checkpoints.length - 1];
    const lastCheckpoint = newest
      ? { sequence: Number(newest.sequence), hash: newest.hash, signedAt: fromDbDate(newest.signed_at) }
      : null;
    return {
      ok: failures.length === 0,
      checkedEntries: checked,
      headSequence,
      headHash,
      checkpoints: checkpoints.length,
      lastCheckpoint,
      unsignedEntries: Math.max(0, headSequence - (lastCheckpoint?.sequence ?? 0)),
      anchorChecked: anchor !== null && anchorSeen && failures.length === 0,
      gaps,
      firstFailure: failures[0] ?? null,
      checkpointPublicKey: this.deps.cipher.checkpointPublicKey,
    };
  }

  /**
   * After a restore: when the anchor kept outside the database is ahead of the restored head, the
   * entries after the head are lost. The gap is recorded, not hidden: the head jumps to the anchor (a
   * sequence number is never reused) and one RESTORE entry, chained to the restored head, names the
   * backup and the lost range; it is signed at once, and only it may move the anchor past the gap.
   * Returns the RESTORE entry's sequence and hash, or null when the anchor is not ahead.
   */
  async recordRestoreGap(
    anchor: LedgerAnchor,
    backup: RestoredBackup,
  ): Promise<{ sequence: number; hash: string; from: number; to: number } | null> {
    return inTransaction(this.em, async (em) => {
      const head = await lockLedgerHead(em);
      if (!head) throw new Error('The ledger head is missing');
      const from = Number(head.sequence) + 1;
      if (anchor.sequence < from) return null;
      await setLedgerHeadSequence(em, anchor.sequence);
      const basis = { restore: { lostFrom: from, lostTo: anchor.sequence, anchor, backup } };
      const [entry] = await new LedgerService(em, this.deps).append([
        {
          kind: 'RESTORE',
          actor: 'system',
          categories: [],
          outcome: 'RECORDED',
          basis,
          policyVersion: 0,
          subjectRef: null,
          payloadHash: backup.manifestHash,
        },
      ]);
      const sequence = entry!.sequence;
      const hash = String((await entryHashAt(em, sequence))!.hash);
      // The restore's own statement, in its own domain: what alone lets verification accept the gap.
      const restoreSignature = this.deps.cipher.signCheckpoint(
        restoreStatement({
          sequence,
          hash,
          lostFrom: from,
          lostTo: anchor.sequence,
          anchor,
          manifestHash: backup.manifestHash,
        }),
      );
      await this.insertCheckpoint(em, sequence, hash, restoreSignature);
      const state = await treeState(em);
      await new LedgerTreeService(em, this.deps).signCaughtUpHead(state);
      return { sequence, hash, from, to: anchor.sequence };
    });
  }

  /**
   * Whether entries follow a head that has not moved since `headSequence` was read: the head was
   * rewound over entries still there. (Once it moved, entries after `headSequence` are appends made
   * during the verification.)
   */
  private async entriesPastUnmovedHead(headSequence: number): Promise<boolean> {
    // Entries first, the head after: an entry and its head move commit together, so an entry seen
    // here means a later read of the head sees it moved, unless the head really was left behind.
    // (The other order raced: an append committing between the two reads looked like a stale head.)
    if ((await entriesAfter(this.em, headSequence, null, 1)).length === 0) return false;
    const now = await ledgerHead(this.em);
    return Number(now?.sequence ?? 0) === headSequence;
  }

  /**
   * The gap a RESTORE entry records right after entry `last`, if it records exactly that one and the
   * restore's own statement about it is signed (restoreStatement: made only by the restore tool; an
   * ordinary checkpoint signature, which the server gives any head on request, does not do).
   */
  private recordedGap(
    row: Row,
    last: number,
    signed: Map<number, CheckpointRow>,
  ): (LedgerRecordedGap & { anchor: LedgerAnchor }) | null {
    const sequence = Number(row.sequence);
    const restore = this.restoreBasisOf(row);
    if (!restore || restore.lostFrom !== last + 1 || restore.lostTo !== sequence - 1) return null;
    const { anchor } = restore;
    const manifestHash = restore.backup?.manifestHash;
    if (!anchor || typeof anchor.sequence !== 'number' || typeof anchor.hash !== 'string') return null;
    if (typeof manifestHash !== 'string') return null;
    const cp = signed.get(sequence);
    if (!cp || cp.hash !== row.hash || !cp.restore_signature) return null;
    const statement = restoreStatement({
      sequence,
      hash: String(row.hash),
      lostFrom: restore.lostFrom,
      lostTo: restore.lostTo,
      anchor,
      manifestHash,
    });
    if (!this.deps.cipher.verifyCheckpoint(statement, cp.restore_signature)) return null;
    return {
      sequence,
      from: restore.lostFrom,
      to: restore.lostTo,
      manifestHash,
      backupCreatedAt: String(restore.backup?.createdAt ?? ''),
      anchor: { sequence: anchor.sequence, hash: anchor.hash },
    };
  }

  private restoreBasisOf(row: Row): {
    lostFrom: number;
    lostTo: number;
    anchor?: LedgerAnchor;
    backup?: Partial<RestoredBackup>;
  } | null {
    if (row.kind !== 'RESTORE') return null;
    const basis = dialectOf(this.em).fromJsonColumn(row.basis) as { restore?: Record<string, unknown> } | null;
    const restore = basis?.restore;
    if (!restore || typeof restore.lostFrom !== 'number' || typeof restore.lostTo !== 'number') return null;
    return restore as { lostFrom: number; lostTo: number };
  }

  /**
   * Whether the chain from `anchor` to the head is intact: the anchored entry still has its hash and
   * every later entry follows the one before it unchanged, without a gap, up to the head. Walks only
   * the entries after the anchor, so the server can check it before signing a new head. An anchor at
   * 0 (with the genesis hash) is the start of the ledger.
   */
  async extendsAnchor(anchor: LedgerAnchor): Promise<boolean> {
    if (anchor.sequence === 0) {
      if (anchor.hash !== GENESIS_HASH) return false;
    } else {
      const first = await entryHashAt(this.em, anchor.sequence);
      if (!first || first.hash !== anchor.hash) return false;
    }
    let prev = anchor.hash;
    let last = anchor.sequence;
    for (;;) {
      const rows = await entriesAfter(this.em, last, null, VERIFY_BATCH);
      if (!rows.length) break;
      for (const row of rows) {
        const sequence = Number(row.sequence);
        if (sequence !== last + 1 || row.prev_hash !== prev || entryHash(prev, this.contentOf(row)) !== row.hash)
          return false;
        prev = String(row.hash);
        last = sequence;
      }
    }
    const head = await ledgerHead(this.em);
    return Number(head?.sequence) === last && head?.hash === prev;
  }

  private contentOf(row: Row): LedgerEntryContent {
    return entryContentOf(this.em, row);
  }
}
