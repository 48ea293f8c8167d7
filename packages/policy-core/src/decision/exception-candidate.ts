import type { PermittedExceptionFact } from '../exceptions/exception-evidence.js';
import { effectiveStatus } from '../exceptions/exception-lifecycle.js';
import { purposeLabel, type UseReason } from '../use/may-use-for-purpose.js';
import type { DataCategory } from '../vocabulary/data-categories.js';
import { EXCEPTION_KINDS, type ExceptionKind } from '../vocabulary/exceptions.js';
import type { DecideInput, DecisionBasis, DecisionReason } from './decision.js';

const KIND_NOUN: Readonly<Record<ExceptionKind, string>> = {
  LAW: 'Legal-requirement',
  PROVIDER_AGREEMENT: 'Provider-agreement',
  OUTSOURCING: 'Outsourcing',
  BOARD_APPROVAL: 'Board-approval',
};

export function recipientLabel(input: DecideInput): string {
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
export type Candidate = {
  basis: DecisionBasis;
  covered: Set<DataCategory>;
  positive: Map<DataCategory, DecisionReason>;
  /** Why it does not apply at all (no category). */
  general: DecisionReason[];
  /** Why it does not cover a category. */
  perCategory: Map<DataCategory, DecisionReason>;
};

export function emptyCandidate(basis: DecisionBasis): Candidate {
  return { basis, covered: new Set(), positive: new Map(), general: [], perCategory: new Map() };
}

/** Does one of the consent events an agreement cites still stand (a GRANT not withdrawn or refused since)? */
function agreementStands(e: PermittedExceptionFact, standingGrantIds: readonly string[] | undefined): boolean {
  const cited: unknown = e.kind === 'PROVIDER_AGREEMENT' ? e.evidence?.consentEventIds : undefined;
  if (!Array.isArray(cited) || !standingGrantIds?.length) return false;
  const standing = new Set(standingGrantIds);
  return cited.some((id) => typeof id === 'string' && standing.has(id));
}

export function evaluateException(
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
