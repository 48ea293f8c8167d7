import DataLoader from 'dataloader';
import { roleAbilities } from '@steward/policy-core';
import { AuditService } from '../audit/audit.service.js';
import { isUuid } from '../common/ids.js';
import { Service } from '../common/transaction.js';
import { ProviderService } from '../providers/provider.service.js';
import {
  adminRows,
  exceptionTitleRows,
  partnerKeyRows,
  providerReferenceRows,
  systemKeyRows,
} from './names.queries.js';
import { actorIds, presentActorRefs, presentProviderNames } from './names.presenter.js';
import type { ActorRefType, ProviderRefType } from './names.type.js';

/**
 * Names for what a record refers to by id — actors, providers, exceptions — for the screens. Made
 * once per operation (services.ts), its loaders gather every reference a page's rows ask for in one
 * tick and read each kind with one statement: a page of 50 ledger entries costs at most one query
 * per kind, never one per row. A provider's name is read (and audited) only when the field is
 * asked for, and only for a role that may read names.
 */
export class NameService extends Service {
  private readonly actors = new DataLoader<string, ActorRefType>(async (refs) => {
    const ids = actorIds(refs);
    const [admins, partnerKeys, systemKeys] = [
      ids.admins.length ? await adminRows(this.em, ids.admins) : [],
      ids.partnerKeys.length ? await partnerKeyRows(this.em, ids.partnerKeys) : [],
      ids.systemKeys.length ? await systemKeyRows(this.em, ids.systemKeys) : [],
    ];
    return presentActorRefs(refs, { admins, partnerKeys, systemKeys });
  });

  private readonly providers = new DataLoader<string, ProviderRefType>(async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await providerReferenceRows(this.em, valid) : [];
    const reference = new Map(rows.map((r) => [String(r.id), String(r.reference)]));
    return ids.map((id) => ({ id, reference: reference.get(id) ?? null }));
  });

  private readonly providerNames = new DataLoader<string, string | null>(async (ids) => {
    const sealed = await new ProviderService(this.em, this.actor, this.deps).sealedDisplayNames(ids.filter(isUuid));
    // One read of the page's names: one audit entry listing the providers whose names were shown.
    if (sealed.size) {
      await new AuditService(this.em, this.actor, this.deps).insertNow({
        action: 'provider.read',
        entityType: 'Provider',
        providerIds: [...sealed.keys()],
        detail: { categories: ['NAME'], count: sealed.size },
      });
    }
    return presentProviderNames(this.deps.cipher, ids, sealed);
  });

  private readonly exceptionTitles = new DataLoader<string, string | null>(async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await exceptionTitleRows(this.em, valid) : [];
    const title = new Map(rows.map((r) => [String(r.id), String(r.title)]));
    return ids.map((id) => title.get(id) ?? null);
  });

  /** `admin:<id>`, `partner:<id>`, `system:<id>`, `system`, `job:<id>` as a person reads it. */
  actorRef(ref: string): Promise<ActorRefType> {
    return this.actors.load(ref);
  }

  provider(id: string): Promise<ProviderRefType> {
    return this.providers.load(id);
  }

  /** The provider's name, or null: none on record, or a role that may not read names (nothing read, nothing audited). */
  providerName(id: string): Promise<string | null> {
    if (!roleAbilities(this.actor?.role).readProviderNames) return Promise.resolve(null);
    return this.providerNames.load(id);
  }

  exceptionTitle(id: string): Promise<string | null> {
    return this.exceptionTitles.load(id);
  }
}
