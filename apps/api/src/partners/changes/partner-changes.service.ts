import type { SqlEntityManager } from '@mikro-orm/knex';
import {
  DATA_CATEGORIES,
  exceptionMoments,
  partnerChange,
  recipientStanding,
  unstatedPurpose,
  type CessationFact,
  type DataCategory,
  type PartnerChangeCause,
  type PermittedExceptionFact,
  type PurposeFact,
} from '@steward/policy-core';
import { pageSize } from '../../common/pagination.js';
import { fromDbBoolean, fromDbDate } from '../../common/sql/dialect.js';
import { AuditService } from '../../audit/audit.service.js';
import type { AppDeps, PartnerPrincipal } from '../../context.js';
import { toDraft } from '../../exceptions/exception-facts.js';
import { loadCessations } from '../../requests/cessation-facts.js';
import { decodeFeedCursor, encodeFeedCursor, presentPartnerChange } from './partner-changes.presenter.js';
import { loadPartnerScopeFacts } from '../partner-facts.js';
import {
  loadChangeRows,
  loadProviderIdsAfter,
  loadStandingRows,
  type FeedPosition,
} from './partner-changes.queries.js';
import type { PartnerChangeConnection, PartnerChangeEdge } from './partner-change.type.js';

/**
 * How long the feed waits before it lists an instant: a change is stamped with its time inside its
 * transaction and committed a moment later, so the feed lists only instants this far in the past,
 * and a cursor never passes an instant whose writes could still be committing.
 */
export const FEED_SETTLE_MS = 5_000;
/** Rows read per source per round, and rounds per request: a page of invisible changes still ends. */
const SCAN_ROWS = 200;
const SCAN_ROUNDS = 5;
const NIL = '00000000-0000-0000-0000-000000000000';
const REASON_OF_SOURCE = { S: 'CESSATION', N: 'NEW_PROVIDER' } as const;

/** One provider's causes at one instant: the feed's unit (a cursor never splits it). */
interface Group {
  at: Date;
  providerId: string;
  causes: PartnerChangeCause[];
}

interface Scope {
  exceptions: PermittedExceptionFact[];
  purposes: PurposeFact[];
  /** The providers some exception names; null: one covers every provider. */
  providerIds: string[] | null;
  categories: DataCategory[];
  policyNumber: number;
}

const before = (a: FeedPosition, b: FeedPosition) =>
  a.at.getTime() - b.at.getTime() || (a.providerId < b.providerId ? -1 : a.providerId > b.providerId ? 1 : 0);

/**
 * A partner's change feed: the providers in its scope whose readable data or standing changed since a
 * cursor. Candidates are the rows changes write (consent events, cessations, amendments, new providers)
 * and the moments the recipient's exceptions start, are revoked or expire; policy-core's
 * `recipientStanding` says what the recipient could read just before and at each instant, and
 * `partnerChange` what (if anything) it is told. Each page that names providers is audited.
 */
export class PartnerChangesService {
  constructor(
    private readonly em: SqlEntityManager,
    private readonly partner: PartnerPrincipal,
    private readonly deps: AppDeps,
  ) {}

  async changes(first: number, after: string | null): Promise<PartnerChangeConnection> {
    const limit = pageSize(first);
    const start = after ? decodeFeedCursor(this.partner.recipientId, after) : { at: new Date(0), providerId: NIL };
    const upTo = new Date(this.deps.now().getTime() - FEED_SETTLE_MS);
    const latest = { at: upTo, providerId: 'ffffffff-ffff-ffff-ffff-ffffffffffff' };
    const latestCursor = encodeFeedCursor(this.partner.recipientId, before(start, latest) > 0 ? start : latest);
    const scope = await this.scope();
    const edges: PartnerChangeEdge[] = [];
    let position = start;
    let more = false;
    if (scope && before(start, latest) < 0) {
      for (let round = 0; round < SCAN_ROUNDS && edges.length < limit; round++) {
        const { groups, exhausted } = await this.groups(scope, position, upTo);
        const standings = await this.standingFacts(groups.map((g) => g.providerId));
        let consumed = 0;
        for (const group of groups) {
          if (edges.length === limit) break;
          consumed++;
          position = group;
          const facts = standings(group.providerId);
          const standing = (at: Date) =>
            recipientStanding({
              ...facts,
              recipientId: this.partner.recipientId,
              purposes: scope.purposes,
              exceptions: scope.exceptions,
              policyVersion: scope.policyNumber,
              at,
            });
          const change = partnerChange({
            before: standing(new Date(group.at.getTime() - 1)),
            after: standing(group.at),
            causes: group.causes,
          });
          if (change)
            edges.push({
              cursor: encodeFeedCursor(this.partner.recipientId, group),
              node: presentPartnerChange(group.providerId, group.at, change),
            });
        }
        more = !exhausted || consumed < groups.length;
        if (!more) break;
      }
    }
    if (edges.length) await this.record(edges.map((e) => e.node.providerId));
    const moved = position !== start;
    return {
      edges,
      pageInfo: {
        hasNextPage: more,
        hasPreviousPage: after !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: moved ? encodeFeedCursor(this.partner.recipientId, position) : null,
      },
      latestCursor,
    };
  }

