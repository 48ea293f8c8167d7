import { UniqueConstraintViolationException } from '@mikro-orm/core';
import {
  INCIDENT_LIMITS,
  isIncidentAffectedSelector,
  localIsoDate,
  normalizeLineBreaks,
  validateText,
  type DataCategory,
  type IncidentCause,
  type IncidentDiscovery,
  type IncidentKind,
  type IncidentStatus,
  type IncidentStepKind,
  type Issue,
} from '@steward/policy-core';
import { BadInputError, DomainError } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { Service } from '../common/transaction.js';
import { LedgerService, payloadHashOf } from '../ledger/ledger.service.js';
import { sha256 } from '../ledger/ledger-hash.js';
import { loadOrganisation } from '../organisation/organisation.service.js';
import { currentPolicyFacts } from '../policy/policy-text.js';
import { Provider } from '../providers/provider.entity.js';
import { Incident, incidentSealContext, type IncidentSealedField } from './incident.entity.js';
import { IncidentNotification } from './incident-notification.entity.js';
import { IncidentStep, incidentStepSealContext, type IncidentStepSummary } from './incident-step.entity.js';
import { incidentStanding } from './incident-facts.js';
import {
  affectedProviderIds,
  existingProviderIds,
  exportJobRow,
  incidentIdsOfProvider,
  insertAffected,
  lastReferenceOfYear,
  recipientExists,
  providersByReference,
  providersHoldingCategory,
  providersInExport,
  providersProvidedTo,
} from './incident.queries.js';
import type { IncidentAffectedSelectionInput, RecordIncidentInput } from './incident.inputs.js';
import { presentIncidentForProvider, presentIncidentSummary, type IncidentSummaryRow } from './incident.presenter.js';

/** A minute of clock skew: an awareness "now" from a browser a little ahead is not the future. */
const CLOCK_SKEW_MS = 60_000;
/** Transactions tried when two incidents take the same reference at once. */
const REFERENCE_ATTEMPTS = 5;
/** The home page's list of incidents needing attention. */
const ATTENTION_LIST = 5;

/** Who a step is recorded as: `admin:<id>`, or Steward itself (null). */
type StepActor = string | null;

/** The providers a selection named, each with the selector that named it first. */
export type AffectedSelection = Map<string, IncidentAffectedSelectionInput['selector']>;

/** What Steward's own detectors open (incidents/detectors/): idempotent by `detectorKey`. */
export interface DetectedIncidentInput {
  detectorKey: string;
  kind: IncidentKind;
  discovery: 'LEDGER_VERIFICATION' | 'PARTNER_SCOPE_MONITOR';
  title: string;
  description: string;
  cause: IncidentCause;
  wrongfulPurposeSuspected: boolean;
  awareAt: Date;
  affectedProviderIds?: string[];
  affectedCount?: number;
}

/** An incident as the disclosure package shows it to a provider it concerns. */
export interface ProviderIncident {
  reference: string;
  kind: IncidentKind;
  status: IncidentStatus;
  awareAt: Date;
  title: string;
  measures: string | null;
  notifiedAt: Date | null;
  steps: Array<{ kind: IncidentStepKind; at: Date; summary: string }>;
}

/** The facts of a new incident, validated. */
interface NewIncident {
  kind: IncidentKind;
  title: string;
  awareAt: Date;
  occurredAt: Date | null;
  discovery: IncidentDiscovery;
  cause: IncidentCause;
  wrongfulPurposeSuspected: boolean;
  text: Partial<Record<IncidentSealedField, string | null>>;
  categories: DataCategory[];
  checklist: {
    sensitiveData: boolean | null;
    financialLossRisk: boolean | null;
    strongEncryptionKeySafe: boolean | null;
  };
  affectedCount: number;
  affectedCountEstimated: boolean;
  entrustedBy: string | null;
  createdBy: string | null;
  detectorKey: string | null;
}

