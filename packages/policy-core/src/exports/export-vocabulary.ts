import { memberOf } from '../vocabulary/guard.js';
import type { AdminRole } from '../vocabulary/roles.js';

/**
 * The admin's lists that can be exported as CSV (each a list page with the same filters). A new
 * list is one value here, its label in the catalogue and one column definition on the API.
 */
export const EXPORT_LISTS = [
  'PROVIDERS',
  'PROVIDER_REQUESTS',
  'INQUIRIES',
  'PERMITTED_EXCEPTIONS',
  'RECIPIENTS',
  'AUDIT_LOG',
  'LEDGER_ENTRIES',
] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];
export const isExportList = memberOf(EXPORT_LISTS);

/**
 * How long an export's file is kept: it holds personal data (names, references), so it is
 * downloadable for a day and then purged, not kept as a second copy of the records.
 */
export const EXPORT_RETENTION_MS = 24 * 60 * 60 * 1000;

/** When a file made at `createdAt` expires (and is purged). */
export function exportExpiresAt(createdAt: Date): Date {
  return new Date(createdAt.getTime() + EXPORT_RETENTION_MS);
}

/** Whether a file that expires at `expiresAt` is still downloadable at `now` (the expiry instant itself is past). */
export function exportAvailable(expiresAt: Date, now: Date): boolean {
  return now.getTime() < expiresAt.getTime();
}

/**
 * Who may download an export: the member of staff who asked for it, or an owner. A privacy
 * officer or viewer never downloads another member's file (it was filtered and audited for them).
 */
export function mayDownloadExport(
  caller: { userId: string; role: AdminRole } | null | undefined,
  file: { createdById: string | null },
): boolean {
  if (!caller) return false;
  return caller.role === 'OWNER' || (file.createdById !== null && caller.userId === file.createdById);
}
