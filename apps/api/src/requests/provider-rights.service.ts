import { AuditService } from '../audit/audit.service.js';
import { recipientNameRows } from '../recipients/recipient.queries.js';
import { DataItemChange } from './data-item-change.entity.js';
import { ProviderCessation } from './provider-cessation.entity.js';
import { presentCessation, presentChange } from './request.presenter.js';
import type { DataItemChangeType, ProviderCessationType } from './request.type.js';
import { isUuid } from '../common/ids.js';
import { Service } from '../common/transaction.js';

/** A provider's amendment history and cessations (for the admin's provider page); reads are audited. */
export class ProviderRightsService extends Service {
  async itemChanges(providerId: string): Promise<DataItemChangeType[]> {
    if (!isUuid(providerId)) return [];
    const rows = await this.em.find(
      DataItemChange,
      { provider: providerId },
      { orderBy: { changedAt: 'desc', id: 'desc' }, populate: ['request'] },
    );
    if (rows.length) {
      await new AuditService(this.em, this.actor, this.deps).insertNow({
        action: 'provider.read',
        entityType: 'Provider',
        subject: providerId,
        providerIds: [providerId],
        detail: { categories: [...new Set(rows.map((r) => r.category))], amendments: rows.length },
      });
    }
    return rows.map((r) => presentChange(this.deps.cipher, r, r.request?.reference ?? null));
  }

  async cessations(providerId: string): Promise<ProviderCessationType[]> {
    if (!isUuid(providerId)) return [];
    const rows = await this.em.find(
      ProviderCessation,
      { provider: providerId },
      { orderBy: { since: 'desc', id: 'desc' }, populate: ['request'] },
    );
    const ids = [...new Set(rows.map((r) => r.recipientId).filter((x): x is string => !!x))];
    const names = ids.length ? await recipientNameRows(this.em, ids) : [];
    const byId = new Map(names.map((n) => [String(n.id), String(n.name)]));
    return rows.map((r) => presentCessation(r, byId, r.request?.reference ?? null));
  }
}
