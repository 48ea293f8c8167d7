import type { JobFieldsFragment } from '@steward/schema';
import type { TFunction } from 'i18next';

/** Whether a job may still change (the page refreshes while one does). */
export function jobActive(job: Pick<JobFieldsFragment, 'status'>): boolean {
  return job.status === 'QUEUED' || job.status === 'RUNNING';
}

/** The progress bar's value in percent, or null when the job has not said how much there is. */
export function progressPercent(progress: JobFieldsFragment['progress']): number | null {
  if (progress.total === null || progress.total === undefined) return null;
  if (progress.total <= 0) return 100;
  return Math.min(100, Math.round((progress.done / progress.total) * 100));
}

/** The job's progress in words (`t` of the `jobs` namespace), through its message key when the page knows it. */
export function progressText(t: TFunction, progress: JobFieldsFragment['progress']): string {
  const { done } = progress;
  const total = progress.total ?? null;
  if (progress.message === 'ledger.verify.entries') {
    return total === null
      ? t('jobs:progress.messages.ledgerEntries', { done })
      : t('jobs:progress.messages.ledgerEntriesOf', { done, total });
  }
  if (progress.message === 'export.rows') return t('jobs:progress.messages.exportRows', { done });
  if (progress.message === 'import.rows' && total !== null)
    return t('jobs:progress.messages.importRowsOf', { done, total });
  return total === null ? t('jobs:progress.plain', { done }) : t('jobs:progress.plainOf', { done, total });
}

/** What a job ended with, in words: its result for the kinds the page knows, or its error code. */
export function outcomeText(
  t: TFunction,
  job: Pick<JobFieldsFragment, 'kind' | 'status' | 'result' | 'errorCode'>,
): string {
  const result = parseResult(job.result);
  if (job.kind === 'LEDGER_VERIFICATION' && result && typeof result.ok === 'boolean') {
    if (result.ok) return t('jobs:outcomes.ledgerOk', { entries: Number(result.checkedEntries ?? 0) });
    return typeof result.firstFailureSequence === 'number'
      ? t('jobs:outcomes.ledgerBrokenFrom', { sequence: result.firstFailureSequence })
      : t('jobs:outcomes.ledgerBroken');
  }
  if (job.kind === 'LIST_EXPORT' && result && job.status === 'SUCCEEDED')
    return t('jobs:outcomes.exportRows', { rows: Number(result.rows ?? 0) });
  if (job.kind === 'EXPORT_PURGE' && result && job.status === 'SUCCEEDED')
    return t('jobs:outcomes.exportPurged', { purged: Number(result.purged ?? 0) });
  if (job.kind === 'MEMBER_IMPORT' && result && typeof result.created === 'number') {
    return t('jobs:outcomes.imported', {
      created: result.created,
      skipped: Number(result.skipped ?? 0),
      invalid: Number(result.invalid ?? 0),
      failed: Number(result.failed ?? 0),
    });
  }
  if (job.errorCode) return errorText(t, job.errorCode);
  return '';
}

function errorText(t: TFunction, code: string): string {
  switch (code) {
    case 'LEDGER_VERIFICATION_FAILED':
      return t('jobs:errors.LEDGER_VERIFICATION_FAILED');
    case 'ABANDONED':
      return t('jobs:errors.ABANDONED');
    case 'INTERNAL':
      return t('jobs:errors.INTERNAL');
    case 'EXPORT_INVALID':
      return t('jobs:errors.EXPORT_INVALID');
    case 'FORBIDDEN':
      return t('jobs:errors.FORBIDDEN');
    default:
      return t('jobs:errors.other', { code });
  }
}

/** A job's result as an object (null when it has none or it is not JSON). */
export function parseResult(text: string | null | undefined): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