/** The sealed free texts with their limits. */
export const SEALED_FIELDS: ReadonlyArray<{ field: IncidentSealedField; max: number }> = [
  { field: 'description', max: INCIDENT_LIMITS.description },
  { field: 'measures', max: INCIDENT_LIMITS.measures },
  { field: 'causeDetail', max: INCIDENT_LIMITS.causeDetail },
  { field: 'dataInvolved', max: INCIDENT_LIMITS.dataInvolved },
  { field: 'secondaryDamage', max: INCIDENT_LIMITS.secondaryDamage },
];

export const SEALED_COLUMN = {
  description: 'descriptionSealed',
  measures: 'measuresSealed',
  causeDetail: 'causeDetailSealed',
  dataInvolved: 'dataInvolvedSealed',
  secondaryDamage: 'secondaryDamageSealed',
} as const satisfies Record<IncidentSealedField, keyof Incident>;

/** A free text as stored: line breaks LF, trimmed, blank → null. */
export function cleanText(value: string | null | undefined): string | null {
  if (value == null) return null;
  const text = normalizeLineBreaks(value).trim();
  return text === '' ? null : text;
}

export class IncidentNotFoundError extends DomainError {
  constructor(field = 'id') {
    super('INCIDENT_NOT_FOUND', 'Incident not found', { field });
  }
}

/**
 * The incident register (clause 3; APPI Art. 26, the Commission's Rules Arts. 7–10): records
 * incidents, the providers they affect (five fixed selectors), the workflow from awareness to the
 * reports and the notification of the people affected. Every write is one transaction with its
 * incident_step and its INCIDENT ledger entry, which commits to the affected set by the SHA-256 of
 * the sorted provider ids. The rules (reportable? which status next? deadlines) are policy-core's.
 */
export class IncidentService extends Service {
  /** The ledger actor of the caller: the member of staff, or Steward itself. */
  protected stepActor(): StepActor {
    return this.actor ? `admin:${this.actor.userId}` : null;
  }

  // ---------------------------------------------------------------- the seam for Steward's detectors and documents

  /**
   * Opens an incident found by Steward itself (a failed ledger verification, a partner key probing
   * outside its scope); idempotent by `detectorKey`: the second call returns the first incident.
   */
  async openDetectedIncident(
    input: DetectedIncidentInput,
  ): Promise<{ id: string; reference: string; created: boolean }> {
    const existing = await this.em.findOne(Incident, { detectorKey: input.detectorKey });
    if (existing) return { id: existing.id, reference: existing.reference, created: false };
    const issues = factIssues(
      { title: input.title, awareAt: input.awareAt, description: input.description },
      this.deps.now(),
      { required: true },
    );
    if (issues.length) throw new BadInputError(issues);
    const ids = [...new Set(input.affectedProviderIds ?? [])].filter(isUuid);
    const known = await existingProviderIds(this.em, ids);
    const selection: AffectedSelection = new Map(known.map((id) => [id, 'PICKED' as const]));
    try {
      const incident = await this.create(
        {
          kind: input.kind,
          title: input.title.trim(),
          awareAt: input.awareAt,
          occurredAt: null,
          discovery: input.discovery,
          cause: input.cause,
          wrongfulPurposeSuspected: input.wrongfulPurposeSuspected,
          text: { description: cleanText(input.description) },
          categories: [],
          checklist: { sensitiveData: null, financialLossRisk: null, strongEncryptionKeySafe: null },
          affectedCount: Math.max(0, Math.trunc(input.affectedCount ?? 0)),
          affectedCountEstimated: false,
          entrustedBy: null,
          createdBy: null,
          detectorKey: input.detectorKey,
        },
        selection,
        null,
      );
      return { id: incident.id, reference: incident.reference, created: true };
    } catch (err) {
      // Another instance opened it at the same moment: theirs is the one.
      const raced = await this.em.fork().findOne(Incident, { detectorKey: input.detectorKey });
      if (raced) return { id: raced.id, reference: raced.reference, created: false };
      throw err;
    }
  }

