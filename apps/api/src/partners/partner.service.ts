import type { SqlEntityManager } from '@mikro-orm/knex';
import {
  DATA_CATEGORIES,
  consentFor,
  decide,
  isInEffect,
  unstatedPurpose,
  type CessationFact,
  type ConsentAction,
  type ConsentEventFact,
  type DataCategory,
  type ExceptionKind,
  type PermittedExceptionFact,
  type PurposeFact,
} from '@steward/policy-core';
import { NotFoundError } from '../common/errors.js';
import { fromDbBoolean, fromDbDate } from '../common/sql/dialect.js';
import { decodeCursor, pageSize, toPage } from '../common/pagination.js';
import { TOTAL_COUNT_CAP, toTotal, withTotal } from '../common/connection.js';
import type { AppDeps, PartnerPrincipal } from '../context.js';
import { toDraft } from '../exceptions/exception-facts.js';
import { type DisclosureSink, type PendingDisclosures, type ResponsePath } from '../ledger/disclosures.js';
import { recordGrouped } from '../ledger/grouped-record.js';
import { payloadHashOf, type LedgerFact } from '../ledger/ledger.service.js';
import {
  loadPartnerPage,
  loadPartnerScopeFacts,
  partnerReachCountUpTo,
  type PartnerItemRow,
  type PartnerProviderRow,
  type PartnerReach,
} from './partner-facts.js';
import { presentPartnerProvider, revealPartnerValue, type SealedItemRow } from './partner.presenter.js';
import type { PartnerDataItemType, PartnerProviderConnection, PartnerProviderType } from './partner.type.js';
import { isUuid } from '../common/ids.js';

/** One basis under which categories of one provider are provided. */
interface Grant {
  purposeKey: string;
  exceptionId: string;
  exceptionKind: ExceptionKind;
  categories: DataCategory[];
}

/** What providing one item means for the ledger: whose it is and on which basis. */
interface Provision {
  providerId: string;
  itemId: string;
  category: DataCategory;
  grant: Grant;
  policyVersion: number;
}

type ProviderRow = PartnerProviderRow;
type ItemRow = PartnerItemRow;

/** The exceptions in effect for this recipient, and what they can reach. */
interface Scope {
  exceptions: PermittedExceptionFact[];
  purposes: Map<string, PurposeFact & { id: string | null }>;
  /** Exactly the providers some exception may cover (partner-facts.ts makes it SQL). */
  reach: PartnerReach[];
  categories: DataCategory[];
  /** The policy version in force (null: none published). */
  policyNumber: number | null;
}

/**
 * What a partner credential may receive (policy clause 2): the providers covered by its
 * recipient's exceptions in effect now, and per provider only the categories policy-core's
 * `decide` permits for provision to that recipient. The scope is part of the SQL, the decision is
 * made per provider, and what the answer carries is recorded (ledger + audit, group-committed) before it leaves:
 * values are opened only when selected (`reveal`) and recorded from the final body (`record`).
 */
export class PartnerService implements DisclosureSink<Provision> {
  /** The items this operation's answers hold, still sealed, with what providing each means. */
  private readonly offered = new WeakMap<PartnerDataItemType, { sealed: SealedItemRow; provision: Provision }>();

  constructor(
    private readonly em: SqlEntityManager,
    private readonly partner: PartnerPrincipal,
    private readonly deps: AppDeps,
    private readonly disclosures: PendingDisclosures,
  ) {}

  /**
   * An item's value, opened because the answer selects it, and offered for the ledger at its
   * place in the answer: it is recorded as provided only if the body sent still carries it there.
   */
  reveal(item: PartnerDataItemType, path: ResponsePath): string {
    const found = this.offered.get(item);
    if (!found) throw new Error('A partner item that this operation did not read');
    const value = revealPartnerValue(this.deps.cipher, found.sealed);
    this.disclosures.offer(this, path, value, found.provision);
    return value;
  }

