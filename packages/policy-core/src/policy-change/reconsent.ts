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

/**
 * Providers who share one combination of consents: `consents[i]` is their consent to
 * `purposeKeys[i]` (`null`: none recorded), `providers` how many they are.
 */
export type ReconsentGroup = { readonly consents: readonly (ReconsentFact | null)[]; readonly providers: number };

export type ReconsentCountInput = {
  /** The number of the new policy version. */
  nextVersion: number;
  /** The purposes the version adds or widens, in the order their counts are wanted. */
  purposeKeys: readonly string[];
  /** How many providers there are; those in no group have no consent recorded to any of the purposes. */
  providers: number;
  groups: readonly ReconsentGroup[];
};

export type ReconsentCount = {
  purposes: ({ key: string } & ReconsentCounts)[];
  providers: number;
  /** Providers lacking consent for at least one of the purposes. */
  providersToAsk: number;
  /** (provider, purpose) pairs lacking consent. */
  consentsMissing: number;
};

function checkCount(n: number, name: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative integer.`);
}

/**
 * `reconsentImpact`'s counts from grouped facts instead of one entry per provider, so a store can
 * count a million providers without loading them: it groups providers by their consents to the
 * affected purposes, and this classifies each group by `reconsentStanding` and adds them up.
 * Throws a RangeError when a key repeats, a count is not a non-negative integer, a group does not
 * give one consent per purpose, or the groups hold more providers than there are.
 */
export function countReconsent(input: ReconsentCountInput): ReconsentCount {
  checkVersion(input.nextVersion);
  checkCount(input.providers, '`providers`');
  const width = input.purposeKeys.length;
  if (new Set(input.purposeKeys).size !== width) throw new RangeError('`purposeKeys` repeats a key.');
  const counts: ReconsentCounts[] = input.purposeKeys.map(() => ({
    covered: 0,
    lacking: 0,
    notAsked: 0,
    grantedBeforeVersion: 0,
    refused: 0,
    withdrawn: 0,
  }));
  let grouped = 0;
  let providersToAsk = 0;
  for (const group of input.groups) {
    checkCount(group.providers, 'A group’s `providers`');
    if (group.consents.length !== width) throw new RangeError('A group must give one consent per purpose key.');
    grouped += group.providers;
    let ask = false;
    group.consents.forEach((consent, i) => {
      const c = counts[i]!;
      switch (reconsentStanding(consent, input.nextVersion)) {
        case 'COVERED':
          c.covered += group.providers;
          return;
        case 'NOT_ASKED':
          c.notAsked += group.providers;
          break;
        case 'GRANTED_BEFORE_VERSION':
          c.grantedBeforeVersion += group.providers;
          break;
        case 'REFUSED':
          c.refused += group.providers;
          break;
        case 'WITHDRAWN':
          c.withdrawn += group.providers;
          break;
      }
      ask = true;
    });
    if (ask) providersToAsk += group.providers;
  }
  if (grouped > input.providers) throw new RangeError('The groups hold more providers than `providers`.');
  const ungrouped = input.providers - grouped;
  if (width > 0) providersToAsk += ungrouped;
  const purposes = input.purposeKeys.map((key, i) => {
    const c = counts[i]!;
    c.notAsked += ungrouped;
    return { key, ...c, lacking: input.providers - c.covered };
  });
  return {
    purposes,
    providers: input.providers,
    providersToAsk,
    consentsMissing: purposes.reduce((s, p) => s + p.lacking, 0),
  };
}
