import {
  DATA_CATEGORIES,
  FIELD_LIMITS,
  currentConsents,
  validateText,
  validateReference,
  type ConsentState,
  type DataCategory,
  type Issue,
  type ProviderKind,
  type ProviderLanguage,
} from '@steward/policy-core';
import { AuditService } from '../audit/audit.service.js';
import { BadInputError, NotFoundError, badInput } from '../common/errors.js';
import { assertVersion, flushOrConflict } from '../common/optimistic-lock.js';
import { purposeIdByKey } from '../purposes/purpose-facts.js';
import {
  nameItemRows,
  providerCountUpTo,
  providerOptionRowsByIds,
  providerPageRows,
  type ProviderOrder,
} from './provider.queries.js';
import { pageSize, toKeysetPage } from '../common/pagination.js';
import { TOTAL_COUNT_CAP, toTotal, withTotal } from '../common/connection.js';
import { decodeSortCursor, encodeSortCursor, type Sort } from '../common/sorting.js';
import { CollectionRecord } from '../collection/collection-record.entity.js';
import { ConsentEvent } from '../consent/consent-event.entity.js';
import { consentEventFact } from '../consent/consent-event-fact.js';
import { Purpose } from '../purposes/purpose.entity.js';
import { PersonalDataItem } from './personal-data-item.entity.js';
import { Provider } from './provider.entity.js';
import {
  openDisplayName,
  presentDataItem,
  presentProviderOption,
  presentProviderRow,
  type ProviderOptionRow,
  type ProviderRow,
  type SealedValueRow,
} from './provider.presenter.js';
import { tokensForSearch } from './provider-search.js';
import { Service } from '../common/transaction.js';
import { isUuid } from '../common/ids.js';

/** The most a picker asks for at once. */
export const PROVIDER_OPTIONS_MAX = 50;

export interface ProviderListArgs {
  first: number;
  after: string | null;
  filter: {
    kind?: ProviderKind | null;
    purposeKey?: string | null;
    consentState?: ConsentState | null;
    search?: string | null;
  } | null;
  sort?: Sort<ProviderOrder['field']> | null;
}

interface SetPublicArgs {
  itemId: string;
  expectedVersion: number;
  publiclyAvailable: boolean;
  publicProvenance?: string | null;
}

export class ProviderService extends Service {
  private audit() {
    return new AuditService(this.em, this.actor, this.deps);
  }

  async get(id: string): Promise<Provider> {
    const provider = /^[0-9a-f-]{36}$/i.test(id) ? await this.em.findOne(Provider, { id }) : null;
    if (!provider) throw new NotFoundError('Provider');
    return provider;
  }

  /**
   * Keyset pagination (never OFFSET): each page is one indexed range scan, so page 10,000 costs what
   * page 1 costs. With a consent filter the scan is driven by the consent index. The total is counted
   * only when asked, up to TOTAL_COUNT_CAP.
   */
  async list(args: ProviderListArgs) {
    const limit = pageSize(args.first);
    const order: ProviderOrder = args.sort ?? { field: 'CREATED', direction: 'DESC' };
    const sortName = `${order.field}_${order.direction}`;
    const after = args.after ? decodeSortCursor(args.after, sortName) : null;
    const filter = args.filter ?? {};

    let purposeId: string | null = null;
    if (filter.purposeKey) {
      purposeId = await purposeIdByKey(this.em, filter.purposeKey);
      if (!purposeId) throw badInput('filter.purposeKey', 'UNKNOWN_PURPOSE', 'No such purpose', '');
    } else if (filter.consentState) {
      throw badInput('filter.purposeKey', 'REQUIRED', 'Choose a purpose to filter by consent state', '');
    }
    // Plain rows, presented directly: the page is read-only, so no entities, identity map or hydration.
    const listFilter = {
      purposeId,
      consentState: filter.consentState ?? null,
      kind: filter.kind ?? null,
      ...this.searchTerm(filter.search, 'filter.search'),
    };
    const rows = await providerPageRows<ProviderRow>(this.em, {
      ...listFilter,
      order,
      after: after ? { key: String(after.key), id: after.id } : null,
      rows: limit + 1,
    });

    const shown = rows.slice(0, limit);
    const names = await this.sealedDisplayNames(shown.map((p) => p.id));
    if (shown.length) {
      await this.audit().insertNow({
        action: 'providers.list',
        entityType: 'Provider',
        providerIds: [...names.keys()],
        detail: { categories: ['NAME'], count: names.size },
      });
    }
    const page = toKeysetPage(
      rows,
      limit,
      args.after ?? null,
      (row) => presentProviderRow(row, openDisplayName(this.deps.cipher, names.get(row.id))),
      (row) => encodeSortCursor(sortName, order.field === 'REFERENCE' ? row.reference : row.id, row.id),
    );
    return withTotal(page, async () => toTotal(await providerCountUpTo(this.em, listFilter, TOTAL_COUNT_CAP)));
  }