  /**
   * The PROVISION ledger entries of what the answer carried — per provider, one per basis, naming
   * exactly the categories and items sent — and one audit entry, group-committed; called once the
   * body is final (ledger/disclosures.ts), which waits for the commit before it sends.
   */
  async record(sent: readonly Provision[]): Promise<void> {
    const perProvider = new Map<string, Map<string, Provision[]>>();
    const seen = new Set<string>();
    for (const p of sent) {
      // The same item reached through two fields (aliases, fragments) is provided once.
      if (seen.has(p.itemId)) continue;
      seen.add(p.itemId);
      const grants = perProvider.get(p.providerId) ?? new Map<string, Provision[]>();
      perProvider.set(p.providerId, grants);
      const key = `${p.grant.purposeKey}\u0000${p.grant.exceptionId}`;
      grants.set(key, [...(grants.get(key) ?? []), p]);
    }
    const actor = `partner:${this.partner.credentialId}`;
    const facts: LedgerFact[] = [];
    for (const [providerId, grants] of perProvider) {
      for (const given of grants.values()) {
        const { grant, policyVersion } = given[0]!;
        const categories = DATA_CATEGORIES.filter((c) => given.some((p) => p.category === c));
        const itemIds = given
          .sort(
            (a, b) =>
              DATA_CATEGORIES.indexOf(a.category) - DATA_CATEGORIES.indexOf(b.category) ||
              (a.itemId < b.itemId ? -1 : 1),
          )
          .map((p) => p.itemId);
        facts.push({
          kind: 'PROVISION',
          actor,
          providerId,
          purposeKey: grant.purposeKey,
          recipientId: this.partner.recipientId,
          categories,
          outcome: 'ALLOWED',
          basis: { exceptionId: grant.exceptionId, exceptionKind: grant.exceptionKind },
          policyVersion,
          subjectRef: this.partner.credentialId,
          payloadHash: payloadHashOf({
            providerId,
            recipientId: this.partner.recipientId,
            credentialId: this.partner.credentialId,
            purposeKey: grant.purposeKey,
            itemIds,
          }),
        });
      }
    }
    await recordGrouped(this.em, {
      ledger: facts,
      audit: {
        action: 'partner.provide',
        entityType: 'Provider',
        subject: this.partner.credentialId,
        providerIds: [...perProvider.keys()],
        detail: {
          recipientId: this.partner.recipientId,
          credentialId: this.partner.credentialId,
          providers: perProvider.size,
        },
      },
      actor: null,
      otherActorLabel: actor,
      deps: this.deps,
    });
  }

  async list(first: number, after: string | null): Promise<PartnerProviderConnection> {
    const limit = pageSize(first);
    const afterId = after ? decodeCursor(after) : null;
    const { rows, provided } = await this.provide(this.em, { afterId, limit });
    const byId = new Map(provided.map((p) => [p.id, p]));
    const page = toPage(rows, limit, afterId, (row) => byId.get(row.id) ?? null);
    // A covered provider for whom nothing is permitted after all (e.g. consent withdrawn) is left out.
    return withTotal(
      {
        edges: page.edges.filter((e): e is { cursor: string; node: PartnerProviderType } => e.node !== null),
        pageInfo: page.pageInfo,
      },
      async () => {
        const scope = await this.scope(this.em, this.deps.now());
        return toTotal(scope ? await partnerReachCountUpTo(this.em, scope.reach, TOTAL_COUNT_CAP) : 0);
      },
    );
  }

  /** Out of scope, not permitted, unknown or malformed: the same NOT_FOUND. */
  async get(id: string): Promise<PartnerProviderType> {
    const notFound = () => new NotFoundError('Provider', 'id');
    if (!isUuid(id)) throw notFound();
    const found = (await this.provide(this.em, { id: id.toLowerCase(), limit: 1 })).provided[0];
    if (!found) throw notFound();
    return found;
  }

  private async scope(em: SqlEntityManager, at: Date): Promise<Scope | null> {
    const facts = await loadPartnerScopeFacts(em, this.partner.recipientId);
    const exceptions = facts.exceptions
      .map((r) => toDraft(r) as PermittedExceptionFact)
      .filter((e) => isInEffect(e, at));
    if (!exceptions.length) return null;
    const stated = new Map(facts.purposes.map((p) => [p.key, p]));
    const purposes = new Map<string, PurposeFact & { id: string | null }>();
    for (const e of exceptions) {
      for (const key of e.scope.purposeKeys) {
        const p = stated.get(key);
        // Exceptions other than outsourcing may name a purpose outside the stated ones.
        purposes.set(
          key,
          p
            ? { id: p.id, key, categories: p.categories, retired: p.retired, consentFromVersion: p.consentFromVersion }
            : { id: null, ...unstatedPurpose(key) },
        );
      }
    }
    const reach: PartnerReach[] = [];
    for (const e of exceptions) {
      let providerIds: string[] | null = null;
      if (e.scope.providerIds !== 'ALL') {
        if (!e.scope.providerIds.length) continue;
        providerIds = [...e.scope.providerIds];
      }
      let servedPurposeId: string | null = null;
      if (e.kind === 'OUTSOURCING') {
        // A contractor completes a stated purpose: only providers whose data may be used for it.
        const served = purposes.get(e.evidence.servesPurposeKey);
        if (!served?.id) continue;
        servedPurposeId = served.id;
      }
      reach.push({ providerIds, servedPurposeId });
    }
    if (!reach.length) return null;
    const categories = DATA_CATEGORIES.filter((c) => exceptions.some((e) => e.scope.categories.includes(c)));
    return {
      exceptions,
      purposes,
      reach,
      categories,
      policyNumber: facts.policyNumber,
    };
  }

