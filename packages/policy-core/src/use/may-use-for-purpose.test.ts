import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PurposeConsentState } from '../consent/consent-state.js';
import { CONSENT_STATES, type ConsentState } from '../vocabulary/consent.js';
import { DATA_CATEGORIES, type DataCategory } from '../vocabulary/data-categories.js';
import {
  categoriesNeeded,
  purposeNeeds,
  mayUseForPurpose,
  unstatedPurpose,
  type DataItemFact,
  type MayUseInput,
  type PurposeFact,
} from './may-use-for-purpose.js';

function buildPurpose(overrides: Partial<PurposeFact> = {}): PurposeFact {
  return {
    key: 'journal-delivery',
    categories: ['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS'],
    retired: false,
    ...overrides,
  };
}

function buildConsent(state: ConsentState, purposeKey = 'journal-delivery'): PurposeConsentState {
  return state === 'NOT_ASKED'
    ? { purposeKey, state, since: null, policyVersion: null, eventId: null }
    : { purposeKey, state, since: new Date(Date.UTC(2025, 0, 1)), policyVersion: 1, eventId: 'e1' };
}

function decide(overrides: Partial<MayUseInput> = {}) {
  return mayUseForPurpose({
    purpose: buildPurpose(),
    categories: ['NAME', 'POSTAL_ADDRESS'],
    consent: buildConsent('GRANTED'),
    ...overrides,
  });
}

const item = (
  category: DataCategory,
  publiclyAvailable: boolean,
  id = `${category}-${publiclyAvailable}`,
): DataItemFact => ({
  id,
  category,
  publiclyAvailable,
});

