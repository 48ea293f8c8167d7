import type { PurposeConsentState } from '../consent/consent-state.js';
import type { PurposeFact } from '../use/may-use-for-purpose.js';
import { DATA_CATEGORIES, type DataCategory } from '../vocabulary/data-categories.js';
import { lackingConsent, reconsentStanding, type LackingConsent } from './reconsent.js';

export type PurposeChanges = {
  /** Active in `next` but absent or retired in `current` (new, or brought back). */
  added: string[];
  /** Active in both; `next` needs categories `current` did not. */
  widened: { key: string; addedCategories: DataCategory[] }[];
  /** Active in both; `next` no longer needs some categories. A purpose can be widened and narrowed at once. */
  narrowed: { key: string; removedCategories: DataCategory[] }[];
  /** Active in `current`, retired or absent in `next`. */
  retired: string[];
  /** Active in both with the same categories. */
  unchanged: string[];
};

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byKey(purposes: readonly PurposeFact[], name: string): Map<string, PurposeFact> {
  const map = new Map<string, PurposeFact>();
  for (const p of purposes) {
    if (map.has(p.key)) throw new RangeError(`Purpose "${p.key}" appears twice in \`${name}\`.`);
    map.set(p.key, p);
  }
  return map;
}

/**
 * What a new policy version changes about the purposes of use. Keys in each list are in
 * code-unit order; categories in DATA_CATEGORIES order. Purposes retired in both versions are not
 * listed. Throws a RangeError when a list repeats a key.
 */
export function purposeChanges(current: readonly PurposeFact[], next: readonly PurposeFact[]): PurposeChanges {
  const before = byKey(current, 'current');
  const after = byKey(next, 'next');
  const result: PurposeChanges = { added: [], widened: [], narrowed: [], retired: [], unchanged: [] };
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort(compareStrings);
  for (const key of keys) {
    const a = before.get(key);
    const b = after.get(key);
    const wasActive = a !== undefined && !a.retired;
    const isActive = b !== undefined && !b.retired;
    if (!wasActive && isActive) result.added.push(key);
    else if (wasActive && !isActive) result.retired.push(key);
    else if (wasActive && isActive) {
      const addedCategories = DATA_CATEGORIES.filter((c) => b.categories.includes(c) && !a.categories.includes(c));
      const removedCategories = DATA_CATEGORIES.filter((c) => a.categories.includes(c) && !b.categories.includes(c));
      if (addedCategories.length > 0) result.widened.push({ key, addedCategories });
      if (removedCategories.length > 0) result.narrowed.push({ key, removedCategories });
      if (addedCategories.length === 0 && removedCategories.length === 0) result.unchanged.push(key);
    }
  }
  return result;
}

export type ProviderConsents = {
  providerId: string;
  consents: ReadonlyMap<string, PurposeConsentState> | readonly PurposeConsentState[];
};

export type ReconsentInput = {
  current: readonly PurposeFact[];
  next: readonly PurposeFact[];
  /** The number of the new policy version. */
  nextVersion: number;
  providers: readonly ProviderConsents[];
};

export type PurposeImpact = {
  key: string;
  change: 'ADDED' | 'WIDENED';
  /** For ADDED, every category the purpose needs; for WIDENED, the new ones. */
  addedCategories: DataCategory[];
  /** Providers who must be asked (again) before the purpose may be used for them, in input order. */
  lacking: LackingConsent[];
  /** Providers whose consent already covers the new version, in input order. */
  covered: string[];
};

export type ReconsentImpact = {
  nextVersion: number;
  changes: PurposeChanges;
  /** Added purposes, then widened ones, each in key order. */
  purposes: PurposeImpact[];
  summary: {
    /** Purposes added or widened. */
    purposesAffected: number;
    providers: number;
    /** Providers lacking consent for at least one affected purpose. */
    providersToAsk: number;
    /** (provider, purpose) pairs lacking consent. */
    consentsMissing: number;
  };
};