  private async provide(
    em: SqlEntityManager,
    query: { id?: string; afterId?: string | null; limit: number },
  ): Promise<{ rows: ProviderRow[]; provided: PartnerProviderType[] }> {
    const at = this.deps.now();
    const scope = await this.scope(em, at);
    if (!scope) return { rows: [], provided: [] };

    const statedKeys = [...scope.purposes.values()].filter((p) => p.id !== null).map((p) => p.key);
    const { rows, items, events, cessations, standingGrantIds } = await loadPartnerPage(em, {
      reach: scope.reach,
      id: query.id,
      afterId: query.afterId,
      rows: query.limit + 1,
      categories: scope.categories,
      purposeKeys: statedKeys,
      standingGrants: scope.exceptions.some((e) => e.kind === 'PROVIDER_AGREEMENT'),
    });
    if (!rows.length) return { rows, provided: [] };
    if (scope.policyNumber === null) throw new NotFoundError('Published policy version');
    const policyVersion = scope.policyNumber;

    const provided: PartnerProviderType[] = [];
    for (const row of rows.slice(0, query.limit)) {
      const own = items.filter((i) => i.provider_id === row.id);
      const consentEvents: ConsentEventFact[] = events
        .filter((e) => e.provider_id === row.id)
        .map((e) => ({
          id: e.id,
          purposeKey: e.purpose_key,
          action: e.action as ConsentAction,
          occurredAt: fromDbDate(e.occurred_at),
          sequence: Number(e.sequence),
          policyVersion: Number(e.policy_version),
        }));
      const grants = this.grants(
        row.id,
        scope,
        own,
        consentEvents,
        policyVersion,
        at,
        cessations.get(row.id) ?? [],
        standingGrantIds.get(row.id) ?? [],
      );
      // Each permitted category under the first grant that gives it.
      const grantOf = new Map<DataCategory, Grant>();
      for (const g of grants) for (const c of g.categories) if (!grantOf.has(c)) grantOf.set(c, g);
      if (!grantOf.size) continue;
      const values = own
        .filter((i) => grantOf.has(i.category))
        .sort(
          (a, b) => DATA_CATEGORIES.indexOf(a.category) - DATA_CATEGORIES.indexOf(b.category) || (a.id < b.id ? -1 : 1),
        );
      const presented = presentPartnerProvider(row.id, values);
      // Nothing is recorded here: a value is recorded when, and only if, it leaves (`reveal`, `record`).
      presented.items.forEach((item, i) => {
        const sealed = values[i]!;
        this.offered.set(item, {
          sealed,
          provision: {
            providerId: row.id,
            itemId: sealed.id,
            category: sealed.category,
            grant: grantOf.get(sealed.category)!,
            policyVersion,
          },
        });
      });
      provided.push(presented);
    }
    return { rows, provided };
  }

  /** Per purpose, the categories policy-core lets this recipient receive, each with its one exception. */
  private grants(
    providerId: string,
    scope: Scope,
    items: readonly ItemRow[],
    events: readonly ConsentEventFact[],
    policyVersion: number,
    at: Date,
    cessations: readonly CessationFact[],
    standingGrantIds: readonly string[],
  ): Grant[] {
    const grants: Grant[] = [];
    const itemFacts = items.map((i) => ({
      id: i.id,
      category: i.category,
      publiclyAvailable: fromDbBoolean(i.publicly_available),
    }));
    for (const purpose of scope.purposes.values()) {
      const requested = DATA_CATEGORIES.filter((c) =>
        scope.exceptions.some((e) => e.scope.purposeKeys.includes(purpose.key) && e.scope.categories.includes(c)),
      );
      const ask = (categories: readonly DataCategory[]) =>
        decide({
          action: 'PROVIDE',
          providerId,
          purpose,
          categories,
          recipientId: this.partner.recipientId,
          consent: consentFor(events, purpose.key, at),
          items: itemFacts,
          exceptions: scope.exceptions,
          policyVersion,
          at,
          cessations,
          standingGrantIds,
        });
      let remaining: DataCategory[] = requested;
      // One decision has one basis: categories covered by different exceptions are granted in turn.
      for (let round = 0; remaining.length && round < scope.exceptions.length; round++) {
        const first = ask(remaining);
        const decision = first.allowed ? first : first.permitted.length ? ask(first.permitted) : null;
        if (!decision?.allowed || decision.basis?.kind !== 'EXCEPTION') break;
        grants.push({
          purposeKey: purpose.key,
          exceptionId: decision.basis.exceptionId,
          exceptionKind: decision.basis.exceptionKind,
          categories: decision.permitted,
        });
        remaining = first.allowed ? [] : first.refused;
      }
    }
    return grants;
  }
}
