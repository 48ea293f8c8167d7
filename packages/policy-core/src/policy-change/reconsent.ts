import { CONSENT_STATE_LABELS, type ConsentState } from '../vocabulary/consent.js';

/**
 * A provider's current consent to one purpose, as the re-consent rule reads it: its state and the
 * policy version it was given under (`null` when unknown). No consent recorded at all is `null`.
 */
export type ReconsentFact = { readonly state: ConsentState; readonly policyVersion: number | null };

/** Where one provider stands for one added or widened purpose under the new version. */
export type ReconsentStanding = 'COVERED' | 'NOT_ASKED' | 'GRANTED_BEFORE_VERSION' | 'REFUSED' | 'WITHDRAWN';

export type LackingReason = 'NOT_GRANTED' | 'GRANTED_BEFORE_VERSION';

export type LackingConsent = {
  providerId: string;
  state: ConsentState;
  policyVersion: number | null;
  reason: LackingReason;
  message: string;
};

function checkVersion(nextVersion: number): void {
  if (!Number.isSafeInteger(nextVersion)) throw new RangeError('`nextVersion` must be an integer.');
}

/**
 * The re-consent rule for one provider and one purpose (clause 7): only a GRANTED consent given
 * under `nextVersion` or later covers an added or widened purpose. An older grant (or one whose
 * version is unknown) covered less; refused, withdrawn and never asked cover nothing.
 */
export function reconsentStanding(consent: ReconsentFact | null, nextVersion: number): ReconsentStanding {
  if (consent === null) return 'NOT_ASKED';
  switch (consent.state) {
    case 'GRANTED':
      return consent.policyVersion !== null && consent.policyVersion >= nextVersion
        ? 'COVERED'
        : 'GRANTED_BEFORE_VERSION';
    case 'REFUSED':
      return 'REFUSED';
    case 'WITHDRAWN':
      return 'WITHDRAWN';
    case 'NOT_ASKED':
      return 'NOT_ASKED';
  }
}

/**
 * The only consent that covers a purpose under `nextVersion`, stated as facts: a store looking for
 * the providers who lack it may skip rows with this state given under this version or later (and
 * must still let `lackingConsent` judge the rest).
 */
export function reconsentCover(nextVersion: number): { state: 'GRANTED'; fromPolicyVersion: number } {
  checkVersion(nextVersion);
  return { state: 'GRANTED', fromPolicyVersion: nextVersion };
}

/**
 * Whether one provider lacks consent to `purposeKey` under `nextVersion`, why, and in words;
 * `null` when their consent covers it.
 */
export function lackingConsent(input: {
  providerId: string;
  purposeKey: string;
  consent: ReconsentFact | null;
  nextVersion: number;
}): LackingConsent | null {
  checkVersion(input.nextVersion);
  const standing = reconsentStanding(input.consent, input.nextVersion);
  if (standing === 'COVERED') return null;
  const state = input.consent?.state ?? 'NOT_ASKED';
  const policyVersion = input.consent?.policyVersion ?? null;
  const reason: LackingReason = standing === 'GRANTED_BEFORE_VERSION' ? 'GRANTED_BEFORE_VERSION' : 'NOT_GRANTED';
  const message =
    reason === 'NOT_GRANTED'
      ? `Consent to "${input.purposeKey}" is ${CONSENT_STATE_LABELS[state].en.toLowerCase()}.`
      : `Consent to "${input.purposeKey}" was granted under version ${policyVersion ?? 'unknown'}, before version ${input.nextVersion}.`;
  return { providerId: input.providerId, state, policyVersion, reason, message };
}

/** How many providers stand where for one added or widened purpose. */
export type ReconsentCounts = {
  covered: number;
  /** Every provider not covered: `notAsked + grantedBeforeVersion + refused + withdrawn`. */
  lacking: number;
  notAsked: number;
  grantedBeforeVersion: number;
  refused: number;
  withdrawn: number;
};

/** Providers who share one consent to a purpose (`null`: none recorded), and how many they are. */
export type ReconsentGroup = { readonly consent: ReconsentFact | null; readonly providers: number };

export type ReconsentCountInput = {
  /** The number of the new policy version. */
  nextVersion: number;
  /** How many providers there are. */
  providers: number;
  /**
   * The purposes the version adds or widens, in the order their counts are wanted, each with its
   * providers grouped by their consent to it; providers in no group have none recorded.
   */
  purposes: readonly { readonly key: string; readonly groups: readonly ReconsentGroup[] }[];
  /**
   * How many providers have, for every one of the purposes, the consent `reconsentCover(nextVersion)`
   * names: a store counts them without loading anyone; this rule says which consent that is.
   */
  coveredForAll: number;
};

export type ReconsentCount = {
  purposes: ({ key: string } & ReconsentCounts)[];
  providers: number;
  /** Providers lacking consent for at least one of the purposes. */
  providersToAsk: number;
  /** (provider, purpose) pairs lacking consent. */
  consentsMissing: number;
};

/** Which count a standing adds to (every one but COVERED is also lacking). */
const COUNTED_AS: Readonly<Record<ReconsentStanding, Exclude<keyof ReconsentCounts, 'lacking'>>> = {
  COVERED: 'covered',
  NOT_ASKED: 'notAsked',
  GRANTED_BEFORE_VERSION: 'grantedBeforeVersion',
  REFUSED: 'refused',
  WITHDRAWN: 'withdrawn',
};

function checkCount(n: number, name: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative integer.`);
}

/**
 * `reconsentImpact`'s counts from grouped facts instead of one entry per provider, so a store can
 * count a million providers without loading them: per purpose it groups the providers by their
 * consent, and this classifies each group by `reconsentStanding` and adds them up.
 * Throws a RangeError when a key repeats, a count is not a non-negative integer, a purpose's groups
 * hold more providers than there are, or `coveredForAll` exceeds a purpose's covered count.
 */
export function countReconsent(input: ReconsentCountInput): ReconsentCount {
  checkVersion(input.nextVersion);
  checkCount(input.providers, '`providers`');
  checkCount(input.coveredForAll, '`coveredForAll`');
  if (new Set(input.purposes.map((p) => p.key)).size !== input.purposes.length)
    throw new RangeError('`purposes` repeats a key.');
  const purposes = input.purposes.map(({ key, groups }) => {
    const c = { covered: 0, notAsked: 0, grantedBeforeVersion: 0, refused: 0, withdrawn: 0 };
    let grouped = 0;
    for (const group of groups) {
      checkCount(group.providers, 'A group’s `providers`');
      grouped += group.providers;
      c[COUNTED_AS[reconsentStanding(group.consent, input.nextVersion)]] += group.providers;
    }
    if (grouped > input.providers) throw new RangeError(`The groups of "${key}" hold more providers than there are.`);
    if (input.coveredForAll > c.covered)
      throw new RangeError(`\`coveredForAll\` exceeds the providers covered for "${key}".`);
    c.notAsked += input.providers - grouped;
    return { key, ...c, lacking: input.providers - c.covered };
  });
  return {
    purposes,
    providers: input.providers,
    providersToAsk: purposes.length ? input.providers - input.coveredForAll : 0,
    consentsMissing: purposes.reduce((s, p) => s + p.lacking, 0),
  };
}
