import type { PermittedExceptionFact } from '../exceptions/exception-evidence.js';
import { effectiveStatus } from '../exceptions/exception-lifecycle.js';
import type { MessageParams } from '../messages/format.js';
import { purposeParams, reasonOf, type UseReason } from '../use/may-use-for-purpose.js';
import type { DataCategory } from '../vocabulary/data-categories.js';
import { EXCEPTION_KINDS, type ExceptionKind } from '../vocabulary/exceptions.js';
import type { DecideInput, DecisionBasis, DecisionReason } from './decision.js';

/** How reasons name the recipient: `recipient` is its name, its id only when it has none. */
export function recipientParams(input: DecideInput): { recipient: string } {
  return { recipient: input.recipientName?.trim() || (input.recipientId ?? '') };
}

/** How reasons name the provider: `provider` is its reference, its id only when it has none; `providerId` for machines. */
export function providerParams(input: DecideInput): { provider: string; providerId: string } {
  return { provider: input.providerReference?.trim() || input.providerId, providerId: input.providerId };
}

/** How reasons name an exception: `exception` its title (its id when it has none), its id and kind. */
function exceptionParams(e: PermittedExceptionFact): {
  exception: string;
  exceptionId: string;
  exceptionKind: ExceptionKind;
} {
  return { exception: e.title?.trim() || e.id, exceptionId: e.id, exceptionKind: e.kind };
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
  const named = exceptionParams(e);
  const why = (code: DecisionReason['code'], params: MessageParams = {}): DecisionReason => ({
    ...reasonOf(code, { ...named, ...params }),
    ...ref,
  });
  const status = effectiveStatus(e, input.at);
  if (status !== 'ACTIVE') {
    c.general.push(why('EXCEPTION_NOT_IN_EFFECT', { status }));
    return c;
  }
  const { scope } = e;
  if (scope.providerIds !== 'ALL' && !scope.providerIds.includes(input.providerId)) {
    c.general.push(why('EXCEPTION_PROVIDER_NOT_COVERED', providerParams(input)));
  } else if (e.kind === 'PROVIDER_AGREEMENT' && !agreementStands(e, input.standingGrantIds)) {
    c.general.push(why('EXCEPTION_AGREEMENT_WITHDRAWN', providerParams(input)));
  }
  const purposeOk =
    scope.purposeKeys.includes(input.purpose.key) &&
    (e.kind !== 'OUTSOURCING' || e.evidence?.servesPurposeKey === input.purpose.key);
  if (!purposeOk) {
    c.general.push(why('EXCEPTION_PURPOSE_NOT_COVERED', purposeParams(input.purpose)));
  }
  if (input.action === 'PROVIDE') {
    const recipientOk =
      scope.recipientId !== null &&
      scope.recipientId === input.recipientId &&
      (e.kind !== 'OUTSOURCING' || e.evidence?.recipientId === input.recipientId);
    if (!recipientOk) {
      c.general.push(
        why('EXCEPTION_RECIPIENT_NOT_COVERED', {
          scope: scope.recipientId === null ? 'INTERNAL_USE' : 'OTHER_RECIPIENT',
          ...recipientParams(input),
        }),
      );
    }
  }
  if (c.general.length > 0) return c;
  for (const category of requested) {
    const inScope =
      scope.categories.includes(category) &&
      (e.kind !== 'OUTSOURCING' || (e.evidence?.categories ?? []).includes(category));
    if (!inScope) {
      c.perCategory.set(category, { ...why('EXCEPTION_CATEGORY_NOT_COVERED', { category }), category });
      continue;
    }
    // Outsourcing helps complete a stated purpose: the data must be usable for it in the first place.
    if (e.kind === 'OUTSOURCING' && !usable.has(category)) {
      const useReason = useReasons.get(category)?.code ?? 'NO_CATEGORIES_REQUESTED';
      c.perCategory.set(category, {
        ...why('EXCEPTION_PURPOSE_BASIS_MISSING', { ...purposeParams(input.purpose), category, useReason }),
        category,
      });
      continue;
    }
    c.covered.add(category);
    c.positive.set(category, {
      ...why('EXCEPTION_APPLIES', {
        action: input.action,
        ...purposeParams(input.purpose),
        category,
        ...(input.action === 'PROVIDE' ? recipientParams(input) : {}),
      }),
      category,
    });
  }
  return c;
}
