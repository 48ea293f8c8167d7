import {
  diffSections,
  normalizeLineBreaks,
  purposeChanges,
  validatePolicyDraft,
  validatePublication,
  contactDrift,
  issue,
  CONTACT_UPDATE_SUMMARY,
  type BilingualText,
} from '@steward/policy-core';
import { contactDetails, loadOrganisation } from '../organisation/organisation.service.js';
import { AuditService } from '../audit/audit.service.js';
import { BadInputError, DomainError, NotFoundError } from '../common/errors.js';
import { fromDbDate } from '../common/sql/dialect.js';
import { changeLogRows } from './policy.queries.js';
import type { Actor } from '../context.js';
import { LedgerService, payloadHashOf } from '../ledger/ledger.service.js';
import { loadPurposeFacts } from '../purposes/purpose-facts.js';
import { Purpose } from '../purposes/purpose.entity.js';
import type { UpdatePolicyDraftInput } from './policy.inputs.js';
import { PolicyVersion } from './policy-version.entity.js';
import { isUuid } from '../common/ids.js';
import { assertVersion, flushOrConflict } from '../common/optimistic-lock.js';
import { bumpChangeStamp } from '../common/facts/change-stamp.queries.js';
import {
  changeSummaryOf,
  currentPolicy,
  inquiriesClause,
  withContactUpdated,
  normalizePurposes,
  normalizeSections,
  policyContentHash,
  purposeData,
  purposeFact,
  purposesDiffer,
  sectionsForDiff,
  inClauseOrder,
} from './policy-text.js';
import { Service } from '../common/transaction.js';

/** One published version in the change log (clause 7), its summary in both languages. */
export type ChangeLogEntry = { number: number; publishedAt: Date; changeSummary: BilingualText };

/**
 * Policy versions (clauses 5 and 7): one draft at a time, copied from the version in force and
 * edited with optimistic locking (its diff and re-consent impact: policy-impact.service.ts); publishing, which applies
 * the proposed purposes and makes the draft the version in force at once — every later
 * collection, consent, decision and ledger entry reads the version in force from the database
 * per request (`currentPolicyFacts`), except the public cookie-consent path, which caches the
 * version number under the change stamp that publishing moves (common/facts/change-stamps.ts).
 * Published versions are immutable (here, and by a database trigger).
 */
export class PolicyService extends Service {
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
  async changeLog(): Promise<ChangeLogEntry[]> {
    const rows = await changeLogRows(this.em);
    return rows.map((r) => ({
      number: Number(r.number),
      publishedAt: fromDbDate(r.published_at),
      changeSummary: changeSummaryOf({
        changeSummary: r.change_summary,
        changeSummaryJa: r.change_summary_ja,
        changeSummaryEn: r.change_summary_en,
      }),
    }));
  }

  createDraft(): Promise<PolicyVersion> {
    return this.inTransaction((tx) => tx.writeCreateDraft());
  }

  /**
   * Starts the next version with clause 8 rewritten to the secretariat's contact in the settings
   * (policy-core's rewriteContactClause, both languages) and a change summary saying so. Refused
   * (NO_CHANGE on `contact`) when the version in force already names that contact.
   */
  createContactUpdateDraft(): Promise<PolicyVersion> {
    return this.inTransaction((tx) => tx.writeCreateDraft({ updateContact: true }));
  }

  updateDraft(input: UpdatePolicyDraftInput): Promise<PolicyVersion> {
    return this.inTransaction((tx) => tx.writeUpdateDraft(input));
  }

  discardDraft(id: string, expectedVersion: number): Promise<boolean> {
    return this.inTransaction((tx) => tx.writeDiscardDraft(id, expectedVersion));
  }

  publish(id: string, expectedVersion: number, confirmNumber: number): Promise<PolicyVersion> {
    return this.inTransaction((tx) => tx.writePublish(id, expectedVersion, confirmNumber));
  }

  private async loadVersion(id: string): Promise<PolicyVersion> {
    const version = await this.get(id);
    if (!version) throw new NotFoundError('Policy version', 'id');
    return version;
  }

  private async writeCreateDraft(opts: { updateContact?: boolean } = {}): Promise<PolicyVersion> {
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
    let sections = current.sections.map((s) => ({ ...s }));
    let summary: BilingualText = { ja: '', en: '' };
    if (opts.updateContact) {
      const contact = contactDetails(await loadOrganisation(this.em));
      if (contactDrift(inquiriesClause(sections), contact).length === 0) {
        throw new BadInputError(
          [issue('contact', 'NO_CHANGE', `Version ${current.number} already names the secretariat's contact.`)],
          '',
        );
      }
      sections = withContactUpdated(sections, contact);
      summary = CONTACT_UPDATE_SUMMARY;
    }
    const draft = this.em.create(PolicyVersion, {
      number: current.number + 1,
      status: 'DRAFT',
      changeSummary: summary.en,
      changeSummaryJa: summary.ja,
      changeSummaryEn: summary.en,
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
      detail: { number: draft.number, from: current.number, ...(opts.updateContact ? { contactUpdated: true } : {}) },
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
    const changeSummaryJa = normalizeLineBreaks(input.changeSummaryJa).trim();
    const changeSummaryEn = normalizeLineBreaks(input.changeSummaryEn).trim();
    const current = await loadPurposeFacts(this.em);
    const validation = validatePolicyDraft(
      {
        changeSummaryJa,
        changeSummaryEn,
        sections: given,
        purposes: input.purposes.map((p, i) => ({ ...purposes[i]!, categories: p.categories })),
      },
      current.map((p) => p.key),
    );
    if (!validation.ok) throw new BadInputError(validation.issues);
    const sections = inClauseOrder(given);
    draft.sections = sections;
    draft.purposes = purposes;
    // The one-language column keeps a value for readers of the older shape.
    draft.changeSummary = changeSummaryEn || changeSummaryJa;
    draft.changeSummaryJa = changeSummaryJa;
    draft.changeSummaryEn = changeSummaryEn;
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
      {
        changeSummaryJa: changeSummaryOf(draft).ja,
        changeSummaryEn: changeSummaryOf(draft).en,
        sections: draft.sections,
        purposes: proposed,
      },
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
          descriptionJa: p.descriptionJa ?? '',
          categories: [...p.categories],
          retired: p.retired,
          updatedAt: now,
        });
        if (needConsent.has(p.key)) row.consentFromVersion = draft.number;
      } else {
        this.em.create(Purpose, {
          ...p,
          descriptionJa: p.descriptionJa ?? '',
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
    // The policy version in force is cached by every instance (cookie consent): stale from this commit on.
    await bumpChangeStamp(this.em);
    return draft;
  }
}