  /** A search term as the page query takes it: a reference prefix, and the name index's token sets. */
  private searchTerm(raw: string | null | undefined, field: string) {
    const search = raw?.trim();
    if (!search) return { search: null, tokenSets: null };
    const textIssue = validateText(search, { field, maxLength: 200, required: true });
    if (textIssue) throw new BadInputError([textIssue], '');
    return { search, tokenSets: tokensForSearch(this.deps.cipher, search)?.sets ?? null };
  }

  /**
   * What a picker offers: the providers a term finds (newest first), or the ones named by id (to
   * label a choice already made), at most `first`. Reference and name only; the names shown are one
   * audited `provider.read` naming every provider in the answer.
   */
  async options(args: { search: string | null; ids: readonly string[] | null; first: number }) {
    const limit = pageSize(args.first, PROVIDER_OPTIONS_MAX);
    let rows: ProviderOptionRow[];
    if (args.ids) {
      if (args.search?.trim()) throw badInput('ids', 'INVALID_VALUE', 'Give a search or ids, not both', '');
      if (args.ids.length > limit) throw badInput('ids', 'TOO_LONG', `At most ${limit} ids`, '');
      // An id that is not a UUID names no provider (as `provider(id)` answers NOT_FOUND), never an error from SQL.
      const ids = [...new Set(args.ids)].filter(isUuid);
      rows = ids.length ? await providerOptionRowsByIds<ProviderOptionRow>(this.em, ids) : [];
    } else {
      rows = await providerPageRows<ProviderOptionRow>(this.em, {
        purposeId: null,
        consentState: null,
        kind: null,
        ...this.searchTerm(args.search, 'search'),
        order: { field: 'CREATED', direction: 'DESC' },
        after: null,
        rows: limit,
      });
    }
    const names = await this.sealedDisplayNames(rows.map((r) => r.id));
    if (names.size) {
      await this.audit().insertNow({
        action: 'provider.read',
        entityType: 'Provider',
        providerIds: [...names.keys()],
        detail: { categories: ['NAME'], count: names.size, view: 'picker' },
      });
    }
    return rows.map((row) => presentProviderOption(row, openDisplayName(this.deps.cipher, names.get(row.id))));
  }

  /** The most recent NAME item of each provider, still sealed (one lean query; openDisplayName opens it). */
  async sealedDisplayNames(providerIds: string[]): Promise<Map<string, SealedValueRow>> {
    const names = new Map<string, SealedValueRow>();
    if (!providerIds.length) return names;
    const items = await nameItemRows<{ id: string; provider_id: string; category: DataCategory; value_sealed: string }>(
      this.em,
      providerIds,
    );
    for (const item of items) {
      if (!names.has(item.provider_id)) names.set(item.provider_id, item);
    }
    return names;
  }

  /** The provider's NAME, still sealed; reading it is audited. */
  async sealedDisplayName(provider: Provider): Promise<SealedValueRow | null> {
    const names = await this.sealedDisplayNames([provider.id]);
    if (names.size) {
      await this.audit().insertNow({
        action: 'provider.read',
        entityType: 'Provider',
        subject: provider.id,
        providerIds: [provider.id],
        detail: { categories: ['NAME'] },
      });
    }
    return names.get(provider.id) ?? null;
  }

  async dataItems(providerId: string) {
    const items = await this.em.find(
      PersonalDataItem,
      { provider: providerId },
      { orderBy: { category: 'asc', collectedAt: 'desc', id: 'desc' } },
    );
    if (items.length) {
      await this.audit().insertNow({
        action: 'provider.read',
        entityType: 'Provider',
        subject: providerId,
        providerIds: [providerId],
        detail: { categories: [...new Set(items.map((i) => i.category))], items: items.length },
      });
    }
    // Vocabulary order (name first), newest first within a category.
    const rank = new Map<string, number>(DATA_CATEGORIES.map((c, i) => [c, i]));
    const ordered = [...items].sort((a, b) => (rank.get(a.category) ?? 0) - (rank.get(b.category) ?? 0));
    return ordered.map((item) => presentDataItem(this.deps.cipher, item));
  }

