import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COOKIE_CATEGORIES,
  COOKIE_CATEGORY_INFO,
  COOKIE_CATEGORY_RULES,
  isCookieCategory,
  type CookieChoice,
} from './cookie-categories.js';
import {
  acceptAllCookieChoice,
  applyGpc,
  defaultCookieChoice,
  gpcForcesOff,
  isChoiceExpired,
  validateCookieChoice,
} from './cookie-choice.js';

const allOn: CookieChoice = { STRICTLY_NECESSARY: true, FUNCTIONAL: true, ANALYTICS: true, MARKETING: true };

describe('cookie categories', () => {
  it('labels every category and requires only STRICTLY_NECESSARY', () => {
    expect(Object.keys(COOKIE_CATEGORY_INFO)).toEqual([...COOKIE_CATEGORIES]);
    expect(COOKIE_CATEGORIES.filter((c) => COOKIE_CATEGORY_INFO[c].required)).toEqual(['STRICTLY_NECESSARY']);
    expect(COOKIE_CATEGORY_INFO.MARKETING.label.ja).toBe('マーケティング');
    expect(isCookieCategory('ANALYTICS')).toBe(true);
    expect(isCookieCategory('analytics')).toBe(false);
  });

  it('gives each category its rules with its texts, and rules alone (what the banner bundles)', () => {
    expect(Object.keys(COOKIE_CATEGORY_RULES)).toEqual([...COOKIE_CATEGORIES]);
    for (const c of COOKIE_CATEGORIES) {
      const { label: _label, description: _description, ...rules } = COOKIE_CATEGORY_INFO[c];
      expect(rules).toEqual(COOKIE_CATEGORY_RULES[c]);
    }
    expect(COOKIE_CATEGORIES.filter((c) => COOKIE_CATEGORY_RULES[c].gpcOptOut)).toEqual(['ANALYTICS', 'MARKETING']);
  });
});

describe('defaultCookieChoice', () => {
  it('is opt-in: only the necessary category is on, with or without GPC', () => {
    const expected = { STRICTLY_NECESSARY: true, FUNCTIONAL: false, ANALYTICS: false, MARKETING: false };
    for (const gpc of [true, false]) {
      for (const honoursGpc of [true, false]) expect(defaultCookieChoice({ gpc, honoursGpc })).toEqual(expected);
    }
    expect(validateCookieChoice(defaultCookieChoice({ gpc: false, honoursGpc: true }))).toEqual({ ok: true });
  });
});

describe('acceptAllCookieChoice', () => {
  it('turns every category on, except what an honoured GPC signal keeps off', () => {
    expect(acceptAllCookieChoice({ gpc: false, honoursGpc: true })).toEqual(allOn);
    expect(acceptAllCookieChoice({ gpc: true, honoursGpc: false })).toEqual(allOn);
    expect(acceptAllCookieChoice({ gpc: true, honoursGpc: true })).toEqual({
      STRICTLY_NECESSARY: true,
      FUNCTIONAL: true,
      ANALYTICS: false,
      MARKETING: false,
    });
    expect(validateCookieChoice(acceptAllCookieChoice({ gpc: true, honoursGpc: true }))).toEqual({ ok: true });
  });
});

describe('gpcForcesOff', () => {
  it('only with the signal sent and honoured, and only for ANALYTICS and MARKETING', () => {
    const forced = (gpc: boolean, honoursGpc: boolean) =>
      COOKIE_CATEGORIES.filter((c) => gpcForcesOff(c, { gpc, honoursGpc }));
    expect(forced(true, true)).toEqual(['ANALYTICS', 'MARKETING']);
    expect(forced(true, false)).toEqual([]);
    expect(forced(false, true)).toEqual([]);
    expect(forced(false, false)).toEqual([]);
  });
});

