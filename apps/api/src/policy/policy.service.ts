import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import {
  diffSections,
  normalizeLineBreaks,
  orderCategories,
  POLICY_CLAUSES,
  purposeChanges,
  reconsentImpact,
  validatePolicyDraft,
  validatePublication,
  type ConsentState,
  type DataCategory,
  type LackingReason,
  type PolicySections,
  type ProviderKind,
  type PurposeChanges,
  type PurposeFact,
  type SectionDiff,
} from '@steward/policy-core';
import { createHash } from 'node:crypto';
import { AuditService } from '../audit/audit.service.js';
import { BadInputError, badInput, DomainError, NotFoundError } from '../common/errors.js';
import { canonicalJson } from '../common/canonical-json.js';
import { fromDbDate } from '../common/sql/dialect.js';
import {
  changeLogRows,
  consentStateCounts,
  currentPolicyRow,
  lackingProviderRows,
  providerCount,
  providersCoveredForAll,
} from './policy.queries.js';
import { decodeCursor, pageSize, toPage } from '../common/pagination.js';
import type { Actor, AppDeps } from '../context.js';
import { LedgerService, payloadHashOf } from '../ledger/ledger.service.js';
import { loadPurposeFacts, purposeIdByKey, type PurposeFields } from '../purposes/purpose-facts.js';
import { Purpose } from '../purposes/purpose.entity.js';
import type { PolicyPurposeInput, PolicySectionInput, UpdatePolicyDraftInput } from './policy.inputs.js';
import { PolicyVersion, type PolicyPurposeData, type PolicySectionData } from './policy-version.entity.js';
import { isUuid } from '../common/ids.js';
import { assertVersion, flushOrConflict } from '../common/optimistic-lock.js';

/** The version in force: the newest published one governs all data, whenever it was collected (clause 7). */
export async function currentPolicy(em: EntityManager): Promise<PolicyVersion> {
  const v = await em.findOne(PolicyVersion, { status: 'PUBLISHED' }, { orderBy: { number: 'desc' } });
  if (!v) throw new NotFoundError('Published policy version');
  return v;
}

/** Number and content hash of the version in force: one lean query (no sections to hydrate) for the write paths. */
export async function currentPolicyFacts(em: EntityManager): Promise<{ number: number; contentHash: string }> {
  const row = await currentPolicyRow(em);
  if (!row) throw new NotFoundError('Published policy version');
  return { number: Number(row.number), contentHash: row.content_hash };
}

export function policyContentHash(sections: readonly PolicySectionData[]): string {
  return createHash('sha256').update(canonicalJson(sections)).digest('hex');
}

/** A version's text as policy-core's diff reads it: per clause and language, the title line then the body. */
export function sectionsForDiff(sections: readonly PolicySectionData[]): PolicySections {
  const out: Record<string, { ja: string; en: string }> = {};
  for (const s of sections) out[s.clause] = { ja: `${s.titleJa}\n${s.bodyJa}`, en: `${s.titleEn}\n${s.bodyEn}` };
  return out as PolicySections;
}

/** A purpose as policy-core compares them. */
export function purposeFact(p: { key: string; categories: readonly DataCategory[]; retired: boolean }): PurposeFact {
  return { key: p.key, categories: [...p.categories], retired: p.retired };
}

/** Normalised sections in clause order: titles trimmed, line breaks LF, trailing space of bodies removed. */
export function normalizeSections(sections: readonly PolicySectionInput[]): PolicySectionData[] {
  return sections.map((s) => ({
    clause: s.clause,
    titleEn: s.titleEn.trim(),
    titleJa: s.titleJa.trim(),
    bodyEn: normalizeLineBreaks(s.bodyEn).trim(),
    bodyJa: normalizeLineBreaks(s.bodyJa).trim(),
  }));
}

function inClauseOrder(sections: readonly PolicySectionData[]): PolicySectionData[] {
  const order = new Map<string, number>(POLICY_CLAUSES.map((c, i) => [c, i]));
  return [...sections].sort((a, b) => (order.get(a.clause) ?? 99) - (order.get(b.clause) ?? 99));
}

function normalizePurposes(purposes: readonly PolicyPurposeInput[]): PolicyPurposeData[] {
  return purposes.map((p) => ({
    key: p.key.trim(),
    titleEn: p.titleEn.trim(),
    titleJa: p.titleJa.trim(),
    description: normalizeLineBreaks(p.description).trim(),
    categories: orderCategories(p.categories),
    retired: p.retired,
  }));
}

/** What the purposes of a version look like as stored data (the live table, or a version's snapshot). */
function purposeData(p: PurposeFields): PolicyPurposeData {
  return {
    key: p.key,
    titleEn: p.titleEn,
    titleJa: p.titleJa,
    description: p.description,
    categories: orderCategories(p.categories),
    retired: p.retired,
  };
}

/** Whether anything a provider reads about the purposes differs (wording included, not only categories). */
function purposesDiffer(current: readonly PolicyPurposeData[], next: readonly PolicyPurposeData[]): boolean {
  const key = (list: readonly PolicyPurposeData[]) =>
    canonicalJson([...list].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)));
  return key(current) !== key(next);
}

