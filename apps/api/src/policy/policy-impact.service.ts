import type { SqlEntityManager } from '@mikro-orm/knex';
import {
  diffSections,
  orderCategories,
  purposeChanges,
  reconsentImpact,
  type ConsentState,
  type DataCategory,
  type LackingReason,
  type ProviderKind,
  type PurposeChanges,
  type SectionDiff,
} from '@steward/policy-core';
import { badInput, NotFoundError } from '../common/errors.js';
import { fromDbDate } from '../common/sql/dialect.js';
import { consentStateCounts, lackingProviderRows, providerCount, providersCoveredForAll } from './policy.queries.js';
import { decodeCursor, pageSize, toPage } from '../common/pagination.js';
import { loadPurposeFacts, purposeIdByKey } from '../purposes/purpose-facts.js';
import { PolicyVersion } from './policy-version.entity.js';
import { isUuid } from '../common/ids.js';
import { currentPolicy, purposeData, purposeFact, sectionsForDiff } from './policy-text.js';

export interface PolicyDiff {
  version: PolicyVersion;
  base: PolicyVersion | null;
  sections: SectionDiff[];
  purposeChanges: PurposeChanges;
}

export interface ImpactPurpose {
  key: string;
  change: 'ADDED' | 'WIDENED';
  addedCategories: DataCategory[];
  covered: number;
  lacking: number;
  notAsked: number;
  grantedBeforeVersion: number;
  refused: number;
  withdrawn: number;
}

export interface PolicyImpact {
  version: PolicyVersion;
  nextVersion: number;
  changes: PurposeChanges;
  purposes: ImpactPurpose[];
  providers: number;
  providersToAsk: number;
  consentsMissing: number;
}

export interface LackingProviderRow {
  providerId: string;
  reference: string;
  kind: ProviderKind;
  state: ConsentState;
  policyVersion: number | null;
  reason: LackingReason;
  message: string;
}

const EMPTY_CHANGES: PurposeChanges = { added: [], widened: [], narrowed: [], retired: [], unchanged: [] };

/**
 * What a policy version changes (clause 7): its text against the version before it, its purpose
 * changes, and who lacks consent for what it adds or widens. Read-only.
 */
export class PolicyImpactService {
  constructor(private readonly em: SqlEntityManager) {}

  /** A version's text against the one before it (a draft: against the version in force), with its purpose changes. */
  async diff(id: string): Promise<PolicyDiff> {
    const version = await this.loadVersion(id);
    const base =
      version.status === 'DRAFT'
        ? await currentPolicy(this.em)
        : await this.em.findOne(PolicyVersion, { number: version.number - 1, status: 'PUBLISHED' });
    const sections = diffSections(base ? sectionsForDiff(base.sections) : {}, sectionsForDiff(version.sections));
    return { version, base, sections, purposeChanges: await this.changesOf(version) };
  }

  /**
   * Who lacks consent under `version` for the purposes it adds or widens (policy-core's rule: a
   * provider is covered only by a GRANTED consent given under that version or later). Counted in
   * SQL over the consent-state projection, so it does not load providers: one grouped query per
   * affected purpose and one for the providers to ask.
   */
  async impact(id: string): Promise<PolicyImpact> {
    const version = await this.loadVersion(id);
    const changes = await this.changesOf(version);
    const nextVersion = version.number;
    const categoriesOf = await this.categoriesLookup(version);
    const affected = [
      ...changes.added.map((key) => ({ key, change: 'ADDED' as const, addedCategories: categoriesOf(key) })),
      ...changes.widened.map((w) => ({ key: w.key, change: 'WIDENED' as const, addedCategories: w.addedCategories })),
    ];
    const providers = await providerCount(this.em);
    const purposes: ImpactPurpose[] = [];
    for (const a of affected) {
      const rows = await consentStateCounts<{
        state: ConsentState;
        fresh: number | string | boolean;
        n: number | string;
      }>(this.em, a.key, nextVersion);
      const counts = { covered: 0, grantedBeforeVersion: 0, refused: 0, withdrawn: 0, recorded: 0 };
      for (const r of rows) {
        const n = Number(r.n);
        counts.recorded += n;
        if (r.state === 'GRANTED' && Number(r.fresh) === 1) counts.covered += n;
        else if (r.state === 'GRANTED') counts.grantedBeforeVersion += n;
        else if (r.state === 'REFUSED') counts.refused += n;
        else if (r.state === 'WITHDRAWN') counts.withdrawn += n;
      }
      const notAsked =
        providers - counts.recorded + rows.filter((r) => r.state === 'NOT_ASKED').reduce((s, r) => s + Number(r.n), 0);
      purposes.push({
        ...a,
        covered: counts.covered,
        lacking: providers - counts.covered,
        notAsked,
        grantedBeforeVersion: counts.grantedBeforeVersion,
        refused: counts.refused,
        withdrawn: counts.withdrawn,
      });
    }
    let providersToAsk = 0;
    if (affected.length) {
      const keys = affected.map((a) => a.key);
      providersToAsk = providers - (await providersCoveredForAll(this.em, keys, nextVersion));
    }
    return {
      version,
      nextVersion,
      changes,
      purposes,
      providers,
      providersToAsk,
      consentsMissing: purposes.reduce((s, p) => s + p.lacking, 0),
    };
  }