describe('mayUseForPurpose', () => {
  it('allows needed categories on the consent basis when consent is granted', () => {
    const d = decide();
    expect(d).toMatchObject({ allowed: true, basis: 'CONSENT', permitted: ['NAME', 'POSTAL_ADDRESS'], refused: [] });
    expect(d.reasons.map((r) => [r.code, r.category])).toEqual([
      ['CONSENT_GRANTED', 'NAME'],
      ['CONSENT_GRANTED', 'POSTAL_ADDRESS'],
    ]);
  });

  it.each(CONSENT_STATES.filter((s) => s !== 'GRANTED'))('refuses everything when consent is %s', (state) => {
    const d = decide({ consent: buildConsent(state) });
    expect(d).toMatchObject({ allowed: false, basis: null, permitted: [], refused: ['NAME', 'POSTAL_ADDRESS'] });
    expect(d.reasons.every((r) => r.code === 'CONSENT_NOT_GRANTED')).toBe(true);
    expect(d.reasons[0]?.params).toMatchObject({ consent: state, purposeKey: 'journal-delivery', category: 'NAME' });
    expect(d.reasons[0]?.message).toContain(state === 'NOT_ASKED' ? 'not been asked' : state.toLowerCase());
  });

  it('refuses a category the purpose does not need, and so the whole request', () => {
    const d = decide({ categories: ['EMAIL', 'NAME'] });
    expect(d).toMatchObject({ allowed: false, basis: null, permitted: ['NAME'], refused: ['EMAIL'] });
    expect(d.reasons).toContainEqual({
      code: 'CATEGORY_NOT_IN_PURPOSE',
      category: 'EMAIL',
      params: { purpose: 'journal-delivery', purposeKey: 'journal-delivery', category: 'EMAIL' },
      message: 'The purpose "journal-delivery" does not need E-mail address.',
    });
  });

  it('refuses every category of a retired purpose, even with consent and public items', () => {
    const d = decide({ purpose: buildPurpose({ retired: true }), items: [item('NAME', true)] });
    expect(d).toMatchObject({ allowed: false, permitted: [], refused: ['NAME', 'POSTAL_ADDRESS'] });
    expect(d.reasons.map((r) => r.code)).toEqual(['PURPOSE_RETIRED', 'PURPOSE_RETIRED']);
  });

  it('does not count a grant recorded before the version that added or widened the purpose (clause 7)', () => {
    const widened = buildPurpose({ consentFromVersion: 2 });
    const before = decide({ purpose: widened });
    expect(before.allowed).toBe(false);
    expect(before.reasons[0]).toMatchObject({
      code: 'CONSENT_NOT_GRANTED',
      params: { consent: 'OUTDATED', changedInVersion: 2, grantedInVersion: 1 },
      message: expect.stringContaining('must be granted again'),
    });
    expect(decide({ purpose: widened, consent: { ...buildConsent('GRANTED'), policyVersion: 2 } }).allowed).toBe(true);
    expect(decide({ purpose: buildPurpose({ consentFromVersion: 1 }) }).allowed).toBe(true);
    // Public items still count without consent.
    const items = [{ id: 'i', category: 'NAME' as const, publiclyAvailable: true }];
    expect(decide({ purpose: widened, categories: ['NAME'], items }).basis).toBe('PUBLICLY_AVAILABLE');
  });

  it('treats a consent recorded for another purpose as no consent', () => {
    const d = decide({ consent: buildConsent('GRANTED', 'newsletter') });
    expect(d.allowed).toBe(false);
    expect(d.reasons[0]).toMatchObject({
      code: 'CONSENT_NOT_GRANTED',
      params: { consent: 'OTHER_PURPOSE', purposeKey: 'journal-delivery' },
      message: 'The consent supplied is for another purpose, not for "journal-delivery".',
    });
  });

  it('refuses every category for a purpose that is not stated, consent and public items notwithstanding', () => {
    const d = decide({
      purpose: { ...unstatedPurpose('TAX_INQUIRY_2026'), categories: ['NAME'] },
      categories: ['NAME', 'EMAIL'],
      consent: buildConsent('GRANTED', 'TAX_INQUIRY_2026'),
      items: [{ id: 'i1', category: 'NAME', publiclyAvailable: true }],
    });
    expect(d).toMatchObject({ allowed: false, basis: null, permitted: [], refused: ['NAME', 'EMAIL'] });
    expect(d.reasons).toEqual([
      {
        code: 'PURPOSE_NOT_STATED',
        category: 'NAME',
        params: { purpose: 'TAX_INQUIRY_2026', purposeKey: 'TAX_INQUIRY_2026', category: 'NAME' },
        message: '"TAX_INQUIRY_2026" is not a stated purpose: only a permitted exception in effect can allow it.',
      },
      {
        code: 'PURPOSE_NOT_STATED',
        category: 'EMAIL',
        params: { purpose: 'TAX_INQUIRY_2026', purposeKey: 'TAX_INQUIRY_2026', category: 'EMAIL' },
        message: '"TAX_INQUIRY_2026" is not a stated purpose: only a permitted exception in effect can allow it.',
      },
    ]);
    expect(unstatedPurpose('X')).toEqual({ key: 'X', categories: [], retired: false, stated: false });
    // Absent means stated.
    expect(decide({ purpose: buildPurpose({ stated: true }) }).allowed).toBe(true);
  });

  it('refuses an empty request instead of allowing it vacuously', () => {
    expect(decide({ categories: [] })).toEqual({
      allowed: false,
      basis: null,
      permitted: [],
      refused: [],
      reasons: [{ code: 'NO_CATEGORIES_REQUESTED', params: {}, message: 'No data categories were requested.' }],
    });
  });

  it('de-duplicates and orders categories as in DATA_CATEGORIES', () => {
    const d = decide({ categories: ['POSTAL_ADDRESS', 'NAME', 'POSTAL_ADDRESS'] });
    expect(d.permitted).toEqual(['NAME', 'POSTAL_ADDRESS']);
    expect(d.reasons).toHaveLength(2);
  });

  describe('publicly available items (policy clause 3)', () => {
    const noConsent = { consent: buildConsent('NOT_ASKED') };

    it('permits a category without consent when every supplied item of it is public', () => {
      const d = decide({
        ...noConsent,
        items: [item('NAME', true, 'a'), item('NAME', true, 'b'), item('POSTAL_ADDRESS', true)],
      });
      expect(d).toMatchObject({ allowed: true, basis: 'PUBLICLY_AVAILABLE', permitted: ['NAME', 'POSTAL_ADDRESS'] });
      expect(d.reasons.map((r) => r.code)).toEqual(['PUBLICLY_AVAILABLE', 'PUBLICLY_AVAILABLE']);
    });

    it('does not permit a category when one of its items is not public', () => {
      const d = decide({
        ...noConsent,
        categories: ['NAME'],
        items: [item('NAME', true, 'a'), item('NAME', false, 'b')],
      });
      expect(d).toMatchObject({ allowed: false, refused: ['NAME'] });
    });

    it('does not permit a category with no supplied items', () => {
      const d = decide({ ...noConsent, items: [item('NAME', true)] });
      expect(d).toMatchObject({ allowed: false, permitted: ['NAME'], refused: ['POSTAL_ADDRESS'] });
      expect(d.reasons.map((r) => r.code)).toEqual(['PUBLICLY_AVAILABLE', 'CONSENT_NOT_GRANTED']);
    });

    it('still needs the purpose to need the category', () => {
      const d = decide({ ...noConsent, categories: ['EMAIL'], items: [item('EMAIL', true)] });
      expect(d.reasons[0]?.code).toBe('CATEGORY_NOT_IN_PURPOSE');
    });

    it('prefers the consent basis when consent is granted', () => {
      const d = decide({ items: [item('NAME', true), item('POSTAL_ADDRESS', true)] });
      expect(d.basis).toBe('CONSENT');
      expect(d.reasons.every((r) => r.code === 'CONSENT_GRANTED')).toBe(true);
    });
  });

  it('allows exactly when nothing is refused, and splits requested categories', () => {
    const arb = fc.record({
      needed: fc.subarray([...DATA_CATEGORIES]),
      requested: fc.array(fc.constantFrom(...DATA_CATEGORIES), { maxLength: 12 }),
      state: fc.constantFrom(...CONSENT_STATES),
      retired: fc.boolean(),
      items: fc.array(fc.record({ category: fc.constantFrom(...DATA_CATEGORIES), publiclyAvailable: fc.boolean() }), {
        maxLength: 8,
      }),
    });
    fc.assert(
      fc.property(arb, ({ needed, requested, state, retired, items }) => {
        const d = mayUseForPurpose({
          purpose: buildPurpose({ categories: needed, retired }),
          categories: requested,
          consent: buildConsent(state),
          items: items.map((it, i) => ({ ...it, id: `i${i}` })),
        });
        const distinct = DATA_CATEGORIES.filter((c) => requested.includes(c));
        expect([...d.permitted, ...d.refused].sort()).toEqual([...distinct].sort());
        expect(d.allowed).toBe(distinct.length > 0 && d.refused.length === 0);
        expect(d.basis === null).toBe(!d.allowed);
        for (const c of d.permitted) expect(purposeNeeds({ categories: needed }, c) && !retired).toBe(true);
      }),
    );
  });
});

