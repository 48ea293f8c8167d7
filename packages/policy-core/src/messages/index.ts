import { COOKIE_CATEGORIES, COOKIE_CONSENT_ACTIONS, COOKIE_STORAGE_KINDS } from '../cookies/cookie-categories.js';
import { DECISION_ACTIONS, type DecisionReasonCode } from '../decision/decision.js';
import { MEETING_KINDS } from '../exceptions/exception-evidence.js';
import { EFFECTIVE_EXCEPTION_STATUSES } from '../exceptions/exception-lifecycle.js';
import { INCIDENT_CHECKLIST_QUESTIONS, INCIDENT_REASON_CODES } from '../incidents/incident-assessment.js';
import { INCIDENT_DETECTOR_TEXTS } from '../incidents/incident-detectors.js';
import {
  INCIDENT_AFFECTED_SELECTORS,
  INCIDENT_CAUSES,
  INCIDENT_CRITERIA,
  INCIDENT_DEADLINE_STATES,
  INCIDENT_DISCOVERIES,
  INCIDENT_KINDS,
  INCIDENT_NOTIFICATION_CHANNELS,
  INCIDENT_REPORTABILITIES,
  INCIDENT_REPORT_KINDS,
  INCIDENT_REPORT_RECIPIENTS,
  INCIDENT_STATUSES,
  INCIDENT_STEP_KINDS,
  INCIDENT_STEP_SUMMARIES,
} from '../incidents/incident-vocabulary.js';
import { INQUIRY_REPLY_KINDS, INQUIRY_STATUSES } from '../inquiries/inquiry-vocabulary.js';
import type { IssueCode } from '../issues.js';
import { JOB_KINDS, JOB_STATUSES } from '../jobs/job-vocabulary.js';
import { EXPORT_LISTS } from '../exports/export-vocabulary.js';
import { MAIL_KINDS, MAIL_STATUSES } from '../mail/mail-rules.js';
import { REQUEST_URGENCIES } from '../requests/request-rules.js';
import {
  REQUEST_CHANNELS,
  REQUEST_KINDS,
  REQUEST_STATUSES,
  VERIFICATION_METHODS,
} from '../requests/request-vocabulary.js';
import { COLLECTION_CHANNELS } from '../vocabulary/channels.js';
import { CONSENT_ACTIONS, CONSENT_METHODS, CONSENT_STATES } from '../vocabulary/consent.js';
import { DATA_CATEGORIES, SENSITIVITIES } from '../vocabulary/data-categories.js';
import { EXCEPTION_KINDS } from '../vocabulary/exceptions.js';
import { FIELD_FORMATS } from '../vocabulary/formats.js';
import { POLICY_CLAUSES } from '../vocabulary/policy-clauses.js';
import { PROVIDER_KINDS } from '../vocabulary/provider-kinds.js';
import { RECIPIENT_KINDS } from '../vocabulary/recipient-kinds.js';
import { ADMIN_ROLES } from '../vocabulary/roles.js';
import {
  DATA_ITEM_CHANGE_ACTIONS,
  DISCLOSURE_NOTES,
  DISCLOSURE_SECTION_KEYS,
  DOCUMENT_ACTOR_KINDS,
  DOCUMENT_KINDS,
  LEDGER_ENTRY_KINDS,
  LEDGER_FAILURE_CODES,
  LEDGER_OUTCOMES,
  USE_BASIS_KINDS,
} from '../documents/document-vocabulary.js';
import { LANGUAGES, messages, type Language, type MessageKey } from './catalogue.js';

export * from './catalogue.js';
export { formatPlain, type MessageParams } from './format.js';

/**
 * Every vocabulary policy-core exports, by the namespace of its labels in the catalogue
 * (`dataCategory.NAME`). Inquiry channels are request channels' labels (`requestChannel.…`).
 */