describe('applyGpc', () => {
  it('forces ANALYTICS and MARKETING off where honoured, leaving FUNCTIONAL', () => {
    expect(applyGpc(allOn, { gpc: true, honoursGpc: true })).toEqual({
      STRICTLY_NECESSARY: true,
      FUNCTIONAL: true,
      ANALYTICS: false,
      MARKETING: false,
    });
    expect(applyGpc(allOn, { gpc: true, honoursGpc: false })).toEqual(allOn);
    expect(applyGpc(allOn, { gpc: false, honoursGpc: true })).toEqual(allOn);
  });

  it('returns a copy', () => {
    const out = applyGpc(allOn, { gpc: false, honoursGpc: false });
    expect(out).not.toBe(allOn);
  });

  const choice = fc.record({
    STRICTLY_NECESSARY: fc.boolean(),
    FUNCTIONAL: fc.boolean(),
    ANALYTICS: fc.boolean(),
    MARKETING: fc.boolean(),
  });
  const signal = fc.record({ gpc: fc.boolean(), honoursGpc: fc.boolean() });

  it('property: idempotent and never turns a category on', () => {
    fc.assert(
      fc.property(choice, signal, (c, s) => {
        const once = applyGpc(c, s);
        expect(applyGpc(once, s)).toEqual(once);
        for (const k of COOKIE_CATEGORIES) if (once[k]) expect(c[k]).toBe(true);
        expect(once.STRICTLY_NECESSARY).toBe(c.STRICTLY_NECESSARY);
        expect(once.FUNCTIONAL).toBe(c.FUNCTIONAL);
        if (s.gpc && s.honoursGpc) expect([once.ANALYTICS, once.MARKETING]).toEqual([false, false]);
      }),
    );
  });
});

describe('validateCookieChoice', () => {
  const issues = (x: unknown) => {
    const v = validateCookieChoice(x);
    return v.ok ? [] : v.issues.map((i) => `${i.field}:${i.code}`);
  };

  it('accepts a complete choice with the necessary category on', () => {
    expect(issues(allOn)).toEqual([]);
  });

  it('reports refusal of necessary, missing, non-boolean and unknown categories in order', () => {
    expect(
      issues({ STRICTLY_NECESSARY: false, ANALYTICS: 'yes', MARKETING: false, zeta: true, ADVERTISING: true }),
    ).toEqual([
      'STRICTLY_NECESSARY:REQUIRED_CATEGORY_REFUSED',
      'FUNCTIONAL:REQUIRED',
      'ANALYTICS:INVALID_VALUE',
      'ADVERTISING:UNKNOWN_CATEGORY',
      'zeta:UNKNOWN_CATEGORY',
    ]);
    expect(issues({ ...allOn, FUNCTIONAL: undefined })).toEqual(['FUNCTIONAL:REQUIRED']);
  });

  it('rejects a non-object', () => {
    expect(issues(null)).toEqual(['choice:INVALID_VALUE']);
    expect(issues([true, true])).toEqual(['choice:INVALID_VALUE']);
  });

  it('ignores inherited keys', () => {
    const inherited = Object.create(allOn) as object;
    expect(issues(inherited)).toEqual(COOKIE_CATEGORIES.map((c) => `${c}:REQUIRED`));
  });
});

describe('isChoiceExpired', () => {
  const recorded = new Date('2025-04-01T00:00:00Z');
  it('expires at exactly lifetimeDays × 24 h', () => {
    expect(isChoiceExpired(recorded, 180, new Date('2025-09-27T23:59:59.999Z'))).toBe(false);
    expect(isChoiceExpired(recorded, 180, new Date('2025-09-28T00:00:00Z'))).toBe(true);
    expect(isChoiceExpired(recorded, 0, recorded)).toBe(true);
    expect(isChoiceExpired(recorded, 1, new Date('2025-03-31T00:00:00Z'))).toBe(false);
  });

  it('throws on invalid input', () => {
    expect(() => isChoiceExpired(new Date(Number.NaN), 1, recorded)).toThrow(RangeError);
    expect(() => isChoiceExpired(recorded, -1, recorded)).toThrow(RangeError);
    expect(() => isChoiceExpired(recorded, Number.POSITIVE_INFINITY, recorded)).toThrow(RangeError);
  });
});
