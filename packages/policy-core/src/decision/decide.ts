import type { PurposeConsentState } from '../consent/consent-state.js';
import type { PermittedExceptionFact } from '../exceptions/exception-evidence.js';
import { effectiveStatus } from '../exceptions/exception-lifecycle.js';
import {
  mayUseForPurpose,
  notStatedMessage,
  USE_REASON_CODES,
  type DataItemFact,
  type PurposeFact,
  type UseReason,
  purposeLabel,
} from '../use/may-use-for-purpose.js';
import { DATA_CATEGORIES, type DataCategory } from '../vocabulary/data-categories.js';
import { EXCEPTION_KINDS, type ExceptionKind } from '../vocabulary/exceptions.js';
import { memberOf } from '../vocabulary/guard.js';

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

export type DecisionReason = {
  code: DecisionReasonCode;
  message: string;
  category?: DataCategory;
  exceptionId?: string;
};

export type DecisionBasis =
  | { kind: 'CONSENT' }
  | { kind: 'PUBLICLY_AVAILABLE' }
  | { kind: 'EXCEPTION'; exceptionId: string; exceptionKind: ExceptionKind };

/**
 * A provider's request to stop (利用停止 / 第三者提供の停止), in effect from `since`: stop USE for
 * a purpose (null = every purpose), or stop PROVIDE to a recipient (null = every recipient) for a
 * purpose (null = every purpose).
 */
export type CessationFact = {
  action: DecisionAction;
  purposeKey: string | null;
  /** Only for PROVIDE; ignored for USE. */
  recipientId: string | null;
  since: Date;
};

/** The first cessation that stops this use or provision at `at`, if any. */
export function cessationFor(
  cessations: readonly CessationFact[],
  request: { action: DecisionAction; purposeKey: string; recipientId: string | null; at: Date },
): CessationFact | null {
  for (const c of cessations) {
    if (c.action !== request.action) continue;
    if (!(c.since.getTime() <= request.at.getTime())) continue;
    if (c.purposeKey !== null && c.purposeKey !== request.purposeKey) continue;
    if (request.action === 'PROVIDE' && c.recipientId !== null && c.recipientId !== request.recipientId) continue;
    return c;
  }
  return null;
}

