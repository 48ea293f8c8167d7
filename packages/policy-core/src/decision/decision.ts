import type { PurposeConsentState } from '../consent/consent-state.js';
import type { MessageParams } from '../messages/format.js';
import type { PermittedExceptionFact } from '../exceptions/exception-evidence.js';
import { USE_REASON_CODES, type DataItemFact, type PurposeFact } from '../use/may-use-for-purpose.js';
import type { DataCategory } from '../vocabulary/data-categories.js';
import type { ExceptionKind } from '../vocabulary/exceptions.js';
import { memberOf } from '../vocabulary/guard.js';
import type { CessationFact } from './cessation.js';

/** USE: by the organisation itself. PROVIDE: handing data to a recipient outside it. */
export const DECISION_ACTIONS = ['USE', 'PROVIDE'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];
export const isDecisionAction = memberOf(DECISION_ACTIONS);

export const DECISION_REASON_CODES = [
  ...USE_REASON_CODES,
  'RECIPIENT_REQUIRED',
  'RECIPIENT_GIVEN_FOR_USE',
  'PROVISION_NEEDS_EXCEPTION',
  'NO_EXCEPTION_APPLIES',
  'EXCEPTION_APPLIES',
  'EXCEPTION_NOT_IN_EFFECT',
  'EXCEPTION_PROVIDER_NOT_COVERED',
  'EXCEPTION_PURPOSE_NOT_COVERED',
  'EXCEPTION_RECIPIENT_NOT_COVERED',
  'EXCEPTION_CATEGORY_NOT_COVERED',
  'EXCEPTION_PURPOSE_BASIS_MISSING',
  'EXCEPTION_AGREEMENT_WITHDRAWN',
  'DIFFERENT_BASIS',
  // requests/: the provider asked the organisation to stop (clause 4, cessation of use).
  'CEASED_ON_REQUEST',
] as const;
export type DecisionReasonCode = (typeof DECISION_REASON_CODES)[number];
export const isDecisionReasonCode = memberOf(DECISION_REASON_CODES);

/**
 * One reason of a decision: a stable `code`, the `params` of its catalogue message
 * (`reason.<code>`, see messages/: names, keys, ids and numbers, never a translated word) and that
 * message in English, for logs and older clients. To word it in another language, format
 * `messages[language][reasonKey(code)]` with `localizeParams(params, language)`.
 */
export type DecisionReason = {
  code: DecisionReasonCode;
  params: MessageParams;
  message: string;
  category?: DataCategory;
  exceptionId?: string;
};

export type DecisionBasis =
  | { kind: 'CONSENT' }
  | { kind: 'PUBLICLY_AVAILABLE' }
  | { kind: 'EXCEPTION'; exceptionId: string; exceptionKind: ExceptionKind };

export type DecideInput = {
  action: DecisionAction;
  providerId: string;
  /** The provider's reference (e.g. a membership number), for the reasons people read. Absent: its id. */
  providerReference?: string | null;
  purpose: PurposeFact;
  categories: readonly DataCategory[];
  /** Required for PROVIDE; must be null for USE. */
  recipientId: string | null;
  /** The recipient's name, for the reasons people read. Absent: its id. */
  recipientName?: string | null;
  /** The provider's consent to `purpose` (e.g. from `consentFor`). */
  consent: PurposeConsentState;
  items?: readonly DataItemFact[];
  /** All exceptions that might apply; drafts, revoked and expired ones are ignored. */
  exceptions: readonly PermittedExceptionFact[];
  /** The policy version in force, echoed for the ledger. */
  policyVersion: number;
  at: Date;
  /** The provider's requests to stop (see CessationFact); default none. */
  cessations?: readonly CessationFact[];
  /**
   * The provider's consent events that are GRANTs they have not withdrawn or refused since (a
   * later event of theirs for the same purpose that is not a GRANT ends one). A
   * PROVIDER_AGREEMENT exception covers the provider only while one of the events it cites is
   * among them: withdrawing the consent that evidences an agreement withdraws the agreement.
   * Default none, so an agreement never applies on facts that were not read.
   */
  standingGrantIds?: readonly string[];
};

export type Decision = {
  allowed: boolean;
  basis: DecisionBasis | null;
  permitted: DataCategory[];
  refused: DataCategory[];
  reasons: DecisionReason[];
  policyVersion: number;
};
