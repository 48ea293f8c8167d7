import { isProviderKind } from '@steward/policy-core';
import { AuditService } from '../audit/audit.service.js';
import { AdminUser } from '../auth/admin-user.entity.js';
import { actorOf } from '../auth/auth.service.js';
import { CollectionService, type ImportedFrom } from '../collection/collection.service.js';
import type { RecordCollectionInput } from '../collection/collection.inputs.js';
import { DomainError } from '../common/errors.js';
import { JobFailure, type JobKindDefinition } from '../jobs/job-runner.js';
import { ImportFile } from './import-file.entity.js';
import { openImportFile } from './import.presenter.js';
import { planFile, type ImportSettings } from './import.service.js';

/** The progress message key of an import: `done` of `total` rows. */
export const MEMBER_IMPORT_PROGRESS = 'import.rows';
/** Rows per transaction: one commit per batch, and the ORM's unit of work stays small. */
const BATCH = 250;
/** At most this many row numbers are kept per outcome in the job's result. */
const ROWS_KEPT = 1000;

/**
 * Imports a file's rows as collections (channel IMPORT) through `CollectionService.recordImported`,
 * as the admin who started it: each READY row a provider with its items, consents, receipt, ledger
 * entries (the file's SHA-256 and the job in the basis) and audit entry. Rows whose key a provider
 * already has are skipped, so running the same file again adds nothing. The sealed file is deleted
 * when the job ends (its last attempt, or success).
 */
export const memberImportJob: JobKindDefinition = {
  kind: 'MEMBER_IMPORT',
  maxAttempts: 3,
  backoffSeconds: 30,
  async run({ id, em, deps, progress, payload, attempt }) {
    const settings = payload as unknown as ImportSettings;
    const file = await em.findOne(ImportFile, { id: settings.fileId, jobId: id }, { populate: ['contentSealed'] });
    if (!file || !isProviderKind(settings.providerKind)) throw new JobFailure('IMPORT_FILE_MISSING', { retry: false });
    let done = false;
    try {
      const result = await importRows(id, file, settings, { em, deps, progress });
      done = true;
      return result;
    } finally {
      if (done || attempt >= memberImportJob.maxAttempts) await em.nativeDelete(ImportFile, { id: file.id });
    }
  },
};

type RunParts = Pick<Parameters<JobKindDefinition['run']>[0], 'em' | 'deps' | 'progress'>;

async function importRows(jobId: string, file: ImportFile, settings: ImportSettings, { em, deps, progress }: RunParts) {
  const user = file.createdBy ? await em.findOne(AdminUser, { id: file.createdBy.id }) : null;
  if (!user) throw new JobFailure('IMPORT_STARTER_GONE', { retry: false });
  // The collections are recorded as the member who uploaded and started the import (no session: a job).
  const actor = actorOf(user, '');
  const table = await openImportFile(deps.cipher, file);
  const { plans, policyVersion } = await planFile(em, table, settings, deps.now());
  const total = plans.length;
  await progress(0, total, MEMBER_IMPORT_PROGRESS);

  const outcome = { created: [] as number[], skipped: [] as number[], failed: [] as number[], invalid: [] as number[] };
  for (const p of plans)
    if (p.status === 'INVALID') outcome.invalid.push(p.row);
    else if (p.status === 'EXISTS') outcome.skipped.push(p.row);
  const ready = plans.filter((p) => p.status === 'READY');
  const service = new CollectionService(em, actor, deps);
  const toInput = (p: (typeof ready)[number]): { input: RecordCollectionInput; from: ImportedFrom } => ({
    input: {
      newProvider: { kind: settings.providerKind, reference: p.reference },
      channel: 'IMPORT',
      consentMethod: p.draft!.consentMethod,
      policyVersionShown: p.draft!.policyVersionShown,
      purposes: [...p.draft!.purposes],
      items: p.draft!.items.map((i) => ({ category: i.category, value: i.value, publiclyAvailable: false })),
      source: `Import SHA-256 ${file.sha256.slice(0, 16)}`,
    },
    from: { consentedAt: p.consentDate ?? deps.now(), fileSha256: file.sha256, jobId },
  });

  let processed = total - ready.length;
  for (let i = 0; i < ready.length; i += BATCH) {
    const batch = ready.slice(i, i + BATCH);
    try {
      await service.recordImported(batch.map(toInput));
      outcome.created.push(...batch.map((p) => p.row));
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      // One row was refused (e.g. a key taken since the plan): write the batch row by row.
      em.clear();
      for (const p of batch) {
        try {
          await service.recordImported([toInput(p)]);
          outcome.created.push(p.row);
        } catch (rowErr) {
          if (!(rowErr instanceof DomainError)) throw rowErr;
          em.clear();
          const duplicate = JSON.stringify(rowErr.extensions ?? {}).includes('"DUPLICATE"');
          (duplicate ? outcome.skipped : outcome.failed).push(p.row);
        }
      }
    }
    em.clear();
    processed += batch.length;
    await progress(processed, total, MEMBER_IMPORT_PROGRESS);
  }

  const result = {
    fileSha256: file.sha256,
    policyVersion: policyVersion,
    rows: total,
    created: outcome.created.length,
    skipped: outcome.skipped.length,
    invalid: outcome.invalid.length,
    failed: outcome.failed.length,
    invalidRows: outcome.invalid.slice(0, ROWS_KEPT),
    failedRows: outcome.failed.slice(0, ROWS_KEPT),
    skippedRows: outcome.skipped.slice(0, ROWS_KEPT),
  };
  await new AuditService(em, null, deps, `job:${jobId}`).insertNow({
    action: 'import.completed',
    entityType: 'Job',
    subject: jobId,
    detail: {
      fileSha256: file.sha256,
      policyVersion: policyVersion,
      created: result.created,
      skipped: result.skipped,
      invalid: result.invalid,
      failed: result.failed,
    },
  });
  return result;
}
