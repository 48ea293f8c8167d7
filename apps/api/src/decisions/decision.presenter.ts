import {
  isMeetingKind,
  label,
  reasonKey,
  type DecisionReason,
  type ExceptionKind,
  type Language,
  type Localized,
} from '@steward/policy-core';
import type { StoredEvidence } from '../exceptions/permitted-exception.entity.js';
import type { RecordedDecision } from './decision.service.js';
import { formatMessage } from '../i18n/messages.js';
import type { DecisionEvidenceType, DecisionReasonType, DecisionType } from './decision.type.js';

/**
 * The evidence a decision cites for its exception, per kind, with the label people read: enough to
 * find the record (statute and document, contract, resolution, the provider's consent events) —
 * never the whole evidence (reasons, summaries and supervision records stay on the exception).
 */
const CITED: Readonly<Record<ExceptionKind, readonly (readonly [key: string, label: string])[]>> = {
  LAW: [
    ['statute', 'Statute'],
    ['article', 'Article'],
    ['documentReference', 'Document reference'],
  ],
  OUTSOURCING: [['contractReference', 'Contract reference']],
  BOARD_APPROVAL: [
    ['meetingKind', 'Meeting'],
    ['meetingDate', 'Meeting date'],
    ['resolutionNumber', 'Resolution number'],
  ],
  PROVIDER_AGREEMENT: [['consentEventIds', 'Consent event']],
};

function text(key: string, value: string, language: Language): string {
  // A meeting kind by its label in policy-core's catalogue.
  if (key === 'meetingKind') return isMeetingKind(value) ? label(language, 'meetingKind', value) : value;
  // Dates are stored as instants; the evidence names a day.
  if (key === 'meetingDate') return value.slice(0, 10);
  return value;
}

/** The exception's stored evidence as the decision cites it: one entry per value, lists one per item, in CITED order. */
export function presentEvidence(
  kind: ExceptionKind,
  evidence: StoredEvidence,
  language: Language = 'en',
): DecisionEvidenceType[] {
  const cited: DecisionEvidenceType[] = [];
  for (const [key, label] of CITED[kind]) {
    const value = evidence[key];
    for (const v of Array.isArray(value) ? value : value == null ? [] : [value])
      cited.push({ key, label, value: text(key, v, language) });
  }
  return cited;
}

/**
 * A reason worded in `language`: its params with the purpose named by its title in that language
 * (policy-core gave the title it was handed), formatted from the catalogue.
 */
export function presentReason(
  r: DecisionReason,
  language: Language,
  purpose: { key: string; titles: Localized } | null,
): DecisionReasonType {
  const title = purpose?.titles[language].trim();
  const params = title && r.params.purposeKey === purpose!.key ? { ...r.params, purpose: title } : r.params;
  return {
    code: r.code,
    message: formatMessage(language, reasonKey(r.code), params),
    params: Object.entries(params).map(([name, value]) => ({ name, value: String(value) })),
    category: r.category ?? null,
    exceptionId: r.exceptionId ?? null,
  };
}

/**
 * A recorded decision as the `decision` query answers it, its reasons worded in `language`
 * (the caller's: i18n/language.ts decisionLanguage).
 */
export function presentDecision(
  { decision, decidedAt, ledgerSequence, basisEvidence, purpose }: RecordedDecision,
  language: Language,
): DecisionType {
  const basis = decision.basis;
  return {
    allowed: decision.allowed,
    basis: basis
      ? basis.kind === 'EXCEPTION'
        ? {
            kind: basis.kind,
            exceptionId: basis.exceptionId,
            exceptionKind: basis.exceptionKind,
            evidence: presentEvidence(basis.exceptionKind, basisEvidence ?? {}, language),
          }
        : { kind: basis.kind, exceptionId: null, exceptionKind: null, evidence: [] }
      : null,
    permitted: decision.permitted,
    refused: decision.refused,
    reasons: decision.reasons.map((r) => presentReason(r, language, purpose)),
    policyVersion: decision.policyVersion,
    decidedAt,
    ledgerSequence,
  };
}
