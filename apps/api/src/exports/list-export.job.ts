import { exportExpiresAt, isExportList, label, type ExportList } from '@steward/policy-core';
import { AuditService } from '../audit/audit.service.js';
import { AdminUser } from '../auth/admin-user.entity.js';
import { actorOf } from '../auth/auth.service.js';
import { WRITERS } from '../common/auth-checker.js';
import { inTransaction } from '../common/transaction.js';
import { languageFor } from '../i18n/language.js';
import { JobFailure, type JobKindDefinition, type JobSchedule } from '../jobs/job-runner.js';
import { loadOrganisation } from '../organisation/organisation.service.js';
import { csvRecords, UTF8_BOM } from './export-csv.js';
import { ExportFile } from './export-file.entity.js';
import { ExportProvider } from './export-provider.entity.js';
import { insertExportProviders } from './export.queries.js';
import { EXPORT_LIST_RUNNERS } from './export-lists.js';
import { ExportNames } from './export-names.js';
import { exportText } from './export-text.js';
import { exportContentContext, openExportFilter } from './export.presenter.js';

/** The progress message key of an export: `done` rows written (the total is not known before the last page). */
export const LIST_EXPORT_PROGRESS = 'export.rows';

/** Rows read per page: the lists' largest page. */
const EXPORT_PAGE = 100;

/** What an export job's payload holds: ids and the filter sealed (a search may be a name or an e-mail). */
export type ListExportPayload = {
  list: ExportList;
  userId: string;
  filterSealed: string;
};

/** `2026-12-07 15:30` → `20261207-1530`, for the file's name. */
const stampOf = (dateTime: string) => dateTime.replace(/-/g, '').replace(' ', '-').replace(':', '');

/**
 * A CSV export of one of the admin's lists (exports/export-lists.ts) with the filter the member had
 * on screen, read page by page through the list's own service as that member (so their role, the
 * list's rules and its audit apply as on screen), worded in their language with times in the
 * organisation's zone. The file (UTF-8 with a BOM, formulas neutralised) is sealed into
 * `export_file` under the job's id with its expiry, and its generation audited as
 * `export.generated`, listing the provider ids it names, in the same transaction.
 */
export const listExportJob: JobKindDefinition = {
  kind: 'LIST_EXPORT',
  maxAttempts: 3,
  backoffSeconds: 30,
  async run({ id, payload, em, deps, progress }) {
    const { list, userId, filterSealed } = payload as Partial<ListExportPayload>;
    if (!isExportList(list) || typeof userId !== 'string' || typeof filterSealed !== 'string')
      throw new JobFailure('EXPORT_INVALID', { retry: false });
    // The member as they are now: one deactivated or no longer a writer since asking gets nothing.
    const user = await em.findOne(AdminUser, { id: userId });
    if (!user || user.disabled || !WRITERS.includes(user.role)) throw new JobFailure('FORBIDDEN', { retry: false });
    const actor = actorOf(user, '');
    const filter = openExportFilter(deps.cipher, id, filterSealed);
    const language = await languageFor({ actor, em });
    const organisation = await loadOrganisation(em);
    const text = exportText(language, organisation.timeZone);
    const names = new ExportNames(em, language);
    const runner = EXPORT_LIST_RUNNERS[list];

    const chunks = [UTF8_BOM + csvRecords([runner.headers.map((h) => text.t(h))])];
    const providerIds = new Set<string>();
    let rows = 0;
    let after: string | null = null;
    await progress(0, null, LIST_EXPORT_PROGRESS);
    do {
      const page = await runner.page({ em, actor, deps }, filter, after, EXPORT_PAGE, text, names);
      chunks.push(csvRecords(page.cells));
      for (const providerId of page.providerIds) providerIds.add(providerId);
      rows += page.cells.length;
      after = page.after;
      em.clear();
      await progress(rows, after ? null : rows, LIST_EXPORT_PROGRESS);
    } while (after);

    const now = deps.now();
    const fileName = text.t('file.name', {
      list: label(language, 'exportList', list),
      stamp: stampOf(text.dateTime(now)!),
    });
    const ids = [...providerIds];
    await inTransaction(em, async (tx) => {
      // A retried attempt replaces what an earlier one may have written.
      await tx.nativeDelete(ExportFile, { id });
      await tx.nativeDelete(ExportProvider, { exportId: id });
      tx.persist(
        tx.create(ExportFile, {
          id,
          list,
          createdBy: tx.getReference(AdminUser, user.id),
          fileName,
          contentSealed: deps.cipher.encrypt(chunks.join(''), exportContentContext(id)),
          rowCount: rows,
          providerIds: JSON.stringify(ids),
          expiresAt: exportExpiresAt(now),
          createdAt: now,
          updatedAt: now,
        }),
      );
      // Which providers the file named, kept after the file is purged: a lost export's people (incidents, IN_EXPORT).
      await insertExportProviders(tx, id, ids);
      new AuditService(tx, actor, deps).record({
        action: 'export.generated',
        entityType: 'ExportFile',
        subject: id,
        providerIds: ids,
        detail: { list, rows, providers: ids.length },
      });
    });
    return { list, rows, providers: ids.length, expiresAt: exportExpiresAt(now).toISOString() };
  },
};

/**
 * Deletes the export files past their expiry (policy-core's EXPORT_RETENTION_MS after they were
 * made), hourly; the download refuses an expired file even before the purge reaches it.
 */
export const exportPurgeJob: JobKindDefinition = {
  kind: 'EXPORT_PURGE',
  maxAttempts: 3,
  backoffSeconds: 60,
  async run({ id, em, deps }) {
    const purged = await em.nativeDelete(ExportFile, { expiresAt: { $lte: deps.now() } });
    if (purged)
      await new AuditService(em, null, deps, `job:${id}`).insertNow({
        action: 'export.purged',
        entityType: 'ExportFile',
        detail: { files: purged },
      });
    return { purged };
  },
};

/** One purge per UTC hour, on whichever instance enqueues it first. */
export const exportPurgeSchedule: JobSchedule = {
  kind: 'EXPORT_PURGE',
  periodOf: (now) => now.toISOString().slice(0, 13),
};