describe('categoriesNeeded', () => {
  it('is empty for no purposes', () => {
    expect(categoriesNeeded([])).toEqual([]);
  });

  it('returns the union in DATA_CATEGORIES order', () => {
    const purposes = [
      buildPurpose({ categories: ['POSTAL_ADDRESS', 'NAME'] }),
      buildPurpose({ key: 'newsletter', categories: ['EMAIL', 'NAME'] }),
    ];
    expect(categoriesNeeded(purposes)).toEqual(['NAME', 'NAME_READING', 'POSTAL_ADDRESS', 'EMAIL']);
  });
});

describe('purposeNeeds', () => {
  it('needs what the purpose states, and the reading wherever it states the name', () => {
    const postal = buildPurpose({ categories: ['NAME', 'POSTAL_ADDRESS'] });
    expect(purposeNeeds(postal, 'POSTAL_ADDRESS')).toBe(true);
    expect(purposeNeeds(postal, 'NAME_READING')).toBe(true);
    expect(purposeNeeds(postal, 'EMAIL')).toBe(false);
    expect(purposeNeeds(buildPurpose({ categories: ['EMAIL'] }), 'NAME_READING')).toBe(false);
    // The part never brings the whole: a purpose stating only the reading does not need the name.
    expect(purposeNeeds(buildPurpose({ categories: ['NAME_READING'] }), 'NAME')).toBe(false);
  });
});
