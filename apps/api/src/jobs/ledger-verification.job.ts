import { AuditService } from '../audit/audit.service.js';
import { openLedgerVerificationIncident } from '../incidents/detectors/ledger-verification.detector.js';
import { readAnchorFile } from '../ledger/anchor-file.js';
import { ledgerHead } from '../ledger/ledger.queries.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { DAILY, JobFailure, type JobKindDefinition, type JobSchedule } from './job-runner.js';

/** The progress message key of a ledger verification: `done` of `total` entries checked. */
export const LEDGER_VERIFICATION_PROGRESS = 'ledger.verify.entries';

/**
 * The scheduled ledger verification: the whole chain, its signed checkpoints and the anchor the
 * server keeps outside the database (STEWARD_LEDGER_ANCHOR_FILE), exactly as `verifyLedger` and
 * `npm run ledger:verify` check it (LedgerService.verify). Its outcome is audited
 * (`ledger.verified` / `ledger.verification_failed`, by `job:<id>`); a ledger that does not verify
 * fails the job with LEDGER_VERIFICATION_FAILED at once (another attempt would find the same), and
 * the result names the first failing entry's number (never its content). A failure also opens a
 * FALSIFICATION incident (incidents/detectors/ledger-verification.detector.ts), named in the result.
 */
export const ledgerVerificationJob: JobKindDefinition = {
  kind: 'LEDGER_VERIFICATION',
  maxAttempts: 3,
  backoffSeconds: 60,
  async run({ id, em, deps, progress }) {
    const file = deps.config.ledgerAnchorFile;
    const anchor = file ? readAnchorFile(file) : null;
    const total = Number((await ledgerHead(em))?.sequence ?? 0);
    await progress(0, total, LEDGER_VERIFICATION_PROGRESS);
    const result = await new LedgerService(em, deps).verify(anchor, (checked) =>
      progress(checked, total, LEDGER_VERIFICATION_PROGRESS),
    );
    const summary = {
      ok: result.ok,
      checkedEntries: result.checkedEntries,
      headSequence: result.headSequence,
      headHash: result.headHash,
      checkpoints: result.checkpoints,
      unsignedEntries: result.unsignedEntries,
      anchorChecked: result.anchorChecked,
      firstFailureSequence: result.firstFailure?.sequence ?? null,
    };
    await new AuditService(em, null, deps, `job:${id}`).insertNow({
      action: result.ok ? 'ledger.verified' : 'ledger.verification_failed',
      entityType: 'Job',
      subject: id,
      detail: {
        checkedEntries: summary.checkedEntries,
        headSequence: summary.headSequence,
        firstFailureSequence: summary.firstFailureSequence,
      },
    });
    if (!result.ok) {
      // A ledger that does not verify is an incident (possible falsification): one per verification.
      const incident = await openLedgerVerificationIncident(em, deps, id, result);
      throw new JobFailure('LEDGER_VERIFICATION_FAILED', {
        retry: false,
        result: { ...summary, incidentReference: incident?.reference ?? null },
      });
    }
    return summary;
  },
};

/** One ledger verification per UTC day, on whichever instance enqueues it first. */
export const ledgerVerificationSchedule: JobSchedule = { kind: 'LEDGER_VERIFICATION', periodOf: DAILY };
