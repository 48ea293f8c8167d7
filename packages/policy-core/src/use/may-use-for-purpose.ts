import type { PurposeConsentState } from '../consent/consent-state.js';
import { CONSENT_STATE_LABELS } from '../vocabulary/consent.js';
import { DATA_CATEGORIES, DATA_CATEGORY_INFO, type DataCategory } from '../vocabulary/data-categories.js';

export type PurposeFact = {
  key: string;
  /** Its title, for the reasons people read (e.g. "Delivery of the society's journal"). Absent: the key. */
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

/** How reasons name a purpose: its title with its key, or the key alone. */
export function purposeLabel(purpose: Pick<PurposeFact, 'key' | 'title'>): string {
  const title = purpose.title?.trim();
  return title ? `"${title}" (${purpose.key})` : `"${purpose.key}"`;
}

/** A purpose outside the stated ones, as the facts of a decision about it: see `PurposeFact.stated`. */
export function unstatedPurpose(key: string): PurposeFact {
  return { key, categories: [], retired: false, stated: false };
}

/** Why nothing may be used for a purpose outside the stated ones without an exception. */
export function notStatedMessage(purpose: Pick<PurposeFact, 'key' | 'title'>): string {
  return `${purposeLabel(purpose)} is not a stated purpose: only a permitted exception in effect can allow it.`;
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
export type UseReason = { code: UseReasonCode; message: string; category?: DataCategory };
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
  const label = DATA_CATEGORY_INFO[category].label.en;
  if (purpose.stated === false) {
    return { basis: null, reason: { code: 'PURPOSE_NOT_STATED', category, message: notStatedMessage(purpose) } };
  }
  if (purpose.retired) {
    return {
      basis: null,
      reason: { code: 'PURPOSE_RETIRED', category, message: `Purpose ${purposeLabel(purpose)} is retired.` },
    };
  }
  if (!purposeNeeds(purpose, category)) {
    return {
      basis: null,
      reason: {
        code: 'CATEGORY_NOT_IN_PURPOSE',
        category,
        message: `Purpose ${purposeLabel(purpose)} does not need ${label}.`,
      },
    };
  }
  // A consent record for another purpose is a caller bug; treat it as no consent (fail closed).
  const stale =
    consent.state === 'GRANTED' && consent.purposeKey === purpose.key && isGrantBeforePurposeChange(purpose, consent);
  if (consent.state === 'GRANTED' && consent.purposeKey === purpose.key && !stale) {
    return {
      basis: 'CONSENT',
      reason: { code: 'CONSENT_GRANTED', category, message: `Consent to ${purposeLabel(purpose)} is granted.` },
    };
  }
  // Policy clause 3: information the provider already made public is outside management duties,
  // so it may be used for a stated purpose without consent (still only for a purpose that needs it).
  if (isPublic) {
    return {
      basis: 'PUBLICLY_AVAILABLE',
      reason: { code: 'PUBLICLY_AVAILABLE', category, message: `${label} was made public by the provider.` },
    };
  }
  if (stale) {
    return {
      basis: null,
      reason: {
        code: 'CONSENT_NOT_GRANTED',
        category,
        message: `Consent to ${purposeLabel(purpose)} was granted under policy version ${consent.policyVersion ?? 'unknown'}; version ${purpose.consentFromVersion} changed the purpose, so it must be granted again.`,
      },
    };
  }
  const state =
    consent.purposeKey === purpose.key
      ? CONSENT_STATE_LABELS[consent.state].en.toLowerCase()
      : `recorded for "${consent.purposeKey}"`;
  return {
    basis: null,
    reason: { code: 'CONSENT_NOT_GRANTED', category, message: `Consent to ${purposeLabel(purpose)} is ${state}.` },
  };
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
      reasons: [{ code: 'NO_CATEGORIES_REQUESTED', message: 'No data categories were requested.' }],
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
