import type { SqlEntityManager } from '@mikro-orm/knex';
import {
  countReconsent,
  diffSections,
  lackingConsent,
  orderCategories,
  purposeChanges,
  reconsentCover,
  type ConsentState,
  type DataCategory,
  type LackingReason,
  type ProviderKind,
  type PurposeChanges,
  type ReconsentCounts,
  type ReconsentFact,
  type ReconsentGroup,
  type SectionDiff,
} from '@steward/policy-core';
import { badInput, NotFoundError } from '../common/errors.js';
import { lackingProviderCountUpTo, lackingProviderRows, providerCount, reconsentFactRows } from './policy.queries.js';
import { decodeCursor, pageSize, toPage } from '../common/pagination.js';
import { TOTAL_COUNT_CAP, toTotal, withTotal } from '../common/connection.js';
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

/** An added or widened purpose with policy-core's counts (countReconsent). */
export interface ImpactPurpose extends ReconsentCounts {
  key: string;
  change: 'ADDED' | 'WIDENED';
  addedCategories: DataCategory[];
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

/** A consent state and the version it was given under, as read (`null` state: none recorded). */
function consentFact(state: unknown, policyVersion: unknown): ReconsentFact | null {
  if (state === null || state === undefined) return null;
  return {
    state: state as ConsentState,
    policyVersion: policyVersion === null || policyVersion === undefined ? null : Number(policyVersion),
  };
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
   * Who lacks consent under `version` for the purposes it adds or widens. One statement reads the
   * facts without loading a provider: per purpose the providers grouped by consent state and
   * version, how many providers there are, and how many hold the consent policy-core's
   * `reconsentCover` names for every purpose; policy-core's `countReconsent` classifies the groups
   * (a provider is covered only by a GRANTED consent given under that version or later) and counts.
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
    const groups = new Map<string, ReconsentGroup[]>(affected.map((a) => [a.key, []]));
    let providers = 0;
    let coveredForAll = 0;
    if (affected.length) {
      const cover = reconsentCover(nextVersion);
      const rows = await reconsentFactRows<{
        kind: 'facts' | 'total' | 'covered';
        purpose_key: string | null;
        state: ConsentState | null;
        policy_version: number | string | null;
        n: number | string;
      }>(this.em, {
        purposeKeys: affected.map((a) => a.key),
        coverState: cover.state,
        coverFromVersion: cover.fromPolicyVersion,
      });
      for (const r of rows) {
        if (r.kind === 'total') providers = Number(r.n);
        else if (r.kind === 'covered') coveredForAll = Number(r.n);
        else
          groups.get(r.purpose_key!)!.push({ consent: consentFact(r.state, r.policy_version), providers: Number(r.n) });
      }
    } else providers = await providerCount(this.em);
    const counted = countReconsent({
      nextVersion,
      providers,
      purposes: affected.map((a) => ({ key: a.key, groups: groups.get(a.key)! })),
      coveredForAll,
    });
    return {
      version,
      nextVersion,
      changes,
      purposes: affected.map((a, i) => ({ ...a, ...counted.purposes[i]! })),
      providers: counted.providers,
      providersToAsk: counted.providersToAsk,
      consentsMissing: counted.consentsMissing,
    };
  }

  /**
   * One page (keyset by provider id) of the providers lacking consent under `version` for one
   * added or widened purpose. SQL selects the candidates (skipping the consents policy-core's
   * `reconsentCover` names); its `lackingConsent` judges each one and words the reason. Provider references and kinds only: no personal values.
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
    const cover = reconsentCover(version.number);
    const rows = await lackingProviderRows<{
      id: string;
      reference: string;
      kind: ProviderKind;
      state: ConsentState | null;
      policy_version: number | string | null;
    }>(this.em, {
      purposeId,
      afterId,
      coverState: cover.state,
      coverFromVersion: cover.fromPolicyVersion,
      rows: limit + 1,
    });
    const list: (LackingProviderRow & { id: string })[] = rows.flatMap((r) => {
      const lacking = lackingConsent({
        providerId: String(r.id),
        purposeKey,
        consent: consentFact(r.state, r.policy_version),
        nextVersion: version.number,
      });
      return lacking ? [{ ...lacking, id: lacking.providerId, reference: r.reference, kind: r.kind }] : [];
    });
    return withTotal(
      toPage(list, limit, afterId, (row) => row),
      async () =>
        toTotal(
          await lackingProviderCountUpTo(
            this.em,
            { purposeId, coverState: cover.state, coverFromVersion: cover.fromPolicyVersion },
            TOTAL_COUNT_CAP,
          ),
        ),
    );
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
