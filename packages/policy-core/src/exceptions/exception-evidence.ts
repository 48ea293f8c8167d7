import { FIELD_LIMITS, validateText } from '../fields/field-formats.js';
import { issue, type Issue } from '../issues.js';
import { purposeNeeds, type PurposeFact } from '../use/may-use-for-purpose.js';
import type { ConsentAction } from '../vocabulary/consent.js';
import { isDataCategory, type DataCategory } from '../vocabulary/data-categories.js';
import { EXCEPTION_KIND_INFO, type ExceptionKind } from '../vocabulary/exceptions.js';
import { memberOf } from '../vocabulary/guard.js';
import { isValidDate } from './valid-date.js';

/** Clause 2 item 1: use or provision required by law (e.g. a court order, a tax inquiry). */
export type LawEvidence = {
  statute: string;
  article: string;
  requestingAuthority: string;
  /** The order, warrant or letter of request. */
  documentReference: string;
  issuedOn: Date;
};

/** Clause 2 item 2: the provider agreed to this specific use or provision. */
export type ProviderAgreementEvidence = {
  /** The consent events recording the agreement; at least one. */
  consentEventIds: string[];
  summary: string;
};

/** Clause 2 item 3: provision to a contractor to complete a stated purpose (e.g. delivery). */
export type OutsourcingEvidence = {
  recipientId: string;
  contractReference: string;
  /** The stated purpose the contractor helps to complete. */
  servesPurposeKey: string;
  /** What the contract lets the contractor receive; at least one, all needed by that purpose. */
  categories: DataCategory[];
  /** How the contractor is supervised (audit, agreement on handling, …). */
  supervisionRecord: string;
};

/** The longest exception title the API takes (its input's bound), in characters. */
export const EXCEPTION_TITLE_MAX_LENGTH = 1000;