export const LABEL_VOCABULARIES = {
  providerKind: PROVIDER_KINDS,
  fieldFormat: FIELD_FORMATS,
  dataCategory: DATA_CATEGORIES,
  dataCategoryDescription: DATA_CATEGORIES,
  sensitivity: SENSITIVITIES,
  consentAction: CONSENT_ACTIONS,
  consentState: CONSENT_STATES,
  consentMethod: CONSENT_METHODS,
  channel: COLLECTION_CHANNELS,
  clause: POLICY_CLAUSES,
  exceptionKind: EXCEPTION_KINDS,
  exceptionStatus: EFFECTIVE_EXCEPTION_STATUSES,
  meetingKind: MEETING_KINDS,
  role: ADMIN_ROLES,
  recipientKind: RECIPIENT_KINDS,
  decisionAction: DECISION_ACTIONS,
  requestKind: REQUEST_KINDS,
  requestStatus: REQUEST_STATUSES,
  requestChannel: REQUEST_CHANNELS,
  verificationMethod: VERIFICATION_METHODS,
  requestUrgency: REQUEST_URGENCIES,
  inquiryStatus: INQUIRY_STATUSES,
  inquiryReplyKind: INQUIRY_REPLY_KINDS,
  cookieCategory: COOKIE_CATEGORIES,
  cookieCategoryDescription: COOKIE_CATEGORIES,
  cookieStorageKind: COOKIE_STORAGE_KINDS,
  cookieConsentAction: COOKIE_CONSENT_ACTIONS,
  jobKind: JOB_KINDS,
  jobStatus: JOB_STATUSES,
  exportList: EXPORT_LISTS,
  mailKind: MAIL_KINDS,
  mailStatus: MAIL_STATUSES,
  language: LANGUAGES,
  documentKind: DOCUMENT_KINDS,
  ledgerKind: LEDGER_ENTRY_KINDS,
  ledgerOutcome: LEDGER_OUTCOMES,
  useBasis: USE_BASIS_KINDS,
  dataItemChangeAction: DATA_ITEM_CHANGE_ACTIONS,
  actorKind: DOCUMENT_ACTOR_KINDS,
  disclosureSection: DISCLOSURE_SECTION_KEYS,
  disclosureNote: DISCLOSURE_NOTES,
  incidentKind: INCIDENT_KINDS,
  incidentStatus: INCIDENT_STATUSES,
  incidentDiscovery: INCIDENT_DISCOVERIES,
  incidentCause: INCIDENT_CAUSES,
  incidentCriterion: INCIDENT_CRITERIA,
  incidentReportability: INCIDENT_REPORTABILITIES,
  incidentReportKind: INCIDENT_REPORT_KINDS,
  incidentReportRecipient: INCIDENT_REPORT_RECIPIENTS,
  incidentNotificationChannel: INCIDENT_NOTIFICATION_CHANNELS,
  incidentStep: INCIDENT_STEP_KINDS,
  incidentSummary: INCIDENT_STEP_SUMMARIES,
  incidentAffectedSelector: INCIDENT_AFFECTED_SELECTORS,
  incidentDeadlineState: INCIDENT_DEADLINE_STATES,
  incidentQuestion: INCIDENT_CHECKLIST_QUESTIONS,
  incidentReason: INCIDENT_REASON_CODES,
  ledgerFailure: LEDGER_FAILURE_CODES,
  incidentDetector: INCIDENT_DETECTOR_TEXTS,
} as const;
export type LabelNamespace = keyof typeof LABEL_VOCABULARIES;
export type LabelValue<N extends LabelNamespace> = (typeof LABEL_VOCABULARIES)[N][number];

type LabelKeys = { [N in LabelNamespace]: `${N}.${LabelValue<N>}` }[LabelNamespace];
/** Every key the catalogue must have: one per issue code, reason code and vocabulary value. */
export type RequiredMessageKey = `issue.${IssueCode}` | `reason.${DecisionReasonCode}` | LabelKeys;
// Does not compile while en.ts (and so ja.ts) lacks a required key.
type AssertNoneMissing<T extends never> = T;
export type MissingMessageKeys = AssertNoneMissing<Exclude<RequiredMessageKey, MessageKey>>;

/** The catalogue key of a decision reason's message. */
export function reasonKey(code: DecisionReasonCode): MessageKey {
  return `reason.${code}`;
}

/** The catalogue key of a validation issue's generic message. */
export function issueKey(code: IssueCode): MessageKey {
  return `issue.${code}`;
}

/** The catalogue key of a vocabulary value's label: `labelKey('dataCategory', 'NAME')` is `'dataCategory.NAME'`. */
export function labelKey<N extends LabelNamespace>(namespace: N, value: LabelValue<N>): MessageKey {
  return `${namespace}.${value}` as MessageKey;
}

/** A vocabulary value's label in `language`: `label('ja', 'dataCategory', 'NAME')` is `'氏名'`. */
export function label<N extends LabelNamespace>(language: Language, namespace: N, value: LabelValue<N>): string {
  return messages[language][labelKey(namespace, value)];
}
