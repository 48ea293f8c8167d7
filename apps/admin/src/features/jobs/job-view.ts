import type { JobFieldsFragment } from '@steward/schema';
import { JOBS_TEXT } from './jobs-texts.js';

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

/** The job's progress in words, through its message key when the page knows it. */
export function progressText(progress: JobFieldsFragment['progress']): string {
  const total = progress.total ?? null;
  const text = progress.message ? JOBS_TEXT.progressMessages[progress.message] : undefined;
  return text ? text(progress.done, total) : JOBS_TEXT.progressPlain(progress.done, total);
}

/** What a job ended with, in words: its result for the kinds the page knows, or its error code. */
export function outcomeText(job: Pick<JobFieldsFragment, 'kind' | 'status' | 'result' | 'errorCode'>): string {
  const result = parseResult(job.result);
  if (job.kind === 'LEDGER_VERIFICATION' && result && typeof result.ok === 'boolean') {
    return result.ok
      ? JOBS_TEXT.outcomes.ledgerOk(Number(result.checkedEntries ?? 0))
      : JOBS_TEXT.outcomes.ledgerBroken(
          typeof result.firstFailureSequence === 'number' ? result.firstFailureSequence : null,
        );
  }
  if (job.errorCode) return JOBS_TEXT.errors[job.errorCode] ?? JOBS_TEXT.errorOf(job.errorCode);
  return '';
}

function parseResult(text: string | null | undefined): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
