import { describe, expect, it } from 'vitest';
import {
  choiceFromList,
  isHostName,
  isIdempotencyKey,
  isVisitorId,
  normalizeOrigin,
  validateCookieCategoryText,
  validateCookieDeclaration,
  validateCookieSite,
  withdrawnChoice,
  type CookieSiteDraft,
} from './cookie-sites.js';

const site: CookieSiteDraft = {
  name: 'JSPE website',
  domains: ['www.jspe.or.jp', 'localhost'],
  allowedOrigins: ['https://www.jspe.or.jp', 'http://localhost:4000'],
  consentLifetimeDays: 180,
  honoursGpc: true,
  bannerTitle: { en: 'Cookies', ja: 'クッキー' },
  bannerText: { en: 'We use cookies.\nChoose.', ja: 'クッキーを使用します。' },
};
const codes = (issues: { field: string; code: string }[]) => issues.map((i) => `${i.field}:${i.code}`);

describe('normalizeOrigin', () => {
  it('keeps scheme, host and a non-default port, lower-cased', () => {
    expect(normalizeOrigin('HTTPS://WWW.JSPE.OR.JP')).toBe('https://www.jspe.or.jp');
    expect(normalizeOrigin('http://localhost:4000')).toBe('http://localhost:4000');
    expect(normalizeOrigin('https://example.org:443')).toBe('https://example.org');
    expect(normalizeOrigin('http://example.org:80')).toBe('http://example.org');
    expect(normalizeOrigin('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
  });
  it('refuses paths, other schemes, credentials, bad ports and odd hosts', () => {
    for (const bad of [
      'https://a.org/',
      'https://a.org/x',
      'ftp://a.org',
      'https://u@a.org',
      'https://a.org:0',
      'https://a.org:65536',
      'https://a.org:080',
      'https://-a.org',
      'null',
      '',
      'https://a..org',
      'javascript:alert(1)',
    ]) {
      expect(normalizeOrigin(bad)).toBeNull();
    }
  });
});

describe('identifiers', () => {
  it('accepts only v4 UUIDs in lower case as visitor ids', () => {
    expect(isVisitorId('3f2b8c1e-9d4a-4c7b-8e2f-1a2b3c4d5e6f')).toBe(true);
    expect(isVisitorId('3F2B8C1E-9D4A-4C7B-8E2F-1A2B3C4D5E6F')).toBe(false);
    expect(isVisitorId('3f2b8c1e-9d4a-7c7b-8e2f-1a2b3c4d5e6f')).toBe(false);
    expect(isVisitorId('x')).toBe(false);
    expect(isVisitorId(42)).toBe(false);
  });
  it('bounds idempotency keys to 8–64 URL-safe characters', () => {
    expect(isIdempotencyKey('abcdefgh')).toBe(true);
    expect(isIdempotencyKey('a'.repeat(64))).toBe(true);
    expect(isIdempotencyKey('a'.repeat(65))).toBe(false);
    expect(isIdempotencyKey('abcdefg')).toBe(false);
    expect(isIdempotencyKey('abcdefg\n')).toBe(false);
    expect(isIdempotencyKey('abcd efgh')).toBe(false);
  });
  it('checks host names, with a leading dot only where allowed', () => {
    expect(isHostName('www.jspe.or.jp')).toBe(true);
    expect(isHostName('.jspe.or.jp')).toBe(false);
    expect(isHostName('.jspe.or.jp', { leadingDot: true })).toBe(true);
    expect(isHostName('WWW.jspe.or.jp')).toBe(false);
    expect(isHostName('a'.repeat(64) + '.org')).toBe(false);
  });
});

describe('validateCookieSite', () => {
  it('accepts a complete site', () => {
    expect(validateCookieSite(site)).toEqual([]);
  });
  it('reports every problem with its field', () => {
    expect(
      codes(
        validateCookieSite({
          ...site,
          name: ' ',
          domains: [],
          allowedOrigins: ['https://a.org/', 'https://b.org', 'https://b.org'],
          consentLifetimeDays: 396,
          bannerText: { en: 'x\u0007', ja: 'y' },
        }),
      ),
    ).toEqual([
      'name:REQUIRED',
      'domains:REQUIRED',
      'allowedOrigins[0]:INVALID_FORMAT',
      'allowedOrigins[2]:DUPLICATE',
      'consentLifetimeDays:INVALID_VALUE',
      'bannerText.en:CONTROL_CHARACTERS',
    ]);
  });
  it('bounds the lifetime at 1 and 395 days and the lists at 20 entries', () => {
    expect(codes(validateCookieSite({ ...site, consentLifetimeDays: 0 }))).toEqual([
      'consentLifetimeDays:INVALID_VALUE',
    ]);
    expect(validateCookieSite({ ...site, consentLifetimeDays: 1 })).toEqual([]);
    expect(validateCookieSite({ ...site, consentLifetimeDays: 395 })).toEqual([]);
    const many = Array.from({ length: 21 }, (_, i) => `h${i}.example.org`);
    expect(codes(validateCookieSite({ ...site, domains: many }))).toEqual(['domains:TOO_LONG']);
  });
});

describe('validateCookieDeclaration', () => {
  const d = {
    name: '_ga',
    domain: '.jspe.or.jp',
    vendor: 'Google',
    purpose: { en: 'Counts visits', ja: '訪問数の計測' },
    durationDays: 730,
  };
  it('accepts a declaration, with a session duration too', () => {
    expect(validateCookieDeclaration(d)).toEqual([]);
    expect(validateCookieDeclaration({ ...d, durationDays: null })).toEqual([]);
  });
  it('refuses bad hosts, empty texts and impossible durations', () => {
    expect(
      codes(validateCookieDeclaration({ ...d, domain: 'not a host', purpose: { en: '', ja: 'x' }, durationDays: -1 })),
    ).toEqual(['domain:INVALID_FORMAT', 'purpose.en:REQUIRED', 'durationDays:INVALID_VALUE']);
    expect(codes(validateCookieDeclaration({ ...d, durationDays: 3651 }))).toEqual(['durationDays:INVALID_VALUE']);
  });
});

describe('category text and choices', () => {
  it('requires labels and descriptions in both languages', () => {
    expect(
      codes(validateCookieCategoryText({ label: { en: 'A', ja: '' }, description: { en: 'x'.repeat(1001), ja: 'y' } })),
    ).toEqual(['label.ja:REQUIRED', 'description.en:TOO_LONG']);
  });
  it('turns a list into a record and reports duplicates', () => {
    const { record, issues } = choiceFromList([
      { category: 'ANALYTICS', accepted: true },
      { category: 'ANALYTICS', accepted: false },
    ]);
    expect(record).toEqual({ ANALYTICS: true });
    expect(codes(issues)).toEqual(['choices[1]:DUPLICATE']);
  });
  it('withdrawal keeps only the required category', () => {
    expect(withdrawnChoice()).toEqual({
      STRICTLY_NECESSARY: true,
      FUNCTIONAL: false,
      ANALYTICS: false,
      MARKETING: false,
    });
  });
});