  /**
   * One page (keyset by provider id) of the providers lacking consent under `version` for one
   * added or widened purpose. SQL selects the candidates; policy-core's reconsentImpact judges
   * each one and words the reason. Provider references and kinds only: no personal values.
   */
  async lackingProviders(id: string, purposeKey: string, first: number, after: string | null) {
    const version = await this.loadVersion(id);
    const changes = await this.changesOf(version);
    const affected = [...changes.added, ...changes.widened.map((w) => w.key)];
    if (!affected.includes(purposeKey))
      throw badInput(
        'purposeKey',
        'INVALID_VALUE',
        `Version ${version.number} neither adds nor widens ${purposeKey}.`,
        '',
      );
    const limit = pageSize(first);
    const afterId = after ? decodeCursor(after) : null;
    const purposeId = await purposeIdByKey(this.em, purposeKey);
    const rows = await lackingProviderRows<{
      id: string;
      reference: string;
      kind: ProviderKind;
      state: ConsentState | null;
      policy_version: number | string | null;
      since: unknown;
      event_id: string | null;
    }>(this.em, { purposeId, afterId, policyNumber: version.number, rows: limit + 1 });
    const judged = reconsentImpact({
      current: [],
      next: [{ key: purposeKey, categories: ['NAME'], retired: false }],
      nextVersion: version.number,
      providers: rows.map((r) => ({
        providerId: String(r.id),
        consents:
          r.state === null
            ? []
            : [
                {
                  purposeKey,
                  state: r.state,
                  since: fromDbDate(r.since),
                  policyVersion: r.policy_version === null ? null : Number(r.policy_version),
                  eventId: String(r.event_id),
                },
              ],
      })),
    });
    const lacking = new Map(judged.purposes[0]!.lacking.map((l) => [l.providerId, l]));
    const list: (LackingProviderRow & { id: string })[] = rows.flatMap((r) => {
      const l = lacking.get(String(r.id));
      return l
        ? [
            {
              id: String(r.id),
              providerId: String(r.id),
              reference: r.reference,
              kind: r.kind,
              state: l.state,
              policyVersion: l.policyVersion,
              reason: l.reason,
              message: l.message,
            },
          ]
        : [];
    });
    return toPage(list, limit, afterId, (row) => row);
  }

  private async loadVersion(id: string): Promise<PolicyVersion> {
    const version = isUuid(id) ? await this.em.findOne(PolicyVersion, { id }) : null;
    if (!version) throw new NotFoundError('Policy version', 'id');
    return version;
  }

  /** Purpose changes of a version: computed live for a draft, as recorded on publishing otherwise. */
  private async changesOf(version: PolicyVersion): Promise<PurposeChanges> {
    if (version.status === 'PUBLISHED') {
      const stored = version.purposeChanges;
      return stored ? { ...stored, unchanged: [] } : EMPTY_CHANGES;
    }
    const current = await loadPurposeFacts(this.em);
    return purposeChanges(current.map(purposeFact), (version.purposes ?? current.map(purposeData)).map(purposeFact));
  }

  private async categoriesLookup(version: PolicyVersion): Promise<(key: string) => DataCategory[]> {
    const fromVersion = new Map((version.purposes ?? []).map((p) => [p.key, p.categories]));
    const live = new Map((await loadPurposeFacts(this.em)).map((p) => [p.key, p.categories]));
    return (key) => orderCategories(fromVersion.get(key) ?? live.get(key) ?? []);
  }
}
