import { exportAvailable, mayDownloadExport, type ExportList } from '@steward/policy-core';
import { AuditService } from '../audit/audit.service.js';
import { NotFoundError } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { inTransaction, Service } from '../common/transaction.js';
import type { Actor } from '../context.js';
import { JobService } from '../jobs/job.service.js';
import type { Job } from '../jobs/job.entity.js';
import { ExportFile } from './export-file.entity.js';
import { EXPORT_LIST_RUNNERS } from './export-lists.js';
import { ExportNames } from './export-names.js';
import { exportText } from './export-text.js';
import { FILTER_FIELD, type StartExportInput } from './export.inputs.js';
import { exportFilterContext } from './export.presenter.js';
import type { ListExportPayload } from './list-export.job.js';

/** Thrown to roll the filter check's transaction back: the check reads, it must leave nothing behind. */
class RollBack extends Error {}

/** CSV exports of the admin's lists: started as a job (list-export.job.ts), downloaded at /api/exports/<id> (export.route.ts). */
export class ExportService extends Service<Actor> {
  /**
   * Starts an export of `input.list` with its filter (audited as `job.started`). The filter is first
   * checked by reading one row through the list's own service, so a bad filter is refused now with
   * the list's own code and field (nothing of that read is kept: its audit entry is rolled back),
   * then sealed into the job's payload: a search may hold a name or an e-mail.
   */
  async start(input: StartExportInput): Promise<Job> {
    const list: ExportList = input.list;
    const field = FILTER_FIELD[list];
    const filter = JSON.parse(JSON.stringify(field ? (input[field] ?? {}) : {})) as Record<string, unknown>;
    await this.checkFilter(list, filter);
    return new JobService(this.em, this.actor, this.deps).start(
      'LIST_EXPORT',
      (id): ListExportPayload => ({
        list,
        userId: this.actor.userId,
        filterSealed: this.deps.cipher.encrypt(JSON.stringify(filter), exportFilterContext(id)),
      }),
      { list },
    );
  }

  private async checkFilter(list: ExportList, filter: Record<string, unknown>): Promise<void> {
    const text = exportText('en', 'UTC');
    try {
      await inTransaction(this.em.fork(), async (tx) => {
        const source = { em: tx, actor: this.actor, deps: this.deps };
        await EXPORT_LIST_RUNNERS[list].page(source, filter, null, 1, text, new ExportNames(tx, 'en'));
        throw new RollBack();
      });
    } catch (err) {
      if (!(err instanceof RollBack)) throw err;
    }
  }

  /**
   * The file of export `id` for its download, sealed (the route opens it through the presenter):
   * NOT_FOUND when there is none, it expired or the caller may not have it (policy-core's
   * mayDownloadExport: the member who asked, or an owner) — one answer, so another member cannot
   * tell whether an id exists. The download is audited as `export.downloaded`, listing the provider
   * ids the file names.
   */
  async download(id: string): Promise<ExportFile> {
    const file = isUuid(id)
      ? await this.em.findOne(ExportFile, { id: id.toLowerCase() }, { populate: ['contentSealed'] })
      : null;
    const available = file && exportAvailable(file.expiresAt, this.deps.now());
    if (!available || !mayDownloadExport(this.actor, { createdById: file.createdBy.id }))
      throw new NotFoundError('Export', 'id');
    const providerIds = JSON.parse(file.providerIds) as string[];
    await new AuditService(this.em, this.actor, this.deps).insertNow({
      action: 'export.downloaded',
      entityType: 'ExportFile',
      subject: file.id,
      providerIds,
      detail: { list: file.list, rows: file.rowCount, providers: providerIds.length },
    });
    return file;
  }
}