  /** The incidents that concern one provider, with their steps worded in the provider's language (the disclosure package). */
  async incidentsForProvider(providerId: string): Promise<ProviderIncident[]> {
    if (!isUuid(providerId)) return [];
    const ids = await incidentIdsOfProvider(this.em, providerId);
    if (!ids.length) return [];
    const provider = await this.em.findOne(Provider, { id: providerId });
    const language = provider?.language ?? 'ja';
    const incidents = await this.em.find(Incident, { id: { $in: ids } }, { orderBy: { awareAt: 'asc', id: 'asc' } });
    const steps = await this.em.find(IncidentStep, { incidentId: { $in: ids } }, { orderBy: { at: 'asc', id: 'asc' } });
    const notifications = await this.em.find(
      IncidentNotification,
      { incidentId: { $in: ids } },
      { orderBy: { sentAt: 'asc', id: 'asc' } },
    );
    return incidents.map((i) =>
      presentIncidentForProvider(
        this.deps.cipher,
        i,
        steps.filter((s) => s.incidentId === i.id),
        notifications.filter((n) => n.incidentId === i.id),
        language,
      ),
    );
  }

  /** Open incidents with a deadline DUE_SOON or OVERDUE (the home page of work, the reminder mails), most urgent first. */
  async incidentsNeedingAttention(
    now: Date,
  ): Promise<{ overdue: number; dueSoon: number; next: IncidentSummaryRow[] }> {
    const { timeZone } = await loadOrganisation(this.em);
    const open = await this.em.find(Incident, { status: { $ne: 'CLOSED' } }, { orderBy: { awareAt: 'asc' } });
    const rows = open
      .map((i) => presentIncidentSummary(i, incidentStanding(i, timeZone, now)))
      .filter((r) => r.urgency === 'OVERDUE' || r.urgency === 'DUE_SOON');
    rows.sort(byUrgency);
    return {
      overdue: rows.filter((r) => r.urgency === 'OVERDUE').length,
      dueSoon: rows.filter((r) => r.urgency === 'DUE_SOON').length,
      next: rows.slice(0, ATTENTION_LIST),
    };
  }

  // ---------------------------------------------------------------- recording

  /** A new incident from staff: validated whole (nothing stored on any issue), with its OPENED step. */
  async record(input: RecordIncidentInput): Promise<Incident> {
    const now = this.deps.now();
    const issues = factIssues(input, now, { required: true });
    const selection = await this.select(input.affected ?? [], 'affected', issues);
    const count = countIssue(input.affectedCount, 'affectedCount');
    if (count) issues.push(count);
    if (issues.length) throw new BadInputError(issues);
    return this.create(
      {
        kind: input.kind,
        title: input.title.trim(),
        awareAt: input.awareAt,
        occurredAt: input.occurredAt ?? null,
        discovery: input.discovery,
        cause: input.cause,
        wrongfulPurposeSuspected: input.wrongfulPurposeSuspected,
        text: Object.fromEntries(SEALED_FIELDS.map(({ field }) => [field, cleanText(input[field])])),
        categories: [...new Set(input.categories ?? [])],
        checklist: {
          sensitiveData: input.checklist?.sensitiveData ?? null,
          financialLossRisk: input.checklist?.financialLossRisk ?? null,
          strongEncryptionKeySafe: input.checklist?.strongEncryptionKeySafe ?? null,
        },
        affectedCount: input.affectedCount ?? 0,
        affectedCountEstimated: input.affectedCountEstimated ?? false,
        entrustedBy: input.entrustedBy?.trim() || null,
        createdBy: this.actor?.userId ?? null,
        detectorKey: null,
      },
      selection,
      this.stepActor(),
    );
  }