/** The consents to `key`; several entries for one key (a caller bug) must all qualify. */
function consentsFor(consents: ProviderConsents['consents'], key: string): PurposeConsentState[] {
  if (Array.isArray(consents)) return (consents as readonly PurposeConsentState[]).filter((c) => c.purposeKey === key);
  const found = (consents as ReadonlyMap<string, PurposeConsentState>).get(key);
  return found === undefined ? [] : [found];
}

/**
 * The consent that decides: the first entry that is not a grant, else the first grant given
 * before `nextVersion`, else the first (covering) one; `null` when there is none.
 */
function deciding(states: PurposeConsentState[], key: string, nextVersion: number): PurposeConsentState | null {
  // A Map entry recorded for another purpose is no consent (fail closed, as in mayUseForPurpose).
  const relevant = states.filter((s) => s.purposeKey === key);
  const standing = (s: PurposeConsentState) => reconsentStanding(s, nextVersion);
  return (
    relevant.find((s) => standing(s) !== 'COVERED' && standing(s) !== 'GRANTED_BEFORE_VERSION') ??
    relevant.find((s) => standing(s) === 'GRANTED_BEFORE_VERSION') ??
    relevant[0] ??
    null
  );
}

/**
 * Who must be asked for consent again because of a new policy version. Clause 7: a change takes
 * effect at once and governs all information already collected, so an added or widened purpose may
 * not be used for anyone until they consent to it under the new version.
 *
 * A provider lacks consent for an affected purpose unless their consent to it is GRANTED with
 * `policyVersion >= nextVersion`. An older grant does not count: for a widened purpose it covered
 * fewer categories, and for an added key it can only be a grant to an earlier (retired) purpose of
 * the same key. Narrowed, retired and unchanged purposes need no new consent.
 * Throws a RangeError when a provider id repeats or a purpose list repeats a key.
 */
export function reconsentImpact(input: ReconsentInput): ReconsentImpact {
  if (!Number.isSafeInteger(input.nextVersion)) throw new RangeError('`nextVersion` must be an integer.');
  const ids = new Set<string>();
  for (const p of input.providers) {
    if (ids.has(p.providerId)) throw new RangeError(`Provider "${p.providerId}" appears twice.`);
    ids.add(p.providerId);
  }
  const changes = purposeChanges(input.current, input.next);
  const nextPurposes = new Map(input.next.map((p) => [p.key, p]));
  const affected: { key: string; change: 'ADDED' | 'WIDENED'; addedCategories: DataCategory[] }[] = [
    ...changes.added.map((key) => ({
      key,
      change: 'ADDED' as const,
      addedCategories: DATA_CATEGORIES.filter((c) => nextPurposes.get(key)!.categories.includes(c)),
    })),
    ...changes.widened.map((w) => ({ key: w.key, change: 'WIDENED' as const, addedCategories: w.addedCategories })),
  ];
  const toAsk = new Set<string>();
  let consentsMissing = 0;
  const purposes = affected.map((a): PurposeImpact => {
    const impact: PurposeImpact = { ...a, lacking: [], covered: [] };
    for (const provider of input.providers) {
      const lacking = lackingConsent({
        providerId: provider.providerId,
        purposeKey: a.key,
        consent: deciding(consentsFor(provider.consents, a.key), a.key, input.nextVersion),
        nextVersion: input.nextVersion,
      });
      if (lacking === null) {
        impact.covered.push(provider.providerId);
        continue;
      }
      impact.lacking.push(lacking);
      toAsk.add(provider.providerId);
      consentsMissing += 1;
    }
    return impact;
  });
  return {
    nextVersion: input.nextVersion,
    changes,
    purposes,
    summary: {
      purposesAffected: purposes.length,
      providers: input.providers.length,
      providersToAsk: toAsk.size,
      consentsMissing,
    },
  };
}
