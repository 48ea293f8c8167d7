import type { EntityManager } from '@mikro-orm/core';
import { insertAuditRows } from '../audit/audit.queries.js';
import { auditRow, type AuditFact } from '../audit/audit.service.js';
import { commitInGroup, type GroupWriter } from '../common/group-commit.js';
import type { Actor, AppDeps } from '../context.js';
import type { LedgerEntryContent } from './ledger-hash.js';
import { LedgerService, type LedgerFact } from './ledger.service.js';

/** What one decision or hand-over leaves behind: its ledger entries and the audit entry that goes with them. */
export interface LedgerRecord {
  ledger: readonly LedgerFact[];
  /**
   * The audit entry, or a function of the ledger entries once they are numbered; none when the
   * ledger entries are the whole record (a decision reads no personal value and changes nothing).
   */
  audit: AuditFact | ((entries: readonly LedgerEntryContent[]) => AuditFact) | null;
  /** The admin acting, or null with `otherActorLabel` (e.g. `partner:<credentialId>`, `system:<credentialId>`). */
  actor: Actor | null;
  otherActorLabel?: string;
  deps: AppDeps;
}

/**
 * A whole group's records in one go: one move of the ledger head, the entries as multi-row
 * inserts (hashes chained in arrival order), the audit entries likewise.
 */
const writeRecords: GroupWriter<LedgerRecord, LedgerEntryContent[]> = async (tx, records) => {
  const deps = records[0]!.deps;
  const entries = await new LedgerService(tx, deps).append(records.flatMap((r) => r.ledger));
  const at = deps.now();
  let offset = 0;
  const own = records.map((r) => entries.slice(offset, (offset += r.ledger.length)));
  const audits = records.flatMap((r, i) =>
    r.audit === null
      ? []
      : [
          auditRow(
            typeof r.audit === 'function' ? r.audit(own[i]!) : r.audit,
            r.actor,
            r.otherActorLabel ?? 'system',
            at,
          ),
        ],
  );
  if (audits.length) await insertAuditRows(tx, audits);
  return own;
};

/**
 * Records ledger entries and their audit entry together, group-committed with the records of
 * concurrent requests (common/group-commit.ts), and resolves with the entries once they are
 * durable. Inside a caller's transaction they are written there instead.
 */
export function recordGrouped(em: EntityManager, record: LedgerRecord): Promise<LedgerEntryContent[]> {
  return commitInGroup(em, writeRecords, record);
}
