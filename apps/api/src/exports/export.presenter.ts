import type { FieldCipher } from '../crypto/field-cipher.js';

/** The cipher context of an export's file: bound to its row, so a sealed file cannot be moved to another. */
export const exportContentContext = (id: string) => `export_file.content:${id}`;

/** The cipher context of an export job's filter (it may hold a searched name or e-mail): bound to the job. */
export const exportFilterContext = (jobId: string) => `job.payload.filter:${jobId}`;

/** An export's CSV, opened for its download (the route checked who asks and audits it). */
export function openExportContent(cipher: FieldCipher, id: string, sealed: string): string {
  return cipher.decrypt(sealed, exportContentContext(id));
}

/** An export job's filter, opened for the job that reads the list with it. */
export function openExportFilter(cipher: FieldCipher, jobId: string, sealed: string): Record<string, unknown> {
  const value: unknown = JSON.parse(cipher.decrypt(sealed, exportFilterContext(jobId)));
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}