  /** Writes a new incident, its affected providers and its OPENED step; a reference taken at the same moment is retried. */
  private async create(facts: NewIncident, selection: AffectedSelection, actor: StepActor): Promise<Incident> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.inTransaction((tx) => tx.writeNew(facts, selection, actor));
      } catch (err) {
        const referenceTaken =
          err instanceof UniqueConstraintViolationException && !(facts.detectorKey && /detector/i.test(err.message));
        if (!referenceTaken || attempt >= REFERENCE_ATTEMPTS) throw err;
      }
    }
  }

  private async writeNew(facts: NewIncident, selection: AffectedSelection, actor: StepActor): Promise<Incident> {
    const now = this.deps.now();
    const { timeZone } = await loadOrganisation(this.em);
    const incident = this.em.create(Incident, {
      reference: await this.nextReference(now, timeZone),
      kind: facts.kind,
      title: facts.title,
      awareAt: facts.awareAt,
      occurredAt: facts.occurredAt,
      discovery: facts.discovery,
      cause: facts.cause,
      wrongfulPurposeSuspected: facts.wrongfulPurposeSuspected,
      sensitiveData: facts.checklist.sensitiveData,
      financialLossRisk: facts.checklist.financialLossRisk,
      strongEncryptionKeySafe: facts.checklist.strongEncryptionKeySafe,
      categories: facts.categories,
      affectedCount: Math.max(facts.affectedCount, selection.size),
      affectedCountEstimated: facts.affectedCountEstimated,
      entrustedBy: facts.entrustedBy,
      createdBy: facts.createdBy,
      detectorKey: facts.detectorKey,
      createdAt: now,
      updatedAt: now,
    });
    for (const { field } of SEALED_FIELDS) {
      incident[SEALED_COLUMN[field]] = this.deps.cipher.sealText(
        facts.text[field],
        incidentSealContext(incident.id, field),
      );
    }
    await this.em.flush();
    await insertAffected(
      this.em,
      incident.id,
      [...selection].map(([providerId, selector]) => ({ providerId, selector })),
      now,
    );
    await this.appendStep(
      incident,
      'OPENED',
      { kind: incident.kind, affectedCount: incident.affectedCount },
      null,
      actor,
    );
    return incident;
  }

  /** `INC-<year>-<n>`: the next number of the year (in the organisation's zone) the incident is recorded in. */
  private async nextReference(now: Date, timeZone: string): Promise<string> {
    const prefix = `INC-${localIsoDate(now, timeZone).slice(0, 4)}-`;
    const last = await lastReferenceOfYear(this.em, prefix);
    const n = last ? Number(last.slice(prefix.length)) + 1 : 1;
    return `${prefix}${String(n).padStart(4, '0')}`;
  }

  // ---------------------------------------------------------------- steps and the ledger

  /**
   * Records one step: its incident_step row and its INCIDENT ledger entry, which commits to the
   * affected set (SHA-256 of the sorted provider ids, one per line) and the summary (payload hash).
   * Inside the caller's transaction, after the incident's own changes are flushed.
   */
  protected async appendStep(
    incident: Incident,
    kind: IncidentStepKind,
    summary: IncidentStepSummary,
    note: string | null,
    actor: StepActor,
  ): Promise<IncidentStep> {
    const at = this.deps.now();
    const ids = await affectedProviderIds(this.em, incident.id);
    const step = this.em.create(IncidentStep, {
      incidentId: incident.id,
      kind,
      at,
      actor,
      summary,
      createdAt: at,
      updatedAt: at,
    });
    step.noteSealed = this.deps.cipher.sealText(note, incidentStepSealContext(step.id));
    const policy = await currentPolicyFacts(this.em);
    const [entry] = await new LedgerService(this.em, this.deps).append([
      {
        kind: 'INCIDENT',
        actor: actor ?? 'system',
        providerId: null,
        categories: incident.categories,
        outcome: 'RECORDED',
        basis: {
          step: kind,
          incidentReference: incident.reference,
          status: incident.status,
          affectedCount: incident.affectedCount,
          affectedSetHash: affectedSetHash(ids),
        },
        policyVersion: policy.number,
        subjectRef: incident.id,
        payloadHash: payloadHashOf({ stepId: step.id, incidentId: incident.id, kind, at: at.toISOString(), summary }),
      },
    ]);
    step.ledgerSequence = entry!.sequence;
    await this.em.flush();
    return step;
  }

  // ---------------------------------------------------------------- selecting the affected providers

  /**
   * The union of `selections` (each provider with the first selector that named it), or issues at
   * `<path>[i].<field>`: an unknown provider id, a category missing, a recipient or export that does
   * not exist. Unknown references are their own error (INCIDENT_UNKNOWN_REFERENCES, naming them).
   */
  async select(
    selections: readonly IncidentAffectedSelectionInput[],
    path: string,
    issues: Issue[],
  ): Promise<AffectedSelection> {
    const out: AffectedSelection = new Map();
    for (const [index, selection] of selections.entries()) {
      const at = `${path}[${index}]`;
      const ids = await this.selectOne(selection, at, issues);
      for (const id of ids) if (!out.has(id)) out.set(id, selection.selector);
    }
    return out;
  }

  private async selectOne(s: IncidentAffectedSelectionInput, at: string, issues: Issue[]): Promise<string[]> {
    const need = (field: string, ok: boolean, message: string) => {
      if (!ok) issues.push({ field: `${at}.${field}`, code: 'REQUIRED', message });
      return ok;
    };
    if (!isIncidentAffectedSelector(s.selector)) {
      issues.push({ field: `${at}.selector`, code: 'INVALID_VALUE', message: 'Unknown selector.' });
      return [];
    }
    switch (s.selector) {
      case 'PICKED': {
        const ids = [...new Set(s.providerIds ?? [])];
        if (!need('providerIds', ids.length > 0, 'Pick at least one provider.')) return [];
        const known = new Set(await existingProviderIds(this.em, ids.filter(isUuid)));
        const unknown = ids.filter((id) => !known.has(id));
        if (unknown.length)
          issues.push({
            field: `${at}.providerIds`,
            code: 'INVALID_VALUE',
            message: `${unknown.length} of the providers picked do not exist.`,
            params: { count: unknown.length },
          });
        return [...known];
      }
      case 'REFERENCES': {
        const refs = [...new Set((s.references ?? []).map((r) => r.trim()).filter((r) => r !== ''))];
        if (!need('references', refs.length > 0, 'Give at least one reference.')) return [];
        if (refs.length > INCIDENT_LIMITS.maxReferences) {
          issues.push({
            field: `${at}.references`,
            code: 'TOO_LONG',
            message: `At most ${INCIDENT_LIMITS.maxReferences} references.`,
            params: { max: INCIDENT_LIMITS.maxReferences },
          });
          return [];
        }
        const found = await providersByReference(this.em, refs);
        const known = new Set(found.map((f) => f.reference));
        const unknown = refs.filter((r) => !known.has(r));
        if (unknown.length)
          throw new DomainError(
            'INCIDENT_UNKNOWN_REFERENCES',
            `${unknown.length} reference(s) name no provider: ${unknown.slice(0, 20).join(', ')}`,
            { field: `input.${at}.references`, references: unknown.slice(0, 1000), count: unknown.length },
          );
        return found.map((f) => f.id);
      }
      case 'HOLDS_CATEGORY':
        if (!need('category', !!s.category, 'Choose a data category.')) return [];
        return providersHoldingCategory(this.em, s.category!);
      case 'PROVIDED_TO_RECIPIENT': {
        const ok = [
          need('recipientId', !!s.recipientId, 'Choose the recipient.'),
          need('from', !!s.from, 'Give the start of the period.'),
          need('to', !!s.to, 'Give the end of the period.'),
        ].every(Boolean);
        if (!ok) return [];
        if (s.from!.getTime() >= s.to!.getTime()) {
          issues.push({ field: `${at}.to`, code: 'INVALID_VALUE', message: 'The end must be after the start.' });
          return [];
        }
        if (!isUuid(s.recipientId!) || !(await recipientExists(this.em, s.recipientId!))) {
          issues.push({ field: `${at}.recipientId`, code: 'INVALID_VALUE', message: 'No such recipient.' });
          return [];
        }
        return providersProvidedTo(this.em, s.recipientId!, s.from!, s.to!);
      }
      case 'IN_EXPORT': {
        if (!need('exportJobId', !!s.exportJobId, 'Choose the export.')) return [];
        const job = isUuid(s.exportJobId!) ? await exportJobRow(this.em, s.exportJobId!) : null;
        const list = job ? (JSON.parse(job.payload) as { list?: string }).list : null;
        if (!job || list !== 'PROVIDERS' || job.status !== 'SUCCEEDED') {
          issues.push({
            field: `${at}.exportJobId`,
            code: 'INVALID_VALUE',
            message: 'Not a finished export of the providers list.',
          });
          return [];
        }
        return providersInExport(this.em, s.exportJobId!);
      }
    }
  }
}