export interface PolicyDiff {
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
 * Policy versions (clauses 5 and 7): one draft at a time, copied from the version in force and
 * edited with optimistic locking; its diff and its re-consent impact; publishing, which applies
 * the proposed purposes and makes the draft the version in force at once — every later
 * collection, consent, decision and ledger entry reads the version in force from the database
 * per request (`currentPolicyFacts`), so there is no cache to invalidate on any instance.
 * Published versions are immutable (here, and by a database trigger).
 */
export class PolicyService {
  constructor(
    private readonly em: SqlEntityManager,
    private readonly actor: Actor | null,
    private readonly deps: AppDeps,
  ) {}

  private with(em: unknown): PolicyService {
    return new PolicyService(em as SqlEntityManager, this.actor, this.deps);
  }

  private requireActor(): Actor {
    if (!this.actor) throw new DomainError('UNAUTHENTICATED', 'Sign in to continue');
    return this.actor;
  }

  private audit(): AuditService {
    return new AuditService(this.em, this.requireActor(), this.deps);
  }

  versions(): Promise<PolicyVersion[]> {
    return this.em.find(PolicyVersion, {}, { orderBy: { number: 'desc' } });
  }

  async get(id: string): Promise<PolicyVersion | null> {
    return isUuid(id) ? this.em.findOne(PolicyVersion, { id }) : null;
  }

  draft(): Promise<PolicyVersion | null> {
    return this.em.findOne(PolicyVersion, { status: 'DRAFT' });
  }

  /** The published versions, newest first: the change log every change is posted to (clause 7). */
  async changeLog(): Promise<{ number: number; publishedAt: Date; changeSummary: string }[]> {
    const rows = await changeLogRows(this.em);
    return rows.map((r) => ({
      number: Number(r.number),
      publishedAt: fromDbDate(r.published_at),
      changeSummary: r.change_summary,
    }));
  }

  createDraft(): Promise<PolicyVersion> {
    return this.em.transactional((em) => this.with(em).writeCreateDraft());
  }

  updateDraft(input: UpdatePolicyDraftInput): Promise<PolicyVersion> {
    return this.em.transactional((em) => this.with(em).writeUpdateDraft(input));
  }

  discardDraft(id: string, expectedVersion: number): Promise<boolean> {
    return this.em.transactional((em) => this.with(em).writeDiscardDraft(id, expectedVersion));
  }

  publish(id: string, expectedVersion: number, confirmNumber: number): Promise<PolicyVersion> {
    return this.em.transactional((em) => this.with(em).writePublish(id, expectedVersion, confirmNumber));
  }