  private async scope(): Promise<Scope | null> {
    const facts = await loadPartnerScopeFacts(this.em, this.partner.recipientId, 'approved');
    if (!facts.exceptions.length || facts.policyNumber === null) return null;
    const exceptions = facts.exceptions.map((e) => toDraft(e) as PermittedExceptionFact);
    const stated = new Map(facts.purposes.map((p) => [p.key, p]));
    const keys = [...new Set(exceptions.flatMap((e) => e.scope.purposeKeys))];
    const purposes = keys.map((key): PurposeFact => {
      const p = stated.get(key);
      return p
        ? { key, categories: p.categories, retired: p.retired, consentFromVersion: p.consentFromVersion }
        : unstatedPurpose(key);
    });
    const all = exceptions.some((e) => e.scope.providerIds === 'ALL');
    return {
      exceptions,
      purposes,
      providerIds: all ? null : [...new Set(exceptions.flatMap((e) => e.scope.providerIds as string[]))],
      categories: DATA_CATEGORIES.filter((c) => exceptions.some((e) => e.scope.categories.includes(c))),
      policyNumber: facts.policyNumber,
    };
  }

  /**
   * The next groups after `after`, in feed order. Each source gives at most SCAN_ROWS; when one was cut
   * short, only groups before its last one are certain to be whole and first, so the rest waits for the
   * next round.
   */
  private async groups(
    scope: Scope,
    after: FeedPosition,
    upTo: Date,
  ): Promise<{ groups: Group[]; exhausted: boolean }> {
    const rows: (FeedPosition & { cause: PartnerChangeCause })[] = [];
    const cuts: FeedPosition[] = [];
    if (scope.providerIds === null || scope.providerIds.length) {
      const found = await loadChangeRows(this.em, {
        after,
        upTo,
        providerIds: scope.providerIds,
        categories: scope.categories,
        rows: SCAN_ROWS,
      });
      for (const r of found) {
        const cause: PartnerChangeCause =
          r.src === 'C'
            ? { reason: r.detail === 'GRANT' ? 'CONSENT_GIVEN' : 'CONSENT_WITHDRAWN' }
            : r.src === 'A'
              ? { reason: 'AMENDMENT', category: r.detail as DataCategory }
              : { reason: REASON_OF_SOURCE[r.src] };
        rows.push({ at: fromDbDate(r.at), providerId: r.provider_id, cause });
      }
      if (found.length === SCAN_ROWS) cuts.push(rows[rows.length - 1]!);
    }
    for (const exception of scope.exceptions) {
      for (const moment of exceptionMoments(exception, after.at, upTo)) {
        const from = moment.at.getTime() === after.at.getTime() ? after.providerId : null;
        const ids =
          exception.scope.providerIds === 'ALL'
            ? await loadProviderIdsAfter(this.em, from, SCAN_ROWS)
            : [...exception.scope.providerIds]
                .filter((id) => from === null || id > from)
                .sort()
                .slice(0, SCAN_ROWS);
        for (const providerId of ids) rows.push({ at: moment.at, providerId, cause: { reason: moment.reason } });
        if (ids.length === SCAN_ROWS) cuts.push({ at: moment.at, providerId: ids[ids.length - 1]! });
      }
    }
    rows.sort(before);
    const cut = cuts.sort(before)[0];
    const certain = cut ? rows.filter((r) => before(r, cut) < 0) : rows;
    // A group larger than a round (never in practice) is taken as read rather than never passed.
    const taken = cut && !certain.length ? rows.filter((r) => before(r, cut) <= 0) : certain;
    const groups: Group[] = [];
    for (const r of taken) {
      const last = groups[groups.length - 1];
      if (last && before(last, r) === 0) last.causes.push(r.cause);
      else groups.push({ at: r.at, providerId: r.providerId, causes: [r.cause] });
    }
    return { groups, exhausted: !cut };
  }

  /** The facts standing needs of these providers (categories of their items, consent events, cessations), read at once. */
  private async standingFacts(providerIds: readonly string[]) {
    const ids = [...new Set(providerIds)];
    if (!ids.length) return () => ({ providerId: '', items: [], consentEvents: [], cessations: [] as CessationFact[] });
    const [rows, cessations] = await Promise.all([loadStandingRows(this.em, ids), loadCessations(this.em, ids)]);
    return (providerId: string) => ({
      providerId,
      items: rows.items
        .filter((i) => i.provider_id === providerId)
        .map((i) => ({ id: i.id, category: i.category, publiclyAvailable: fromDbBoolean(i.publicly_available) })),
      consentEvents: rows.events
        .filter((e) => e.provider_id === providerId)
        .map((e) => ({
          id: e.id,
          purposeKey: e.purpose_key,
          action: e.action,
          occurredAt: fromDbDate(e.occurred_at),
          sequence: Number(e.sequence),
          policyVersion: Number(e.policy_version),
        })),
      cessations: cessations.get(providerId) ?? [],
    });
  }

  /**
   * Naming a provider to a recipient, with what changed, is a disclosure about that person: each page
   * that names any is one audit entry linked to every provider it names (their history and disclosure
   * show it), written before the answer leaves. It carries no value, so it is no PROVISION ledger entry.
   */
  private record(providerIds: readonly string[]): Promise<void> {
    const ids = [...new Set(providerIds)];
    return new AuditService(this.em, null, this.deps, `partner:${this.partner.credentialId}`).insertNow({
      action: 'partner.changes',
      entityType: 'Provider',
      subject: this.partner.credentialId,
      providerIds: ids,
      detail: { recipientId: this.partner.recipientId, credentialId: this.partner.credentialId, providers: ids.length },
    });
  }
}
