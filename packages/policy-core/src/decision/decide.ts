import { mayUseForPurpose, purposeParams, reasonOf, type UseReason } from '../use/may-use-for-purpose.js';
import { DATA_CATEGORIES, type DataCategory } from '../vocabulary/data-categories.js';
import { cessationFor } from './cessation.js';
import { isDenialCandidate } from './denial-candidates.js';
import type { DecideInput, Decision, DecisionReason } from './decision.js';
import {
  compareExceptions,
  emptyCandidate,
  evaluateException,
  recipientParams,
  type Candidate,
} from './exception-candidate.js';

// The public surface of decision/ (index.ts re-exports this module).
export * from './decision.js';
export { cessationFor, type CessationFact } from './cessation.js';
export { compareExceptions } from './exception-candidate.js';
export { isDenialCandidate, type DenialRequest } from './denial-candidates.js';

function fromUse(reason: UseReason): DecisionReason {
  return reason.category === undefined
    ? { code: reason.code, params: reason.params, message: reason.message }
    : { ...reason };
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
 * then per category in DATA_CATEGORIES order. A denial explains only this request: it names the
 * exceptions that were candidates for it (isDenialCandidate: same purpose or recipient), never the
 * others it was handed. The order of `exceptions` does not matter.
 * An invalid `at` throws a RangeError.
 */
export function decide(input: DecideInput): Decision {
  if (Number.isNaN(input.at.getTime())) throw new RangeError('`at` is an invalid Date.');
  const requested = DATA_CATEGORIES.filter((c) => input.categories.includes(c));
  if (requested.length === 0) {
    return denyAll(input, [], reasonOf('NO_CATEGORIES_REQUESTED', {}));
  }
  if (input.action === 'PROVIDE' && (input.recipientId === null || input.recipientId.trim() === '')) {
    return denyAll(input, requested, reasonOf('RECIPIENT_REQUIRED', {}));
  }
  if (input.action === 'USE' && input.recipientId !== null) {
    return denyAll(input, requested, reasonOf('RECIPIENT_GIVEN_FOR_USE', recipientParams(input)));
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
    requestReasons.push(
      reasonOf('CEASED_ON_REQUEST', {
        action: input.action,
        ...purposeParams(input.purpose),
        ...(input.action === 'PROVIDE' ? recipientParams(input) : {}),
      }),
    );
  }
  const exceptionsConsidered = ceased === null ? input.exceptions : input.exceptions.filter((e) => e.kind === 'LAW');
  const stated = input.purpose.stated !== false;
  if (!stated) requestReasons.push(reasonOf('PURPOSE_NOT_STATED', purposeParams(input.purpose)));
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
    requestReasons.push(
      reasonOf('PROVISION_NEEDS_EXCEPTION', { ...purposeParams(input.purpose), ...recipientParams(input) }),
    );
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
    requestReasons.push(
      reasonOf('NO_EXCEPTION_APPLIES', {
        exceptions:
          exceptionsConsidered.length > 0 ? 'NONE_COVERS' : ceased === null ? 'NONE_SUPPLIED' : 'NO_LAW_SUPPLIED',
        action: input.action,
        ...purposeParams(input.purpose),
        ...(input.action === 'PROVIDE' ? recipientParams(input) : {}),
      }),
    );
  }
  const reasons: DecisionReason[] = [...requestReasons];
  const request = {
    action: input.action,
    purposeKey: input.purpose.key,
    recipientId: input.recipientId,
    at: input.at,
  };
  // `ordered` and `exceptionCandidates` are in the same order: one candidate per exception.
  exceptionCandidates.forEach((c, i) => {
    if (isDenialCandidate(ordered[i]!, request)) reasons.push(...c.general);
  });
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
        const basis = c.basis.kind;
        reasons.push({
          ...other,
          ...reasonOf('DIFFERENT_BASIS', { ...other.params, basis, category }),
        });
      }
    }
  }
  return { allowed: false, basis: null, permitted, refused, reasons, policyVersion: input.policyVersion };
}
