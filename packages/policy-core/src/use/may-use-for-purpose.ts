import type { PurposeConsentState } from '../consent/consent-state.js';
import type { DecisionReasonCode } from '../decision/decision.js';
import { messageText } from '../messages/catalogue.js';
import type { MessageParams } from '../messages/format.js';
import { DATA_CATEGORIES, DATA_CATEGORY_INFO, type DataCategory } from '../vocabulary/data-categories.js';

export type PurposeFact = {
  key: string;
  /**
   * Its title, for the reasons people read (e.g. "Delivery of the society's journal"): a reason's
   * `purpose` param. Absent: the key. A consumer wording reasons in another language replaces the
   * param with the title in that language (reasons carry `purposeKey` to find it).
   */
  title?: string;
  categories: readonly DataCategory[];
  retired: boolean;
  /**
   * The policy version that last added or widened the purpose (clause 7): a grant recorded under
   * an earlier version does not cover it, because the provider agreed to less. Absent: any grant counts.
   */
  consentFromVersion?: number;
  /**
   * False for a key no policy states (one an exception names: law, a provider's agreement, a board
   * approval): nothing may be used for it on consent or as public data, only under an exception.
   * Absent: stated.
   */
  stated?: boolean;
};

/** How reasons name a purpose: `purpose` its title (the key when it has none), `purposeKey` its key. */
export function purposeParams(purpose: Pick<PurposeFact, 'key' | 'title'>): { purpose: string; purposeKey: string } {
  return { purpose: purpose.title?.trim() || purpose.key, purposeKey: purpose.key };
}

/** A purpose outside the stated ones, as the facts of a decision about it: see `PurposeFact.stated`. */
export function unstatedPurpose(key: string): PurposeFact {
  return { key, categories: [], retired: false, stated: false };
}

/**
 * A reason with its params and its English message from the catalogue (`reason.<code>`): the one
 * way policy-core words a reason, so the API and the admin can word it again in Japanese.
 */
export function reasonOf<C extends DecisionReasonCode>(
  code: C,
  params: MessageParams,
): { code: C; params: MessageParams; message: string } {
  return { code, params, message: messageText('en', `reason.${code}`, params) };
}

/** Whether a GRANTED consent was given under a version before the purpose was last added or widened. */
export function isGrantBeforePurposeChange(purpose: PurposeFact, consent: PurposeConsentState): boolean {
  return (
    purpose.consentFromVersion !== undefined &&
    (consent.policyVersion === null || consent.policyVersion < purpose.consentFromVersion)
  );
}
export type DataItemFact = { id: string; category: DataCategory; publiclyAvailable: boolean };

export const USE_REASON_CODES = [
  'CONSENT_GRANTED',
  'CONSENT_NOT_GRANTED',
  'CATEGORY_NOT_IN_PURPOSE',
  'PURPOSE_RETIRED',
  'PUBLICLY_AVAILABLE',
  'PURPOSE_NOT_STATED',
  // Added beyond the contract: a request for no data is refused rather than vacuously allowed.
  'NO_CATEGORIES_REQUESTED',
] as const;
export type UseReasonCode = (typeof USE_REASON_CODES)[number];
/**
 * Why a category may or may not be used: a stable `code`, the `params` its catalogue message
 * (`reason.<code>`, messages/) takes, and that message in English.
 */
export type UseReason = { code: UseReasonCode; params: MessageParams; message: string; category?: DataCategory };
export type UseBasis = 'CONSENT' | 'PUBLICLY_AVAILABLE';
export type UseDecision = {
  allowed: boolean;
  basis: UseBasis | null;
  permitted: DataCategory[];
  refused: DataCategory[];
  reasons: UseReason[];
};

export type MayUseInput = {
  purpose: PurposeFact;
  categories: readonly DataCategory[];
  consent: PurposeConsentState;
  items?: readonly DataItemFact[];
};

/** Categories for which at least one item was supplied and every supplied item is public. */
function publicCategories(items: readonly DataItemFact[]): Set<DataCategory> {
  const seen = new Set<DataCategory>();
  const hasPrivate = new Set<DataCategory>();
  for (const item of items) {
    seen.add(item.category);
    if (!item.publiclyAvailable) hasPrivate.add(item.category);
  }
  return new Set([...seen].filter((c) => !hasPrivate.has(c)));
}

