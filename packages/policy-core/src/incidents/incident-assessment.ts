import { labelsOf, type Localized } from '../messages/catalogue.js';
import { formatPlain, type MessageParams } from '../messages/format.js';
import { en } from '../messages/en.js';
import type { DataCategory } from '../vocabulary/data-categories.js';
import { memberOf } from '../vocabulary/guard.js';
import {
  REPORTABLE_PEOPLE_THRESHOLD,
  type IncidentCriterion,
  type IncidentKind,
  type IncidentReportRecipient,
  type IncidentReportability,
} from './incident-vocabulary.js';

/**
 * The questions the staff answer because the criteria ask them and Steward cannot know: an incident
 * may concern data Steward does not hold (a paper list, a spreadsheet, another system). `null` is
 * "not answered yet"; Steward's own categories pre-fill the first two (checklistFromCategories).
 */
export type IncidentChecklist = {
  /** Special care-required personal information (要配慮個人情報, APPI Art. 2(3)) is or may be involved. */
  sensitiveData: boolean | null;
  /** Data whose misuse may cause financial loss (card numbers, bank or login credentials) is or may be involved. */
  financialLossRisk: boolean | null;
  /**
   * All the data involved was protected by strong encryption (高度な暗号化) and the key was not
   * compromised: the exemption of Rules Art. 7(i)'s parenthesis, which applies to every item of Art. 7.
   */
  strongEncryptionKeySafe: boolean | null;
};

export const INCIDENT_CHECKLIST_QUESTIONS = ['sensitiveData', 'financialLossRisk', 'strongEncryptionKeySafe'] as const;
export type IncidentChecklistQuestion = (typeof INCIDENT_CHECKLIST_QUESTIONS)[number];
export const INCIDENT_CHECKLIST_QUESTION_LABELS: Readonly<Record<IncidentChecklistQuestion, Localized>> =
  /* @__PURE__ */ labelsOf('incidentQuestion', INCIDENT_CHECKLIST_QUESTIONS);

/** What the assessment is decided on. */
export type IncidentFacts = {
  kind: IncidentKind;
  checklist: IncidentChecklist;
  /** Caused, or possibly caused, by an act with a wrongful purpose (不正の目的: unauthorised access, theft, insider misuse). */
  wrongfulPurposeSuspected: boolean;
  /** People affected, known or estimated ("kept even when individuals are unknown"). */
  affectedCount: number;
  /**
   * The name of the organisation that entrusted this one with the data (this organisation acted as
   * its contractor, 委託先), or null when the data is this organisation's own.
   */
  entrustedBy: string | null;
};

/** Codes of an assessment's reasons; each has a catalogue message `incidentReason.<CODE>`. */
export const INCIDENT_REASON_CODES = [
  'CRITERION_SENSITIVE_DATA',
  'CRITERION_FINANCIAL_LOSS_RISK',
  'CRITERION_WRONGFUL_PURPOSE',
  'CRITERION_OVER_1000_PEOPLE',
  'AT_MOST_1000_PEOPLE',
  'NO_CRITERION',
  'QUESTION_UNANSWERED',
  'ENCRYPTED_KEY_SAFE',
  'ENCRYPTION_UNANSWERED',
  'REPORT_TO_COMMISSION',
  'REPORT_TO_ENTRUSTING_ORGANISATION',
  'NOTIFY_PROVIDERS',
  'FALSIFICATION_IS_DAMAGE',
] as const;
export type IncidentReasonCode = (typeof INCIDENT_REASON_CODES)[number];
export const isIncidentReasonCode = memberOf(INCIDENT_REASON_CODES);

/**
 * One reason of an assessment, like a decision's: a stable `code`, the `params` of its catalogue
 * message (`incidentReason.<code>`) and that message in English for logs. `article` cites the text
 * the reason applies.
 */
export type IncidentReason = {
  code: IncidentReasonCode;
  params: MessageParams;
  message: string;
  article: string;
};

/** Is it reportable, on which criteria, to whom, and must the providers be told — with every reason. */
export type IncidentAssessment = {
  reportability: IncidentReportability;
  /** The criteria of Rules Art. 7 that hold (empty when exempt). */
  criteria: IncidentCriterion[];
  /** Where the reports go; null when not reportable (or not yet determined). */
  reportTo: IncidentReportRecipient | null;
  /** Whether each affected provider must be notified (Art. 26(2)). */
  notifyProviders: boolean;
  /** The strong-encryption exemption applied. */
  encryptionExempt: boolean;
  /** Checklist questions still unanswered that could change the outcome. */
  unanswered: IncidentChecklistQuestion[];
  reasons: IncidentReason[];
};