/** SHA-256 of the sorted provider ids, one per line: what each INCIDENT ledger entry commits to. */
export function affectedSetHash(sortedIds: readonly string[]): string {
  return sha256(sortedIds.join('\n'));
}

/** The register's URGENCY order: OVERDUE, DUE_SOON, ON_TRACK first, each by its soonest due date. */
export function byUrgency(a: IncidentSummaryRow, b: IncidentSummaryRow): number {
  const rank = { OVERDUE: 0, DUE_SOON: 1, ON_TRACK: 2, MET: 3, NOT_REQUIRED: 4 } as const;
  const due = (r: IncidentSummaryRow) =>
    Math.min(
      ...[r.preliminary, r.final]
        .filter((d) => d.state === 'OVERDUE' || d.state === 'DUE_SOON' || d.state === 'ON_TRACK')
        .map((d) => d.dueAt.getTime()),
      Number.MAX_SAFE_INTEGER,
    );
  return rank[a.urgency] - rank[b.urgency] || due(a) - due(b) || b.awareAt.getTime() - a.awareAt.getTime();
}

/** A count of people entered by hand: a whole number from 0 to INCIDENT_LIMITS.maxAffectedCount. */
export function countIssue(count: number | null | undefined, field: string): Issue | null {
  if (count == null) return null;
  if (!Number.isInteger(count) || count < 0)
    return { field, code: 'INVALID_VALUE', message: 'A whole number of people, 0 or more.' };
  if (count > INCIDENT_LIMITS.maxAffectedCount)
    return {
      field,
      code: 'TOO_LONG',
      message: `At most ${INCIDENT_LIMITS.maxAffectedCount}.`,
      params: { max: INCIDENT_LIMITS.maxAffectedCount },
    };
  return null;
}