export const MEETING_KINDS = ['GENERAL', 'BOARD'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const isMeetingKind = memberOf(MEETING_KINDS);

/** Clause 2 item 4: a legitimate reason approved at a general or board meeting. */
export type BoardApprovalEvidence = {
  meetingKind: MeetingKind;
  meetingDate: Date;
  resolutionNumber: string;
  legitimateReason: string;
  minutesReference: string;
};

export type ExceptionEvidenceByKind = {
  LAW: LawEvidence;
  PROVIDER_AGREEMENT: ProviderAgreementEvidence;
  OUTSOURCING: OutsourcingEvidence;
  BOARD_APPROVAL: BoardApprovalEvidence;
};
export type ExceptionEvidence = ExceptionEvidenceByKind[ExceptionKind];

export const EXCEPTION_STATUSES = ['DRAFT', 'ACTIVE', 'REVOKED', 'EXPIRED'] as const;
export type ExceptionStatus = (typeof EXCEPTION_STATUSES)[number];
export const isExceptionStatus = memberOf(EXCEPTION_STATUSES);

/**
 * What an exception permits. Every list is an allow-list and an empty list covers nothing
 * (fail closed); there is no wildcard except `providerIds: 'ALL'`.
 * - `purposeKeys`: the purposes the use or provision is for (for OUTSOURCING exactly
 *   `[evidence.servesPurposeKey]`; for the other kinds the key the caller gives such a use, which
 *   need not be a stated purpose — that is the point of an exception).
 * - `categories`: the data categories (for OUTSOURCING a subset of `evidence.categories`).
 * - `providerIds`: whose data, or `'ALL'` (not allowed for PROVIDER_AGREEMENT: an agreement is a
 *   specific provider's).
 * - `recipientId`: who may receive it; `null` means internal use only, never provision.
 */
export type ExceptionScope = {
  purposeKeys: string[];
  categories: DataCategory[];
  providerIds: string[] | 'ALL';
  recipientId: string | null;
};

type ExceptionCommon = {
  id: string;
  /** Its title, for the reasons people read (a reason's `exception` param). Absent: the id. */
  title?: string;
  scope: ExceptionScope;
  validFrom: Date;
  /** Exclusive; null = until revoked. */
  validUntil: Date | null;
  status: ExceptionStatus;
  authorId: string;
  approvedById: string | null;
  approvedAt: Date | null;
  revokedAt: Date | null;
};

/** A permitted exception (policy clause 2) as the API loads it; `evidence` matches `kind`. */
export type PermittedExceptionFact = {
  [K in ExceptionKind]: ExceptionCommon & { kind: K; evidence: ExceptionEvidenceByKind[K] };
}[ExceptionKind];

/** The same while being drafted: evidence may still be incomplete. */
export type PermittedExceptionDraft = {
  [K in ExceptionKind]: ExceptionCommon & { kind: K; evidence: Partial<ExceptionEvidenceByKind[K]> | null };
}[ExceptionKind];

type TextRule = { kind: 'text'; maxLength: number; multiline?: boolean };
type EvidenceRule = TextRule | { kind: 'date' } | { kind: 'ids' } | { kind: 'categories' } | { kind: 'meetingKind' };

const text = (maxLength: number, multiline = false): TextRule => ({ kind: 'text', maxLength, multiline });

/** How each evidence key is checked; keys and order come from EXCEPTION_KIND_INFO.requiredEvidence. */
const EVIDENCE_RULES: Readonly<Record<string, EvidenceRule>> = {
  statute: text(FIELD_LIMITS.source),
  article: text(FIELD_LIMITS.reference),
  requestingAuthority: text(FIELD_LIMITS.source),
  documentReference: text(FIELD_LIMITS.reference),
  issuedOn: { kind: 'date' },
  consentEventIds: { kind: 'ids' },
  summary: text(FIELD_LIMITS.note, true),
  recipientId: text(FIELD_LIMITS.reference),
  contractReference: text(FIELD_LIMITS.reference),
  servesPurposeKey: text(FIELD_LIMITS.reference),
  categories: { kind: 'categories' },
  supervisionRecord: text(FIELD_LIMITS.note, true),
  meetingKind: { kind: 'meetingKind' },
  meetingDate: { kind: 'date' },
  resolutionNumber: text(FIELD_LIMITS.reference),
  legitimateReason: text(FIELD_LIMITS.note, true),
  minutesReference: text(FIELD_LIMITS.reference),
};

function checkText(value: unknown, field: string, rule: TextRule): Issue | null {
  if (value != null && typeof value !== 'string') return issue(field, 'INVALID_VALUE', 'Must be text.');
  return validateText(value, { field, maxLength: rule.maxLength, required: true, multiline: rule.multiline ?? false });
}

function checkList<T>(
  value: unknown,
  field: string,
  each: (item: unknown, field: string) => Issue | null,
  key: (item: T) => string,
): Issue[] {
  if (value == null) return [issue(field, 'REQUIRED', 'At least one is required.')];
  if (!Array.isArray(value)) return [issue(field, 'INVALID_VALUE', 'Must be a list.')];
  if (value.length === 0) return [issue(field, 'REQUIRED', 'At least one is required.')];
  const issues: Issue[] = [];
  const seen = new Set<string>();
  value.forEach((item: unknown, i) => {
    const path = `${field}[${i}]`;
    const problem = each(item, path);
    if (problem) {
      issues.push(problem);
      return;
    }
    const k = key(item as T);
    if (seen.has(k)) issues.push(issue(path, 'DUPLICATE', `"${k}" is listed twice.`));
    seen.add(k);
  });
  return issues;
}

function checkKey(key: string, value: unknown, field: string): Issue[] {
  const rule = EVIDENCE_RULES[key];
  if (rule === undefined) throw new Error(`No evidence rule for "${key}".`);
  switch (rule.kind) {
    case 'text': {
      const problem = checkText(value, field, rule);
      return problem ? [problem] : [];
    }
    case 'date':
      if (value == null) return [issue(field, 'REQUIRED', 'A date is required.')];
      return isValidDate(value) ? [] : [issue(field, 'INVALID_VALUE', 'Must be a valid date.')];
    case 'meetingKind':
      if (value == null || value === '') return [issue(field, 'REQUIRED', 'A value is required.')];
      return isMeetingKind(value) ? [] : [issue(field, 'INVALID_VALUE', 'Must be GENERAL or BOARD.')];
    case 'ids':
      return checkList<string>(
        value,
        field,
        (item, path) => checkText(item, path, text(FIELD_LIMITS.reference)),
        (s) => s,
      );
    case 'categories':
      return checkList<DataCategory>(
        value,
        field,
        (item, path) =>
          isDataCategory(item) ? null : issue(path, 'INVALID_VALUE', `Unknown data category "${String(item)}".`),
        (c) => c,
      );
  }
}

/**
 * The issues that keep this evidence from supporting an exception of `kind`; empty when complete.
 * Field paths are `evidence.<key>` (`evidence.categories[1]`), in requiredEvidence order.
 * With `purposes`, an OUTSOURCING exception's served purpose must be known and not retired, and
 * every category must be one that purpose needs (a contractor completes a stated purpose only).
 */
export function missingEvidence<K extends ExceptionKind>(
  kind: K,
  evidence: Partial<ExceptionEvidenceByKind[K]> | null | undefined,
  purposes?: readonly PurposeFact[],
): Issue[] {
  const record: Record<string, unknown> = evidence != null && typeof evidence === 'object' ? evidence : {};
  const issues: Issue[] = [];
  for (const key of EXCEPTION_KIND_INFO[kind].requiredEvidence) {
    const field = `evidence.${key}`;
    const own = checkKey(key, record[key], field);
    issues.push(...own);
    if (kind !== 'OUTSOURCING' || purposes === undefined || own.length > 0) continue;
    const purposeKey = record.servesPurposeKey as string;
    const purpose = purposes.find((p) => p.key === purposeKey);
    if (key === 'servesPurposeKey') {
      if (purpose === undefined) issues.push(issue(field, 'UNKNOWN_PURPOSE', `No stated purpose "${purposeKey}".`));
      else if (purpose.retired) issues.push(issue(field, 'RETIRED_PURPOSE', `Purpose "${purposeKey}" is retired.`));
    }
    if (key === 'categories' && purpose !== undefined) {
      (record.categories as DataCategory[]).forEach((c, i) => {
        if (!purposeNeeds(purpose, c)) {
          issues.push(issue(`${field}[${i}]`, 'CATEGORY_NOT_NEEDED', `Purpose "${purpose.key}" does not need ${c}.`));
        }
      });
    }
  }
  return issues;
}

/** A consent event a PROVIDER_AGREEMENT exception cites, as stored. */
export type AgreementEventFact = {
  id: string;
  providerId: string;
  /** The stated purpose the event records consent to (shown to people; not compared with the scope). */
  purposeKey: string;
  action: ConsentAction;
  /** The provider refused or withdrew that purpose after this event (a later event of theirs for it is not a GRANT). */
  withdrawnSince?: boolean;
};

/**
 * Do the consent events a PROVIDER_AGREEMENT exception cites evidence an agreement by the very
 * providers it covers? `events` are the stored events among the cited ids (an id with none is
 * unknown). Reports, per cited id in order (`evidence.consentEventIds[i]`): INVALID_VALUE when no
 * such event exists, NOT_GRANTED unless it records a GRANT the provider has not withdrawn or
 * refused since (`withdrawnSince`), SCOPE_MISMATCH when its provider is
 * not one the scope names; then per provider the scope names (`scope.providerIds[i]`):
 * CONSENT_MISSING when none of their grants is cited — an agreement is by specific providers, each
 * of whom must have agreed. (A scope of ALL providers or of none is reported by validateActivation,
 * and the providers of the events are then not compared with it.)
 * A consent event records consent to a stated purpose, while an agreement is usually to a use
 * outside them (that is why it is an exception), so the event's purpose is not compared with the
 * scope's purposes; the summary says what was agreed to.
 * Empty for other kinds, and while the ids are missing or not a list of text (missingEvidence
 * reports that).
 */
export function agreementIssues(exception: PermittedExceptionDraft, events: readonly AgreementEventFact[]): Issue[] {
  if (exception.kind !== 'PROVIDER_AGREEMENT') return [];
  const ids: unknown = exception.evidence?.consentEventIds;
  if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) return [];
  const byId = new Map(events.map((e) => [e.id, e]));
  const { providerIds } = exception.scope;
  // No providers named yet (REQUIRED) or ALL (refused): the scope is reported by validateActivation.
  const named = providerIds === 'ALL' || providerIds.length === 0 ? null : new Set(providerIds);
  const issues: Issue[] = [];
  const agreed = new Set<string>();
  (ids as string[]).forEach((id, i) => {
    const field = `evidence.consentEventIds[${i}]`;
    const event = byId.get(id);
    if (event === undefined) {
      issues.push(issue(field, 'INVALID_VALUE', 'No such consent event.'));
      return;
    }
    if (event.action !== 'GRANT') {
      issues.push(
        issue(field, 'NOT_GRANTED', `Consent event "${id}" records a ${event.action}, not an agreement: cite a GRANT.`),
      );
      return;
    }
    if (event.withdrawnSince === true) {
      issues.push(
        issue(
          field,
          'NOT_GRANTED',
          `The provider withdrew or refused the consent of event "${id}" since: it no longer evidences their agreement.`,
        ),
      );
      return;
    }
    if (named !== null && !named.has(event.providerId)) {
      issues.push(
        issue(
          field,
          'SCOPE_MISMATCH',
          `Consent event "${id}" was given by provider "${event.providerId}", whom the scope does not name.`,
        ),
      );
      return;
    }
    agreed.add(event.providerId);
  });
  if (providerIds !== 'ALL') {
    providerIds.forEach((providerId, i) => {
      if (!agreed.has(providerId)) {
        issues.push(
          issue(
            `scope.providerIds[${i}]`,
            'CONSENT_MISSING',
            `Provider "${providerId}" has not agreed: cite one of their consent events (a GRANT).`,
          ),
        );
      }
    });
  }
  return issues;
}