  async consentHistory(providerId: string): Promise<ConsentEvent[]> {
    return this.em.find(
      ConsentEvent,
      { provider: providerId },
      { orderBy: { sequence: 'desc' }, populate: ['purpose'] },
    );
  }

  /** Current consent per purpose, derived by policy-core from the events (never read from a stored state). */
  async consents(providerId: string) {
    const [events, purposes] = await Promise.all([
      this.em.find(ConsentEvent, { provider: providerId }, { populate: ['purpose'] }),
      this.em.find(Purpose, {}, { orderBy: { key: 'asc' } }),
    ]);
    const states = currentConsents(events.map((e) => consentEventFact(e)));
    return purposes
      .filter((p) => !p.retired || states.has(p.key))
      .map((purpose) => {
        const s = states.get(purpose.key);
        return {
          purpose,
          state: s?.state ?? ('NOT_ASKED' as const),
          since: s?.since ?? null,
          policyVersion: s?.policyVersion ?? null,
        };
      });
  }

  /** The provider's collections, newest first, with the purposes they name (for their titles). */
  async collections(providerId: string): Promise<{ records: CollectionRecord[]; purposes: Purpose[] }> {
    const [records, purposes] = await Promise.all([
      this.em.find(CollectionRecord, { provider: providerId }, { orderBy: { collectedAt: 'desc', id: 'desc' } }),
      this.em.find(Purpose, {}),
    ]);
    return { records, purposes };
  }

  update(input: {
    id: string;
    expectedVersion: number;
    kind?: ProviderKind | null;
    reference?: string | null;
    language?: ProviderLanguage | null;
  }): Promise<Provider> {
    return this.inTransaction((tx) => tx.writeUpdate(input));
  }

  private async writeUpdate(input: {
    id: string;
    expectedVersion: number;
    kind?: ProviderKind | null;
    reference?: string | null;
    language?: ProviderLanguage | null;
  }) {
    const provider = await this.get(input.id);
    assertVersion(provider.version, input.expectedVersion, 'Provider');
    const issues: Issue[] = [];
    const changes: string[] = [];
    if (input.reference !== undefined && input.reference !== null) {
      const reference = input.reference.trim();
      const issue = validateReference(reference, 'reference');
      if (issue) issues.push(issue);
      else if (reference !== provider.reference) {
        if (await this.em.count(Provider, { reference, id: { $ne: provider.id } })) {
          issues.push({ field: 'reference', code: 'DUPLICATE', message: 'Another provider has this reference' });
        } else {
          provider.reference = reference;
          changes.push('reference');
        }
      }
    }
    if (input.kind && input.kind !== provider.kind) {
      provider.kind = input.kind;
      changes.push('kind');
    }
    if (input.language && input.language !== provider.language) {
      provider.language = input.language;
      changes.push('language');
    }
    if (issues.length) throw new BadInputError(issues);
    if (!changes.length) return provider;
    this.audit().record({
      action: 'provider.update',
      entityType: 'Provider',
      subject: provider.id,
      providerIds: [provider.id],
      detail: { fields: changes },
    });
    await flushOrConflict(this.em, 'Provider');
    return provider;
  }

  setDataItemPublic(input: SetPublicArgs) {
    return this.inTransaction((tx) => tx.writePublic(input));
  }

  private async writePublic(input: SetPublicArgs) {
    const item = /^[0-9a-f-]{36}$/i.test(input.itemId)
      ? await this.em.findOne(PersonalDataItem, { id: input.itemId }, { populate: ['provider'] })
      : null;
    if (!item) throw new NotFoundError('Personal data item');
    assertVersion(item.version, input.expectedVersion, 'Personal data item');
    const provenance = input.publicProvenance?.trim() || null;
    if (input.publiclyAvailable) {
      const issue = provenance
        ? validateText(provenance, { field: 'publicProvenance', maxLength: FIELD_LIMITS.provenance, required: true })
        : {
            field: 'publicProvenance',
            code: 'PROVENANCE_REQUIRED' as const,
            message: 'Say where the provider made it public',
          };
      if (issue) throw new BadInputError([issue]);
    }
    item.publiclyAvailable = input.publiclyAvailable;
    item.publicProvenance = input.publiclyAvailable ? provenance : null;
    item.provider.updatedAt = this.deps.now();
    this.audit().record({
      action: 'data_item.set_public',
      entityType: 'PersonalDataItem',
      subject: item.id,
      providerIds: [item.provider.id],
      detail: { category: item.category, publiclyAvailable: input.publiclyAvailable },
    });
    await flushOrConflict(this.em, 'Personal data item');
    return presentDataItem(this.deps.cipher, item);
  }
}