type FactFields = {
  title?: string | null;
  awareAt?: Date | null;
  occurredAt?: Date | null;
  entrustedBy?: string | null;
} & Partial<Record<IncidentSealedField, string | null>>;

/**
 * The text and date rules of an incident's facts (validateText's characters and code-point lengths,
 * INCIDENT_LIMITS): awareness not in the future (a minute of skew), occurrence not after awareness.
 * `required`: the title and awareness must be given (a new incident); otherwise only what is given is checked.
 */
export function factIssues(
  input: FactFields,
  now: Date,
  opts: { required: boolean; awareAt?: Date; occurredAt?: Date | null },
): Issue[] {
  const issues: Issue[] = [];
  const push = (i: Issue | null) => {
    if (i) issues.push(i);
  };
  if (opts.required || input.title != null)
    push(validateText(input.title, { field: 'title', maxLength: INCIDENT_LIMITS.title }));
  for (const { field, max } of SEALED_FIELDS) {
    const value = input[field];
    if (value != null)
      push(validateText(normalizeLineBreaks(value), { field, maxLength: max, required: false, multiline: true }));
  }
  if (input.entrustedBy != null)
    push(
      validateText(input.entrustedBy, {
        field: 'entrustedBy',
        maxLength: INCIDENT_LIMITS.entrustingOrganisation,
        required: false,
      }),
    );
  if (opts.required && !input.awareAt)
    issues.push({ field: 'awareAt', code: 'REQUIRED', message: 'When did the organisation become aware?' });
  const awareAt = input.awareAt ?? opts.awareAt ?? null;
  if (input.awareAt && input.awareAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
    issues.push({ field: 'awareAt', code: 'INVALID_VALUE', message: 'Awareness cannot be in the future.' });
  const occurredAt = input.occurredAt !== undefined ? input.occurredAt : (opts.occurredAt ?? null);
  if (occurredAt && awareAt && occurredAt.getTime() > awareAt.getTime())
    issues.push({
      field: input.occurredAt != null ? 'occurredAt' : 'awareAt',
      code: 'INVALID_VALUE',
      message: 'It cannot have happened after the organisation became aware of it.',
    });
  return issues;
}