function reason(code: IncidentReasonCode, article: string, params: MessageParams = {}): IncidentReason {
  return { code, params, message: formatPlain(en[`incidentReason.${code}`], params), article };
}

const CRITERIA_CHECKS: ReadonlyArray<{
  criterion: IncidentCriterion;
  code: IncidentReasonCode;
  article: string;
  holds: (f: IncidentFacts) => boolean;
}> = [
  {
    criterion: 'SENSITIVE_DATA',
    code: 'CRITERION_SENSITIVE_DATA',
    article: 'APPI Rules Art. 7(i)',
    holds: (f) => f.checklist.sensitiveData === true,
  },
  {
    criterion: 'FINANCIAL_LOSS_RISK',
    code: 'CRITERION_FINANCIAL_LOSS_RISK',
    article: 'APPI Rules Art. 7(ii)',
    holds: (f) => f.checklist.financialLossRisk === true,
  },
  {
    criterion: 'WRONGFUL_PURPOSE',
    code: 'CRITERION_WRONGFUL_PURPOSE',
    article: 'APPI Rules Art. 7(iii)',
    holds: (f) => f.wrongfulPurposeSuspected,
  },
  {
    criterion: 'OVER_1000_PEOPLE',
    code: 'CRITERION_OVER_1000_PEOPLE',
    article: 'APPI Rules Art. 7(iv)',
    holds: (f) => f.affectedCount > REPORTABLE_PEOPLE_THRESHOLD,
  },
];

/**
 * Whether a leak, loss, damage or falsification must be reported to the Personal Information
 * Protection Commission and the people affected notified (APPI Art. 26; the Commission's Rules
 * (個人情報の保護に関する法律施行規則) Arts. 7–10; Guidelines (通則編) 3-5-3 and 3-5-4):
 *
 * - Any one criterion of Rules Art. 7 makes it REPORTABLE: sensitive data, data whose misuse may
 *   cause financial loss, a possible wrongful purpose, or more than 1,000 people (1,001+). Each
 *   counts when the incident only may have happened; the first three from a single person.
 * - Strong encryption with a safe key (Rules Art. 7(i) parenthesis; Guidelines 3-5-3-1) exempts
 *   it entirely: NOT_REPORTABLE, whatever else holds.
 * - With no criterion holding but the sensitive-data or financial-loss question unanswered, it is
 *   UNDETERMINED: the answer could make it reportable. With a criterion holding and the encryption
 *   question unanswered it is REPORTABLE (the exemption must be shown, not assumed).
 * - A contractor (委託先, `entrustedBy` set) reports to the organisation that entrusted it instead
 *   of the Commission (Art. 26(1) proviso, Rules Art. 9) and then need not notify the people
 *   affected itself (Art. 26(2) parenthesis); otherwise each affected person is notified (Art. 26(2),
 *   Rules Art. 10).
 */