export type DecideInput = {
  action: DecisionAction;
  providerId: string;
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

const KIND_NOUN: Readonly<Record<ExceptionKind, string>> = {
  LAW: 'Legal-requirement',
  PROVIDER_AGREEMENT: 'Provider-agreement',
  OUTSOURCING: 'Outsourcing',
  BOARD_APPROVAL: 'Board-approval',
};

function recipientLabel(input: DecideInput): string {
  const name = input.recipientName?.trim();
  return name ? `"${name}"` : `"${input.recipientId}"`;
}

function name(e: PermittedExceptionFact): string {
  return `${KIND_NOUN[e.kind]} exception "${e.id}"`;
}

function timeOrLast(d: Date): number {
  const t = d.getTime();
  return Number.isNaN(t) ? Infinity : t;
}

/** The order in which exceptions are preferred: earliest validFrom, then id, then kind. */
export function compareExceptions(a: PermittedExceptionFact, b: PermittedExceptionFact): number {
  const ta = timeOrLast(a.validFrom);
  const tb = timeOrLast(b.validFrom);
  if (ta !== tb) return ta < tb ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return EXCEPTION_KINDS.indexOf(a.kind) - EXCEPTION_KINDS.indexOf(b.kind);
}

/** One possible basis for the whole request and the requested categories it covers. */
type Candidate = {
  basis: DecisionBasis;
  covered: Set<DataCategory>;
  positive: Map<DataCategory, DecisionReason>;
  /** Why it does not apply at all (no category). */
  general: DecisionReason[];
  /** Why it does not cover a category. */
  perCategory: Map<DataCategory, DecisionReason>;
};

function emptyCandidate(basis: DecisionBasis): Candidate {
  return { basis, covered: new Set(), positive: new Map(), general: [], perCategory: new Map() };
}

function fromUse(reason: UseReason): DecisionReason {
  return reason.category === undefined ? { code: reason.code, message: reason.message } : { ...reason };
}

/** Does one of the consent events an agreement cites still stand (a GRANT not withdrawn or refused since)? */
function agreementStands(e: PermittedExceptionFact, standingGrantIds: readonly string[] | undefined): boolean {
  const cited: unknown = e.kind === 'PROVIDER_AGREEMENT' ? e.evidence?.consentEventIds : undefined;
  if (!Array.isArray(cited) || !standingGrantIds?.length) return false;
  const standing = new Set(standingGrantIds);
  return cited.some((id) => typeof id === 'string' && standing.has(id));
}

function evaluateException(
  e: PermittedExceptionFact,
  input: DecideInput,
  requested: readonly DataCategory[],
  useReasons: ReadonlyMap<DataCategory, UseReason>,
  usable: ReadonlySet<DataCategory>,
): Candidate {
  const c = emptyCandidate({ kind: 'EXCEPTION', exceptionId: e.id, exceptionKind: e.kind });
  const ref = { exceptionId: e.id };
  const status = effectiveStatus(e, input.at);
  if (status !== 'ACTIVE') {
    const what = status === 'NOT_YET_VALID' ? 'not yet valid' : status.toLowerCase();
    c.general.push({ code: 'EXCEPTION_NOT_IN_EFFECT', message: `${name(e)} is not in effect (${what}).`, ...ref });
    return c;
  }
  const { scope } = e;
  if (scope.providerIds !== 'ALL' && !scope.providerIds.includes(input.providerId)) {
    c.general.push({
      code: 'EXCEPTION_PROVIDER_NOT_COVERED',
      message: `${name(e)} does not cover provider "${input.providerId}".`,
      ...ref,
    });
  } else if (e.kind === 'PROVIDER_AGREEMENT' && !agreementStands(e, input.standingGrantIds)) {
    c.general.push({
      code: 'EXCEPTION_AGREEMENT_WITHDRAWN',
      message: `${name(e)} no longer stands for provider "${input.providerId}": they withdrew or refused the consent it cites.`,
      ...ref,
    });
  }
  const purposeOk =
    scope.purposeKeys.includes(input.purpose.key) &&
    (e.kind !== 'OUTSOURCING' || e.evidence?.servesPurposeKey === input.purpose.key);
  if (!purposeOk) {
    c.general.push({
      code: 'EXCEPTION_PURPOSE_NOT_COVERED',
      message: `${name(e)} does not cover purpose ${purposeLabel(input.purpose)}.`,
      ...ref,
    });
  }
  if (input.action === 'PROVIDE') {
    const recipientOk =
      scope.recipientId !== null &&
      scope.recipientId === input.recipientId &&
      (e.kind !== 'OUTSOURCING' || e.evidence?.recipientId === input.recipientId);
    if (!recipientOk) {
      c.general.push({
        code: 'EXCEPTION_RECIPIENT_NOT_COVERED',
        message:
          scope.recipientId === null
            ? `${name(e)} covers internal use only, not provision to ${recipientLabel(input)}.`
            : `${name(e)} does not cover provision to ${recipientLabel(input)}.`,
        ...ref,
      });
    }
  }
  if (c.general.length > 0) return c;
  for (const category of requested) {
    const inScope =
      scope.categories.includes(category) &&
      (e.kind !== 'OUTSOURCING' || (e.evidence?.categories ?? []).includes(category));
    if (!inScope) {
      c.perCategory.set(category, {
        code: 'EXCEPTION_CATEGORY_NOT_COVERED',
        message: `${name(e)} does not cover category ${category}.`,
        category,
        ...ref,
      });
      continue;
    }
    // Outsourcing helps complete a stated purpose: the data must be usable for it in the first place.
    if (e.kind === 'OUTSOURCING' && !usable.has(category)) {
      const why = useReasons.get(category)?.message ?? '';
      c.perCategory.set(category, {
        code: 'EXCEPTION_PURPOSE_BASIS_MISSING',
        message: `${name(e)} serves ${purposeLabel(input.purpose)}, but ${category} may not be used for it: ${why}`,
        category,
        ...ref,
      });
      continue;
    }
    c.covered.add(category);
    const to = input.action === 'PROVIDE' ? `provision to ${recipientLabel(input)}` : 'use';
    c.positive.set(category, {
      code: 'EXCEPTION_APPLIES',
      message: `${name(e)} covers ${category} for ${to} for ${purposeLabel(input.purpose)}.`,
      category,
      ...ref,
    });
  }
  return c;
}

function denyAll(input: DecideInput, requested: DataCategory[], reason: DecisionReason): Decision {
  return {
    allowed: false,
    basis: null,
    permitted: [],
    refused: requested,
    reasons: [reason],
    policyVersion: input.policyVersion,
  };
}

/**
 * Is this use or provision allowed, and on which single basis? Candidates, in order of preference:
 * the stated purpose (consent, or data the provider made public; USE only), then each exception in
 * effect at `at`, earliest `validFrom` first, then by id. The first candidate that covers every
 * requested category is the basis and the request is allowed. Otherwise it is denied: `permitted`
 * lists what the best candidate (most categories, earliest in that order) covers, `refused` the
 * rest, and the reasons say for each refused category what each candidate lacks.
 *
 * - PROVIDE needs an exception whose scope names the recipient; consent alone never provides.
 * - An exception covers a request when it is ACTIVE at `at` (`effectiveStatus`) and its scope
 *   covers the provider, the purpose, (for PROVIDE) the recipient, and the category. For
 *   OUTSOURCING the evidence (contracted recipient, served purpose, categories) must agree too, and
 *   each category must also be usable for the served purpose (consent granted or public): a
 *   contractor completes a stated purpose, it does not replace the provider's consent to it.
 * - LAW, PROVIDER_AGREEMENT and BOARD_APPROVAL do not depend on the purpose's consent, categories
 *   or retirement: they permit use outside the stated purposes.
 * - A PROVIDER_AGREEMENT covers its provider only while a consent event it cites stands
 *   (`standingGrantIds`): once the provider withdraws or refuses that consent, the agreement no
 *   longer applies to them (EXCEPTION_AGREEMENT_WITHDRAWN), from that moment.
 * - A purpose that is not stated (`purpose.stated === false`, see unstatedPurpose) has no
 *   stated-purpose candidate: only an exception can allow it (PURPOSE_NOT_STATED otherwise).
 * - One decision has one basis: categories covered by different bases are denied with
 *   `DIFFERENT_BASIS`; request them separately so each ledger entry names its basis.
 * - A cessation the provider requested (`cessations`, see cessationFor) stops the use or provision
 *   on every basis but a LAW exception: consent, public data and the other exceptions no longer
 *   count (CEASED_ON_REQUEST); an obligation under law still applies.
 * Reasons: request-level first, then per exception (in preference order) why it does not apply,
 * then per category in DATA_CATEGORIES order. The order of `exceptions` does not matter.
 * An invalid `at` throws a RangeError.
 */
export function decide(input: DecideInput): Decision {
  if (Number.isNaN(input.at.getTime())) throw new RangeError('`at` is an invalid Date.');
  const requested = DATA_CATEGORIES.filter((c) => input.categories.includes(c));
  if (requested.length === 0) {
    return denyAll(input, [], { code: 'NO_CATEGORIES_REQUESTED', message: 'No data categories were requested.' });
  }
  if (input.action === 'PROVIDE' && (input.recipientId === null || input.recipientId.trim() === '')) {
    return denyAll(input, requested, { code: 'RECIPIENT_REQUIRED', message: 'A provision must name its recipient.' });
  }
  if (input.action === 'USE' && input.recipientId !== null) {
    return denyAll(input, requested, {
      code: 'RECIPIENT_GIVEN_FOR_USE',
      message: `A use has no recipient; to hand data to ${recipientLabel(input)}, decide a PROVIDE.`,
    });
  }

  const use = mayUseForPurpose({
    purpose: input.purpose,
    categories: requested,
    consent: input.consent,
    items: input.items,
  });
  const useReasons = new Map<DataCategory, UseReason>();
  for (const r of use.reasons) if (r.category !== undefined) useReasons.set(r.category, r);
  const usable = new Set(use.permitted);

  const candidates: Candidate[] = [];
  const requestReasons: DecisionReason[] = [];
  const ceased = cessationFor(input.cessations ?? [], {
    action: input.action,
    purposeKey: input.purpose.key,
    recipientId: input.recipientId,
    at: input.at,
  });
  if (ceased !== null) {
    requestReasons.push({
      code: 'CEASED_ON_REQUEST',
      message:
        input.action === 'USE'
          ? `The provider asked the organisation to stop using their data for ${purposeLabel(input.purpose)}; only a legal requirement still applies.`
          : `The provider asked the organisation to stop providing their data to ${recipientLabel(input)}; only a legal requirement still applies.`,
    });
  }
  const exceptionsConsidered = ceased === null ? input.exceptions : input.exceptions.filter((e) => e.kind === 'LAW');
  const stated = input.purpose.stated !== false;
  if (!stated) requestReasons.push({ code: 'PURPOSE_NOT_STATED', message: notStatedMessage(input.purpose) });
  let statedPurpose: Candidate | null = null;
  if (input.action === 'USE' && (ceased !== null || !stated)) {
    // The stated purpose no longer counts, or there is none: no candidate for it.
  } else if (input.action === 'USE') {
    const viaConsent = use.reasons.some((r) => r.code === 'CONSENT_GRANTED');
    statedPurpose = emptyCandidate(viaConsent ? { kind: 'CONSENT' } : { kind: 'PUBLICLY_AVAILABLE' });
    for (const category of requested) {
      const reason = fromUse(useReasons.get(category)!);
      if (usable.has(category)) {
        statedPurpose.covered.add(category);
        statedPurpose.positive.set(category, reason);
      } else {
        statedPurpose.perCategory.set(category, reason);
      }
    }
    candidates.push(statedPurpose);
  } else if (stated) {
    requestReasons.push({
      code: 'PROVISION_NEEDS_EXCEPTION',
      message: `Consent to ${purposeLabel(input.purpose)} does not allow providing data to ${recipientLabel(input)}: a permitted exception must cover it.`,
    });
  }
  const ordered = [...exceptionsConsidered].sort(compareExceptions);
  for (const e of ordered) candidates.push(evaluateException(e, input, requested, useReasons, usable));

  const chosen = candidates.find((c) => c.covered.size === requested.length);
  if (chosen !== undefined) {
    return {
      allowed: true,
      basis: chosen.basis,
      permitted: requested,
      refused: [],
      reasons: requested.map((c) => chosen.positive.get(c)!),
      policyVersion: input.policyVersion,
    };
  }

  let best: Candidate | null = null;
  for (const c of candidates) if (c.covered.size > 0 && (best === null || c.covered.size > best.covered.size)) best = c;
  const exceptionCandidates = statedPurpose === null ? candidates : candidates.slice(1);
  if (!exceptionCandidates.some((c) => c.covered.size > 0)) {
    requestReasons.push({
      code: 'NO_EXCEPTION_APPLIES',
      message:
        exceptionsConsidered.length === 0
          ? ceased === null
            ? 'No permitted exception was supplied.'
            : 'No legal-requirement exception was supplied.'
          : 'No permitted exception in effect covers this request.',
    });
  }
  const reasons: DecisionReason[] = [...requestReasons];
  for (const c of exceptionCandidates) reasons.push(...c.general);
  const permitted: DataCategory[] = [];
  const refused: DataCategory[] = [];
  for (const category of requested) {
    if (best?.covered.has(category)) {
      permitted.push(category);
      reasons.push(best.positive.get(category)!);
      continue;
    }
    refused.push(category);
    for (const c of candidates) {
      const why = c.perCategory.get(category);
      if (why !== undefined) reasons.push(why);
      const other = c.positive.get(category);
      if (other !== undefined) {
        reasons.push({
          ...other,
          code: 'DIFFERENT_BASIS',
          message: `${other.message} One decision has one basis: request ${category} separately.`,
        });
      }
    }
  }
  return { allowed: false, basis: null, permitted, refused, reasons, policyVersion: input.policyVersion };
}