  /** A version's text against the one before it (a draft: against the version in force), with its purpose changes. */
  async diff(id: string): Promise<PolicyDiff> {
    const version = await this.loadVersion(id);
    const base =
      version.status === 'DRAFT'
        ? await currentPolicy(this.em)
        : await this.em.findOne(PolicyVersion, { number: version.number - 1, status: 'PUBLISHED' });
    const sections = diffSections(base ? sectionsForDiff(base.sections) : {}, sectionsForDiff(version.sections));
    return { base, sections, purposeChanges: await this.changesOf(version) };
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
    const version = await this.get(id);
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

  private async writeCreateDraft(): Promise<PolicyVersion> {
    const existing = await this.draft();
    if (existing) {
      throw new DomainError('CONFLICT', `A draft (version ${existing.number}) already exists; edit or discard it.`, {
        field: 'draft',
        draftId: existing.id,
      });
    }
    const current = await currentPolicy(this.em);
    const purposes = (await loadPurposeFacts(this.em)).map(purposeData).sort((a, b) => (a.key < b.key ? -1 : 1));
    const now = this.deps.now();
    const sections = current.sections.map((s) => ({ ...s }));
    const draft = this.em.create(PolicyVersion, {
      number: current.number + 1,
      status: 'DRAFT',
      changeSummary: '',
      sections,
      contentHash: policyContentHash(sections),
      purposes,
      createdAt: now,
      updatedAt: now,
    });
    this.audit().record({
      action: 'policy.draft.create',
      entityType: 'PolicyVersion',
      subject: draft.id,
      detail: { number: draft.number, from: current.number },
    });
    await flushOrConflict(this.em, 'Policy draft');
    return draft;
  }

  private async loadDraft(id: string, expectedVersion: number): Promise<PolicyVersion> {
    const version = await this.loadVersion(id);
    if (version.status !== 'DRAFT') {
      throw new BadInputError(
        [
          {
            field: 'id',
            code: 'INVALID_TRANSITION',
            message: `Version ${version.number} is published; published versions never change.`,
          },
        ],
        '',
      );
    }
    assertVersion(version.version, expectedVersion, 'Policy draft');
    return version;
  }

  private async writeUpdateDraft(input: UpdatePolicyDraftInput): Promise<PolicyVersion> {
    const draft = await this.loadDraft(input.id, input.expectedVersion);
    const given = normalizeSections(input.sections);
    const purposes = normalizePurposes(input.purposes);
    const changeSummary = normalizeLineBreaks(input.changeSummary).trim();
    const current = await loadPurposeFacts(this.em);
    const validation = validatePolicyDraft(
      {
        changeSummary,
        sections: given,
        purposes: input.purposes.map((p, i) => ({ ...purposes[i]!, categories: p.categories })),
      },
      current.map((p) => p.key),
    );
    if (!validation.ok) throw new BadInputError(validation.issues);
    const sections = inClauseOrder(given);
    draft.sections = sections;
    draft.purposes = purposes;
    draft.changeSummary = changeSummary;
    draft.contentHash = policyContentHash(sections);
    draft.updatedAt = this.deps.now();
    const base = await currentPolicy(this.em);
    this.audit().record({
      action: 'policy.draft.update',
      entityType: 'PolicyVersion',
      subject: draft.id,
      detail: {
        number: draft.number,
        changedClauses: [
          ...new Set(diffSections(sectionsForDiff(base.sections), sectionsForDiff(sections)).map((d) => d.clause)),
        ],
      },
    });
    await flushOrConflict(this.em, 'Policy draft');
    return draft;
  }

  private async writeDiscardDraft(id: string, expectedVersion: number): Promise<boolean> {
    const draft = await this.loadDraft(id, expectedVersion);
    this.audit().record({
      action: 'policy.draft.discard',
      entityType: 'PolicyVersion',
      subject: draft.id,
      detail: { number: draft.number },
    });
    this.em.remove(draft);
    await flushOrConflict(this.em, 'Policy draft');
    return true;
  }

  private async writePublish(id: string, expectedVersion: number, confirmNumber: number): Promise<PolicyVersion> {
    const actor = this.requireActor();
    const draft = await this.loadDraft(id, expectedVersion);
    const current = await currentPolicy(this.em);
    const livePurposes = await loadPurposeFacts(this.em);
    const proposed = draft.purposes ?? livePurposes.map(purposeData);
    const validation = validatePolicyDraft(
      { changeSummary: draft.changeSummary, sections: draft.sections, purposes: proposed },
      livePurposes.map((p) => p.key),
    );
    const changes = purposeChanges(livePurposes.map(purposeFact), proposed.map(purposeFact));
    const publication = validatePublication({
      draftNumber: draft.number,
      currentNumber: current.number,
      confirmNumber,
      sectionsChanged: diffSections(sectionsForDiff(current.sections), sectionsForDiff(draft.sections)).length > 0,
      purposesChanged: purposesDiffer(livePurposes.map(purposeData), proposed),
    });
    const issues = [...(publication.ok ? [] : publication.issues), ...(validation.ok ? [] : validation.issues)];
    if (issues.length) throw new BadInputError(issues, '');

    const now = this.deps.now();
    // The purposes of use become what the new version states.
    const byKey = new Map(
      (await this.em.find(Purpose, { key: { $in: proposed.map((p) => p.key) } })).map((p) => [p.key, p]),
    );
    // Added or widened: grants recorded before this version no longer cover the purpose (clause 7).
    const needConsent = new Set([...changes.added, ...changes.widened.map((w) => w.key)]);
    for (const p of proposed) {
      const row = byKey.get(p.key);
      if (row) {
        Object.assign(row, {
          titleEn: p.titleEn,
          titleJa: p.titleJa,
          description: p.description,
          categories: [...p.categories],
          retired: p.retired,
          updatedAt: now,
        });
        if (needConsent.has(p.key)) row.consentFromVersion = draft.number;
      } else {
        this.em.create(Purpose, {
          ...p,
          categories: [...p.categories],
          introducedInVersion: draft.number,
          consentFromVersion: draft.number,
          createdAt: now,
          updatedAt: now,
        });
      }
    }
    draft.status = 'PUBLISHED';
    draft.publishedAt = now;
    draft.purposes = proposed;
    draft.purposeChanges = {
      added: changes.added,
      widened: changes.widened,
      narrowed: changes.narrowed,
      retired: changes.retired,
    };
    draft.contentHash = policyContentHash(draft.sections);
    draft.updatedAt = now;
    this.audit().record({
      action: 'policy.publish',
      entityType: 'PolicyVersion',
      subject: draft.id,
      detail: {
        number: draft.number,
        previous: current.number,
        contentHash: draft.contentHash,
        purposeChanges: draft.purposeChanges,
      },
    });
    await new LedgerService(this.em, this.deps).append([
      {
        kind: 'POLICY',
        actor: `admin:${actor.userId}`,
        categories: [],
        outcome: 'RECORDED',
        basis: { previousVersion: current.number, purposeChanges: draft.purposeChanges },
        policyVersion: draft.number,
        subjectRef: draft.id,
        payloadHash: payloadHashOf({
          id: draft.id,
          number: draft.number,
          contentHash: draft.contentHash,
          publishedAt: now.toISOString(),
          purposes: proposed,
        }),
      },
    ]);
    await flushOrConflict(this.em, 'Policy draft');
    return draft;
  }
}