export function assessIncident(facts: IncidentFacts): IncidentAssessment {
  const reasons: IncidentReason[] = [];
  if (facts.kind === 'FALSIFICATION') reasons.push(reason('FALSIFICATION_IS_DAMAGE', 'Guidelines 3-5-1-3'));

  if (facts.checklist.strongEncryptionKeySafe === true) {
    reasons.push(reason('ENCRYPTED_KEY_SAFE', 'APPI Rules Art. 7(i); Guidelines 3-5-3-1'));
    return {
      reportability: 'NOT_REPORTABLE',
      criteria: [],
      reportTo: null,
      notifyProviders: false,
      encryptionExempt: true,
      unanswered: [],
      reasons,
    };
  }

  const criteria: IncidentCriterion[] = [];
  for (const check of CRITERIA_CHECKS) {
    if (!check.holds(facts)) continue;
    criteria.push(check.criterion);
    reasons.push(
      reason(check.code, check.article, {
        count: facts.affectedCount,
        threshold: REPORTABLE_PEOPLE_THRESHOLD,
      }),
    );
  }
  if (!criteria.includes('OVER_1000_PEOPLE')) {
    reasons.push(
      reason('AT_MOST_1000_PEOPLE', 'APPI Rules Art. 7(iv)', {
        count: facts.affectedCount,
        threshold: REPORTABLE_PEOPLE_THRESHOLD,
      }),
    );
  }

  const openQuestions: IncidentChecklistQuestion[] = [];
  if (facts.checklist.sensitiveData === null) openQuestions.push('sensitiveData');
  if (facts.checklist.financialLossRisk === null) openQuestions.push('financialLossRisk');

  if (criteria.length === 0) {
    if (openQuestions.length > 0) {
      for (const question of openQuestions)
        reasons.push(reason('QUESTION_UNANSWERED', 'APPI Rules Art. 7', { question }));
      return {
        reportability: 'UNDETERMINED',
        criteria,
        reportTo: null,
        notifyProviders: false,
        encryptionExempt: false,
        unanswered: [
          ...openQuestions,
          ...(facts.checklist.strongEncryptionKeySafe === null ? (['strongEncryptionKeySafe'] as const) : []),
        ],
        reasons,
      };
    }
    reasons.push(reason('NO_CRITERION', 'APPI Art. 26(1); Rules Art. 7'));
    return {
      reportability: 'NOT_REPORTABLE',
      criteria,
      reportTo: null,
      notifyProviders: false,
      encryptionExempt: false,
      unanswered: [],
      reasons,
    };
  }

  const unanswered: IncidentChecklistQuestion[] = [];
  if (facts.checklist.strongEncryptionKeySafe === null) {
    unanswered.push('strongEncryptionKeySafe');
    reasons.push(reason('ENCRYPTION_UNANSWERED', 'APPI Rules Art. 7(i); Guidelines 3-5-3-1'));
  }
  const contractor = facts.entrustedBy !== null && facts.entrustedBy.trim() !== '';
  if (contractor) {
    reasons.push(
      reason('REPORT_TO_ENTRUSTING_ORGANISATION', 'APPI Art. 26(1) proviso, Art. 26(2); Rules Art. 9', {
        organisation: facts.entrustedBy ?? '',
      }),
    );
  } else {
    reasons.push(reason('REPORT_TO_COMMISSION', 'APPI Art. 26(1); Rules Art. 8'));
    reasons.push(reason('NOTIFY_PROVIDERS', 'APPI Art. 26(2); Rules Art. 10'));
  }
  return {
    reportability: 'REPORTABLE',
    criteria,
    reportTo: contractor ? 'ENTRUSTING_ORGANISATION' : 'COMMISSION',
    notifyProviders: !contractor,
    encryptionExempt: false,
    unanswered,
    reasons,
  };
}

/**
 * How each of Steward's categories answers the checklist: a new category does not compile until it
 * is classified here. None is special care-required (APPI Art. 2(3), Cabinet Order Art. 2) or
 * financial (Guidelines 3-5-3-1: card numbers, bank accounts with their passwords, login credentials).
 */
export const CATEGORY_INCIDENT_FACTS: Readonly<
  Record<DataCategory, { readonly specialCareRequired: boolean; readonly financialLossRisk: boolean }>
> = {
  NAME: { specialCareRequired: false, financialLossRisk: false },
  NAME_READING: { specialCareRequired: false, financialLossRisk: false },
  POSTAL_CODE: { specialCareRequired: false, financialLossRisk: false },
  POSTAL_ADDRESS: { specialCareRequired: false, financialLossRisk: false },
  EMAIL: { specialCareRequired: false, financialLossRisk: false },
  TELEPHONE: { specialCareRequired: false, financialLossRisk: false },
  FAX: { specialCareRequired: false, financialLossRisk: false },
  AFFILIATION: { specialCareRequired: false, financialLossRisk: false },
  MEMBERSHIP_NUMBER: { specialCareRequired: false, financialLossRisk: false },
  COOKIE_IDENTIFIER: { specialCareRequired: false, financialLossRisk: false },
};

/**
 * The checklist as Steward's own categories answer it: none of Steward's categories is sensitive
 * or financial, so involving only them answers "no" to both — a pre-fill the staff confirm, since
 * the incident may involve data Steward does not hold. Encryption is never pre-filled.
 */
export function checklistFromCategories(categories: readonly DataCategory[]): IncidentChecklist {
  if (categories.length === 0) return { sensitiveData: null, financialLossRisk: null, strongEncryptionKeySafe: null };
  return {
    sensitiveData: categories.some((c) => CATEGORY_INCIDENT_FACTS[c].specialCareRequired),
    financialLossRisk: categories.some((c) => CATEGORY_INCIDENT_FACTS[c].financialLossRisk),
    strongEncryptionKeySafe: null,
  };
}