function judge(
  category: DataCategory,
  input: MayUseInput,
  isPublic: boolean,
): { reason: UseReason; basis: UseBasis | null } {
  const { purpose, consent } = input;
  const params = { ...purposeParams(purpose), category };
  const refuse = (code: UseReasonCode, extra: MessageParams = {}): { reason: UseReason; basis: null } => ({
    basis: null,
    reason: { ...reasonOf(code, { ...params, ...extra }), category },
  });
  if (purpose.stated === false) return refuse('PURPOSE_NOT_STATED');
  if (purpose.retired) return refuse('PURPOSE_RETIRED');
  if (!purposeNeeds(purpose, category)) return refuse('CATEGORY_NOT_IN_PURPOSE');
  // A consent record for another purpose is a caller bug; treat it as no consent (fail closed).
  const stale =
    consent.state === 'GRANTED' && consent.purposeKey === purpose.key && isGrantBeforePurposeChange(purpose, consent);
  if (consent.state === 'GRANTED' && consent.purposeKey === purpose.key && !stale) {
    return { basis: 'CONSENT', reason: { ...reasonOf('CONSENT_GRANTED', params), category } };
  }
  // Policy clause 3: information the provider already made public is outside management duties,
  // so it may be used for a stated purpose without consent (still only for a purpose that needs it).
  if (isPublic) return { basis: 'PUBLICLY_AVAILABLE', reason: { ...reasonOf('PUBLICLY_AVAILABLE', params), category } };
  if (stale) {
    return refuse('CONSENT_NOT_GRANTED', {
      consent: 'OUTDATED',
      changedInVersion: purpose.consentFromVersion!,
      ...(consent.policyVersion === null ? {} : { grantedInVersion: consent.policyVersion }),
    });
  }
  return refuse('CONSENT_NOT_GRANTED', {
    consent: consent.purposeKey === purpose.key ? consent.state : 'OTHER_PURPOSE',
  });
}

/**
 * May these categories be used for this purpose on the consent basis? Allowed only when every
 * requested category is permitted; never for a purpose that is not stated (PURPOSE_NOT_STATED). Exceptions (law, outsourcing, …) are decided elsewhere.
 * Lists and reasons are in DATA_CATEGORIES order, one reason per distinct requested category.
 */
export function mayUseForPurpose(input: MayUseInput): UseDecision {
  const requested = DATA_CATEGORIES.filter((c) => input.categories.includes(c));
  if (requested.length === 0) {
    return {
      allowed: false,
      basis: null,
      permitted: [],
      refused: [],
      reasons: [reasonOf('NO_CATEGORIES_REQUESTED', {})],
    };
  }
  const isPublic = publicCategories(input.items ?? []);
  const decision: UseDecision = { allowed: false, basis: null, permitted: [], refused: [], reasons: [] };
  const bases = new Set<UseBasis>();
  for (const category of requested) {
    const { reason, basis } = judge(category, input, isPublic.has(category));
    decision.reasons.push(reason);
    if (basis === null) {
      decision.refused.push(category);
    } else {
      decision.permitted.push(category);
      bases.add(basis);
    }
  }
  decision.allowed = decision.refused.length === 0;
  // Consent covers every category of the purpose, so the bases never mix; CONSENT wins if they did.
  if (decision.allowed) decision.basis = bases.has('CONSENT') ? 'CONSENT' : 'PUBLICLY_AVAILABLE';
  return decision;
}

/**
 * Does the purpose need this category? It does when it states it, or states the category it is part
 * of (`DATA_CATEGORY_INFO[c].partOf`: a purpose that states NAME needs the name's reading too).
 * For collection and use under the purpose; never for an exception's scope, which names each category.
 */
export function purposeNeeds(purpose: Pick<PurposeFact, 'categories'>, category: DataCategory): boolean {
  if (purpose.categories.includes(category)) return true;
  const whole = DATA_CATEGORY_INFO[category]?.partOf;
  return whole !== undefined && purpose.categories.includes(whole);
}

/** The union of the categories the purposes need (`purposeNeeds`), in DATA_CATEGORIES order. */
export function categoriesNeeded(purposes: readonly PurposeFact[]): DataCategory[] {
  return DATA_CATEGORIES.filter((c) => purposes.some((p) => purposeNeeds(p, c)));
}
