import { OptimisticLockError, UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import {
  assessIncident,
  INCIDENT_LIMITS,
  incidentAbilities,
  isIncidentAffectedSelector,
  localIsoDate,
  normalizeLineBreaks,
  validateIncidentStatusChange,
  validateText,
  type CommissionReport,
  type DataCategory,
  type IncidentCause,
  type IncidentDiscovery,
  type IncidentKind,
  type IncidentReportKind,
  type IncidentStatus,
  type IncidentStatusFacts,
  type IncidentStepKind,
  type Issue,
  type Language,
} from '@steward/policy-core';
import { exactTotal, withTotal, type Page } from '../common/connection.js';
import { BadInputError, badInput, DomainError } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { decodeCursor, pageSize, toPage } from '../common/pagination.js';
import { Service } from '../common/transaction.js';
import { languageFor } from '../i18n/language.js';
import { LedgerService, payloadHashOf } from '../ledger/ledger.service.js';
import { sha256 } from '../ledger/ledger-hash.js';
import { MailService } from '../mail/mail.service.js';
import type { ProviderRefType } from '../names/names.type.js';
import { loadOrganisation } from '../organisation/organisation.service.js';
import { currentPolicyFacts } from '../policy/policy-text.js';
import { PersonalDataItem } from '../providers/personal-data-item.entity.js';
import { Provider } from '../providers/provider.entity.js';
import { Incident, incidentSealContext, type IncidentSealedField } from './incident.entity.js';
import { IncidentNotification, incidentNotificationSealContext } from './incident-notification.entity.js';
import { IncidentStep, incidentStepSealContext, type IncidentStepSummary } from './incident-step.entity.js';
import { incidentFacts, incidentStanding, statusFacts } from './incident-facts.js';
import {
  affectedPage,
  affectedProviderIds,
  affectedTotal,
  deleteAffected,
  existingProviderIds,
  exportJobRow,
  incidentIdsOfProvider,
  incidentIdsOfProviderReference,
  insertAffected,
  lastReferenceOfYear,
  providerReferencesOf,
  providersByReference,
  providersHoldingCategory,
  providersInExport,
  providersProvidedTo,
  recipientExists,
} from './incident.queries.js';
import type {
  AddIncidentNoteInput,
  ChangeIncidentAffectedInput,
  ChangeIncidentStatusInput,
  IncidentAffectedSelectionInput,
  IncidentFilter,
  RecordIncidentInput,
  RecordIncidentNotificationInput,
  RecordIncidentReportInput,
  UpdateIncidentInput,
} from './incident.inputs.js';
import {
  incidentNoticeParams,
  incidentNoticeSecret,
  presentCommissionReport,
  presentIncident,
  presentIncidentForProvider,
  presentIncidentSummary,
  type IncidentSummaryRow,
} from './incident.presenter.js';
import type { IncidentType } from './incident.type.js';

/** A minute of clock skew: an awareness "now" from a browser a little ahead is not the future. */
const CLOCK_SKEW_MS = 60_000;
/** Transactions tried when two incidents take the same reference at once. */
const REFERENCE_ATTEMPTS = 5;
/** The home page's list of incidents needing attention. */
const ATTENTION_LIST = 5;

/** The preview's sample of references. */
const PREVIEW_SAMPLE = 20;
/** What the assessment reads: a change to one of these is an ASSESSED step. */
const ASSESSMENT_FIELDS = [
  'kind',
  'sensitiveData',
  'financialLossRisk',
  'strongEncryptionKeySafe',
  'wrongfulPurposeSuspected',
  'entrustedBy',
];

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

  /** recordIncident: records and answers the incident page. */
  async recordAndView(input: RecordIncidentInput): Promise<IncidentType> {
    return this.view(await this.record(input));
  }

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

  // ---------------------------------------------------------------- reading

  /** The language the caller reads step summaries, reasons and messages in. */
  private language(): Promise<Language> {
    return languageFor({ actor: this.actor, em: this.em });
  }

  /** One incident with its steps, notifications, assessment, deadlines and the caller's abilities; null when none. */
  async get(id: string): Promise<IncidentType | null> {
    const incident = isUuid(id) ? await this.em.findOne(Incident, { id }) : null;
    return incident ? this.view(incident) : null;
  }

  /** The incident page as the caller sees it now. */
  private async view(incident: Incident): Promise<IncidentType> {
    const [steps, notifications, organisation, language] = [
      await this.em.find(IncidentStep, { incidentId: incident.id }, { orderBy: { at: 'asc', id: 'asc' } }),
      await this.em.find(IncidentNotification, { incidentId: incident.id }, { orderBy: { sentAt: 'asc', id: 'asc' } }),
      await loadOrganisation(this.em),
      await this.language(),
    ];
    const now = this.deps.now();
    return presentIncident(this.deps.cipher, {
      incident,
      steps,
      notifications,
      standing: incidentStanding(incident, organisation.timeZone, now),
      language,
      caller: this.actor,
    });
  }

  /**
   * The register: filtered, sorted (newest awareness first, or URGENCY: the soonest open deadline
   * first) and paged by id. Assessment and deadlines are policy-core's at read time, so the
   * reportability and urgency filters apply after the read: a register holds dozens of incidents a
   * year, not millions (the other filters are SQL).
   */
  async list(
    filter: IncidentFilter,
    first: number,
    after: string | null,
    orderBy: 'AWARE_AT_DESC' | 'URGENCY',
  ): Promise<Page<IncidentSummaryRow>> {
    const limit = pageSize(first);
    const afterId = after ? decodeCursor(after) : null;
    const where: FilterQuery<Incident> = {};
    if (filter.status) where.status = filter.status;
    if (filter.open === true)
      where.status = filter.status && filter.status !== 'CLOSED' ? filter.status : { $ne: 'CLOSED' };
    if (filter.open === false) where.status = !filter.status || filter.status === 'CLOSED' ? 'CLOSED' : { $in: [] };
    if (filter.kind) where.kind = filter.kind;
    if (filter.awareFrom || filter.awareTo)
      where.awareAt = {
        ...(filter.awareFrom ? { $gte: filter.awareFrom } : {}),
        ...(filter.awareTo ? { $lt: filter.awareTo } : {}),
      };
    if (filter.providerReference?.trim())
      where.id = { $in: await incidentIdsOfProviderReference(this.em, filter.providerReference.trim()) };
    const { timeZone } = await loadOrganisation(this.em);
    const now = this.deps.now();
    let rows = (await this.em.find(Incident, where, { orderBy: { awareAt: 'desc', id: 'desc' } })).map((i) =>
      presentIncidentSummary(i, incidentStanding(i, timeZone, now)),
    );
    if (filter.reportability) rows = rows.filter((r) => r.reportability === filter.reportability);
    if (filter.urgency) rows = rows.filter((r) => r.urgency === filter.urgency);
    if (orderBy === 'URGENCY') rows.sort(byUrgency);
    const start = afterId ? rows.findIndex((r) => r.id === afterId) + 1 : 0;
    if (afterId && start === 0) throw badInput('after', 'INVALID_FORMAT', 'Not a cursor from this list', '');
    const total = rows.length;
    return withTotal(
      toPage(rows.slice(start, start + limit + 1), limit, afterId, (r) => r),
      async () => exactTotal(total),
    );
  }

  /** What a selection would choose, stored nowhere: the count and the first 20 references. */
  async preview(selection: IncidentAffectedSelectionInput): Promise<{ count: number; sample: ProviderRefType[] }> {
    const issues: Issue[] = [];
    const chosen = await this.select([selection], '', issues, 'input');
    if (issues.length) throw new BadInputError(issues.map((i) => ({ ...i, field: i.field.replace(/^\[0\]\./, '') })));
    const ids = [...chosen.keys()];
    const rows = await providerReferencesOf(this.em, ids.slice(0, 5000));
    return {
      count: ids.length,
      sample: rows.slice(0, PREVIEW_SAMPLE).map((r) => ({ id: String(r.id), reference: String(r.reference) })),
    };
  }

  /** A page of the providers an incident affects (by id); their names are ProviderRef's field, read and audited only when asked for. */
  async affectedProviders(incidentId: string, first: number, after: string | null): Promise<Page<ProviderRefType>> {
    const limit = pageSize(first, 500);
    const afterId = after ? decodeCursor(after) : null;
    const rows = await affectedPage(this.em, incidentId, afterId, limit + 1);
    return withTotal(
      toPage(
        rows.map((r) => ({ id: String(r.id), reference: String(r.reference) })),
        limit,
        afterId,
        (r) => r,
      ),
      async () => exactTotal(await affectedTotal(this.em, incidentId)),
    );
  }

  /** The report to the Commission (policy-core commissionReport, Japanese) as the incident stands now. */
  async report(incidentId: string, kind: IncidentReportKind): Promise<CommissionReport> {
    const incident = await this.em.findOne(Incident, { id: incidentId });
    if (!incident) throw new IncidentNotFoundError();
    const notifications = await this.em.find(IncidentNotification, { incidentId }, { orderBy: { sentAt: 'asc' } });
    const organisation = await loadOrganisation(this.em);
    const standing = incidentStanding(incident, organisation.timeZone, this.deps.now());
    return presentCommissionReport(this.deps.cipher, incident, notifications, standing, organisation, kind);
  }

  // ---------------------------------------------------------------- the workflow

  /** Loads the incident a mutation acts on (INCIDENT_NOT_FOUND otherwise). */
  private async load(id: string): Promise<Incident> {
    const incident = isUuid(id) ? await this.em.findOne(Incident, { id }) : null;
    if (!incident) throw new IncidentNotFoundError('input.id');
    return incident;
  }

  /** The status facts of an incident as it stands (the notifications recorded counted). */
  private async statusFactsOf(incident: Incident): Promise<IncidentStatusFacts> {
    const notifications = await this.em.count(IncidentNotification, { incidentId: incident.id });
    return statusFacts(incident, assessIncident(incidentFacts(incident)), notifications);
  }

  /** Runs one mutation's writes in one transaction and answers the incident as it now stands. */
  private async mutate(work: (tx: this) => Promise<Incident>): Promise<IncidentType> {
    let incident: Incident;
    try {
      incident = await this.inTransaction(work);
    } catch (err) {
      if (err instanceof OptimisticLockError)
        throw new DomainError(
          'INCIDENT_VERSION_CONFLICT',
          'The incident was changed by someone else; reload and try again',
          {
            field: 'input.id',
          },
        );
      throw err;
    }
    return this.view(incident);
  }

  /** Changes the facts given (only those): one step — ASSESSED when what the assessment reads changed, else AFFECTED_CHANGED or a NOTE "details updated". */
  async update(input: UpdateIncidentInput): Promise<IncidentType> {
    return this.mutate(async (tx) => {
      const incident = await tx.load(input.id);
      if (incident.version !== input.expectedVersion)
        throw new DomainError(
          'INCIDENT_VERSION_CONFLICT',
          `The incident was changed by someone else (now version ${incident.version}); reload and try again`,
          { field: 'input.expectedVersion', currentVersion: incident.version },
        );
      const now = tx.deps.now();
      const issues = factIssues(input, now, {
        required: false,
        awareAt: incident.awareAt,
        occurredAt: incident.occurredAt,
      });
      if (incident.status === 'CLOSED')
        issues.push({
          field: 'id',
          code: 'INVALID_TRANSITION',
          message: 'A closed incident is not edited: reopen it first.',
        });
      const count = countIssue(input.affectedCount, 'affectedCount');
      if (count) issues.push(count);
      const selection = await tx.select(input.affected ?? [], 'affected', issues);
      if (issues.length) throw new BadInputError(issues);

      const before = assessIncident(incidentFacts(incident));
      const changed: string[] = [];
      const set = <K extends keyof Incident>(key: K, value: Incident[K] | undefined | null, field = String(key)) => {
        if (value === undefined || value === null) return;
        if (JSON.stringify(incident[key]) === JSON.stringify(value)) return;
        incident[key] = value;
        changed.push(field);
      };
      set('kind', input.kind);
      set('title', input.title?.trim());
      set('awareAt', input.awareAt);
      set('occurredAt', input.occurredAt);
      set('discovery', input.discovery);
      set('cause', input.cause);
      set('wrongfulPurposeSuspected', input.wrongfulPurposeSuspected);
      if (input.categories) set('categories', [...new Set(input.categories)]);
      if (input.checklist) {
        for (const q of ['sensitiveData', 'financialLossRisk', 'strongEncryptionKeySafe'] as const)
          if (q in input.checklist) {
            const value = input.checklist[q] ?? null;
            if (incident[q] !== value) {
              incident[q] = value;
              changed.push(q);
            }
          }
      }
      if (input.entrustedBy != null) {
        const value = input.entrustedBy.trim() || null;
        if (incident.entrustedBy !== value) {
          incident.entrustedBy = value;
          changed.push('entrustedBy');
        }
      }
      set('affectedCountEstimated', input.affectedCountEstimated);
      for (const { field } of SEALED_FIELDS) {
        const value = input[field];
        if (value == null) continue;
        const text = cleanText(value);
        const column = SEALED_COLUMN[field];
        const context = incidentSealContext(incident.id, field);
        const same =
          text === null
            ? incident[column] === null
            : incident[column] !== null && tx.deps.cipher.sealedEquals(incident[column]!, context, text);
        if (same) continue;
        incident[column] = tx.deps.cipher.sealText(text, context);
        changed.push(field);
      }
      const affected = await tx.applyAffected(incident, selection, [], input.affectedCount);
      if (affected.changed) changed.push('affected');
      if (!changed.length)
        throw new BadInputError([{ field: '', code: 'NO_CHANGE', message: 'Nothing would change.' }]);
      incident.updatedAt = now;
      await tx.em.flush();
      const after = assessIncident(incidentFacts(incident));
      const assessed =
        ASSESSMENT_FIELDS.some((f) => changed.includes(f)) || before.reportability !== after.reportability;
      if (assessed)
        await tx.appendStep(
          incident,
          'ASSESSED',
          {
            reportability: after.reportability,
            criteria: after.criteria,
            affectedCount: incident.affectedCount,
            fields: changed,
          },
          null,
          tx.stepActor(),
        );
      else if (affected.changed)
        await tx.appendStep(
          incident,
          'AFFECTED_CHANGED',
          { added: affected.added, removed: affected.removed, affectedCount: incident.affectedCount, fields: changed },
          null,
          tx.stepActor(),
        );
      else await tx.appendStep(incident, 'NOTE', { event: 'UPDATED', fields: changed }, null, tx.stepActor());
      return incident;
    });
  }

  /**
   * Links the providers of `selection` not linked yet, unlinks `remove`, and sets the count: the
   * larger of a count entered by hand (kept until changed) and the providers linked.
   */
  private async applyAffected(
    incident: Incident,
    selection: AffectedSelection,
    remove: readonly string[],
    enteredCount: number | null | undefined,
  ): Promise<{ changed: boolean; added: number; removed: number }> {
    const linked = new Set(await affectedProviderIds(this.em, incident.id));
    const add = [...selection].filter(([id]) => !linked.has(id));
    const removing = [...new Set(remove)].filter((id) => linked.has(id));
    const now = this.deps.now();
    await insertAffected(
      this.em,
      incident.id,
      add.map(([providerId, selector]) => ({ providerId, selector })),
      now,
    );
    await deleteAffected(this.em, incident.id, removing);
    const size = linked.size + add.length - removing.length;
    const hadEnteredCount = incident.affectedCount > linked.size;
    const count =
      enteredCount != null
        ? Math.max(enteredCount, size)
        : hadEnteredCount
          ? Math.max(incident.affectedCount, size)
          : size;
    const changed = add.length > 0 || removing.length > 0 || count !== incident.affectedCount;
    incident.affectedCount = count;
    return { changed, added: add.length, removed: removing.length };
  }

  /** Adds and removes affected providers or changes the count: one AFFECTED_CHANGED step. */
  async changeAffected(input: ChangeIncidentAffectedInput): Promise<IncidentType> {
    return this.mutate(async (tx) => {
      const incident = await tx.load(input.id);
      const issues: Issue[] = [];
      if (incident.status === 'CLOSED')
        issues.push({
          field: 'id',
          code: 'INVALID_TRANSITION',
          message: 'A closed incident is not edited: reopen it first.',
        });
      const count = countIssue(input.affectedCount, 'affectedCount');
      if (count) issues.push(count);
      const selection = await tx.select(input.add ?? [], 'add', issues);
      const remove = input.removeProviderIds ?? [];
      if (remove.length) {
        const linked = new Set(await affectedProviderIds(tx.em, incident.id));
        const unknown = remove.filter((id) => !linked.has(id));
        if (unknown.length)
          issues.push({
            field: 'removeProviderIds',
            code: 'INVALID_VALUE',
            message: `${unknown.length} of these providers are not affected by the incident.`,
            params: { count: unknown.length },
          });
      }
      if (issues.length) throw new BadInputError(issues);
      const affected = await tx.applyAffected(incident, selection, remove, input.affectedCount);
      let estimated = false;
      if (input.affectedCountEstimated != null && input.affectedCountEstimated !== incident.affectedCountEstimated) {
        incident.affectedCountEstimated = input.affectedCountEstimated;
        estimated = true;
      }
      if (!affected.changed && !estimated)
        throw new BadInputError([{ field: '', code: 'NO_CHANGE', message: 'Nothing would change.' }]);
      incident.updatedAt = tx.deps.now();
      await tx.em.flush();
      await tx.appendStep(
        incident,
        'AFFECTED_CHANGED',
        { added: affected.added, removed: affected.removed, affectedCount: incident.affectedCount },
        null,
        tx.stepActor(),
      );
      return incident;
    });
  }

  /** ASSESSING, CLOSED or a reopening, as policy-core's validateIncidentStatusChange allows: one STATUS_CHANGED step. */
  async changeStatus(input: ChangeIncidentStatusInput): Promise<IncidentType> {
    return this.mutate(async (tx) => {
      const incident = await tx.load(input.id);
      const issues: Issue[] = [];
      const note = tx.noteIssue(input.note, 'note', false, issues);
      if (input.status === 'PRELIMINARY_REPORTED' || input.status === 'FINAL_REPORTED')
        issues.push({
          field: 'status',
          code: 'INVALID_TRANSITION',
          message: 'A report status follows the report: record it (recordIncidentReport).',
        });
      else {
        const validation = validateIncidentStatusChange(
          incident.status,
          input.status,
          await tx.statusFactsOf(incident),
        );
        if (!validation.ok) issues.push(...validation.issues);
      }
      if (issues.length) throw new BadInputError(issues);
      const from = incident.status;
      const now = tx.deps.now();
      incident.status = input.status;
      incident.closedAt = input.status === 'CLOSED' ? now : null;
      incident.updatedAt = now;
      await tx.em.flush();
      await tx.appendStep(incident, 'STATUS_CHANGED', { from, to: input.status }, note, tx.stepActor());
      return incident;
    });
  }

  /** A report sent (its date and reference): moves the status to PRELIMINARY_REPORTED or FINAL_REPORTED; one REPORT_SENT step. */
  async recordReport(input: RecordIncidentReportInput): Promise<IncidentType> {
    return this.mutate(async (tx) => {
      const incident = await tx.load(input.id);
      const now = tx.deps.now();
      const issues: Issue[] = [];
      const note = tx.noteIssue(input.note, 'note', false, issues);
      const reference = input.reference.trim();
      const refIssue = validateText(reference, { field: 'reference', maxLength: INCIDENT_LIMITS.reportReference });
      if (refIssue) issues.push(refIssue);
      if (input.sentAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
        issues.push({ field: 'sentAt', code: 'INVALID_VALUE', message: 'A report cannot be sent in the future.' });
      else if (input.sentAt.getTime() < incident.awareAt.getTime())
        issues.push({
          field: 'sentAt',
          code: 'INVALID_VALUE',
          message: 'A report cannot be sent before the organisation was aware.',
        });
      else if (input.kind === 'FINAL' && incident.preliminarySentAt && input.sentAt < incident.preliminarySentAt)
        issues.push({
          field: 'sentAt',
          code: 'INVALID_VALUE',
          message: 'The final report follows the preliminary one.',
        });
      const facts = await tx.statusFactsOf(incident);
      if (input.kind === 'FINAL' && !facts.preliminarySent)
        issues.unshift({ field: 'kind', code: 'INVALID_TRANSITION', message: 'Record the preliminary report first.' });
      const to: IncidentStatus = input.kind === 'PRELIMINARY' ? 'PRELIMINARY_REPORTED' : 'FINAL_REPORTED';
      if (!incidentAbilities(incident.status, facts, tx.actor).reports.includes(input.kind)) {
        const recorded = input.kind === 'PRELIMINARY' ? { preliminarySent: true } : { finalSent: true };
        const validation = validateIncidentStatusChange(incident.status, to, { ...facts, ...recorded });
        issues.push(
          ...(validation.ok
            ? [
                {
                  field: 'kind',
                  code: 'INVALID_TRANSITION' as const,
                  message: `A ${input.kind.toLowerCase()} report cannot be recorded now.`,
                },
              ]
            : validation.issues),
        );
      }
      if (issues.length) throw new BadInputError(issues);
      const from = incident.status;
      if (input.kind === 'PRELIMINARY') {
        incident.preliminarySentAt = input.sentAt;
        incident.preliminaryReference = reference;
      } else {
        incident.finalSentAt = input.sentAt;
        incident.finalReference = reference;
      }
      incident.status = to;
      incident.updatedAt = now;
      await tx.em.flush();
      await tx.appendStep(
        incident,
        'REPORT_SENT',
        { reportKind: input.kind, reference, from, to },
        note,
        tx.stepActor(),
      );
      return incident;
    });
  }

  /**
   * A notification of the people affected (or the public notice): with `sendMail` (channel EMAIL),
   * one INCIDENT_NOTICE mail per affected provider with an e-mail address, in their language, queued
   * in this transaction; `providersCount` is then the mails queued. One PROVIDERS_NOTIFIED step.
   */
  async recordNotification(input: RecordIncidentNotificationInput): Promise<IncidentType> {
    return this.mutate(async (tx) => {
      const incident = await tx.load(input.id);
      const now = tx.deps.now();
      const issues: Issue[] = [];
      const note = tx.noteIssue(input.note, 'note', false, issues);
      const sentAt = input.sentAt ?? now;
      if (sentAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
        issues.push({ field: 'sentAt', code: 'INVALID_VALUE', message: 'A notification cannot be in the future.' });
      if (input.sendMail && input.channel !== 'EMAIL')
        issues.push({
          field: 'sendMail',
          code: 'INVALID_VALUE',
          message: 'Steward sends mail only for the EMAIL channel.',
        });
      if (!incidentAbilities(incident.status, await tx.statusFactsOf(incident), tx.actor).notify)
        issues.push({
          field: 'id',
          code: 'INVALID_TRANSITION',
          message: 'The people affected are notified once the incident is being assessed, and not once it is closed.',
        });
      if (issues.length) throw new BadInputError(issues);
      const viaMail = input.sendMail === true;
      const count = viaMail ? await tx.queueNotices(incident) : incident.affectedCount;
      const notification = tx.em.create(IncidentNotification, {
        incidentId: incident.id,
        channel: input.channel,
        sentAt,
        providersCount: count,
        viaMail,
        createdAt: now,
        updatedAt: now,
      });
      notification.noteSealed = tx.deps.cipher.sealText(note, incidentNotificationSealContext(notification.id));
      incident.updatedAt = now;
      await tx.em.flush();
      await tx.appendStep(
        incident,
        'PROVIDERS_NOTIFIED',
        { channel: input.channel, count, viaMail },
        note,
        tx.stepActor(),
      );
      return incident;
    });
  }

  /** One INCIDENT_NOTICE per affected provider with an EMAIL item (their newest), in their language; returns how many. */
  private async queueNotices(incident: Incident): Promise<number> {
    const ids = await affectedProviderIds(this.em, incident.id);
    if (!ids.length) return 0;
    const mail = new MailService(this.em, this.actor, this.deps);
    let queued = 0;
    for (let i = 0; i < ids.length; i += 1000) {
      const chunk = ids.slice(i, i + 1000);
      const providers = await this.em.find(Provider, { id: { $in: chunk } });
      const items = await this.em.find(
        PersonalDataItem,
        { provider: { $in: chunk }, category: 'EMAIL' },
        { orderBy: { collectedAt: 'desc', id: 'desc' } },
      );
      const newest = new Map<string, PersonalDataItem>();
      for (const item of items) if (!newest.has(item.provider.id)) newest.set(item.provider.id, item);
      for (const provider of providers) {
        const item = newest.get(provider.id);
        if (!item) continue;
        await mail.mailProvider(
          'INCIDENT_NOTICE',
          { reference: provider.reference, language: provider.language },
          incidentNoticeParams(incident),
          incidentNoticeSecret(this.deps.cipher, incident, item),
        );
        queued++;
      }
      this.em.clear();
    }
    return queued;
  }

  /** A note or a measure on the timeline (even once closed: the record stays whole). */
  async addNote(input: AddIncidentNoteInput): Promise<IncidentType> {
    return this.mutate(async (tx) => {
      const incident = await tx.load(input.id);
      const issues: Issue[] = [];
      if (input.kind !== 'NOTE' && input.kind !== 'MEASURE_RECORDED')
        issues.push({
          field: 'kind',
          code: 'INVALID_VALUE',
          message: 'A note or a measure (NOTE or MEASURE_RECORDED).',
        });
      const note = tx.noteIssue(input.note, 'note', true, issues);
      if (issues.length) throw new BadInputError(issues);
      incident.updatedAt = tx.deps.now();
      await tx.em.flush();
      await tx.appendStep(incident, input.kind, {}, note, tx.stepActor());
      return incident;
    });
  }

  /** A step's note, cleaned; its issue (characters, INCIDENT_LIMITS.note) pushed to `issues`. */
  private noteIssue(
    value: string | null | undefined,
    field: string,
    required: boolean,
    issues: Issue[],
  ): string | null {
    const note = cleanText(value);
    const issue = validateText(note, { field, maxLength: INCIDENT_LIMITS.note, required, multiline: true });
    if (issue) issues.push(issue);
    return note;
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
    prefix = 'input',
  ): Promise<AffectedSelection> {
    const out: AffectedSelection = new Map();
    for (const [index, selection] of selections.entries()) {
      const at = `${path}[${index}]`;
      const ids = await this.selectOne(selection, at, issues, prefix);
      for (const id of ids) if (!out.has(id)) out.set(id, selection.selector);
    }
    return out;
  }

  private async selectOne(
    s: IncidentAffectedSelectionInput,
    at: string,
    issues: Issue[],
    prefix: string,
  ): Promise<string[]> {
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
            {
              field: `${prefix}.${at}.references`.replace('.[0]', ''),
              references: unknown.slice(0, 1000),
              count: unknown.length,
            },
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
