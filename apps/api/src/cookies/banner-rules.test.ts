import { isVisitorId } from '@steward/policy-core';
import { randomFillSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  MAX_ATTEMPTS,
  bannerLocale,
  choiceFromReceipt,
  cookieExpiries,
  cookieNames,
  nameMatches,
  newUuid,
  refusedAfterRunning,
  refusedItems,
  retryDelay,
  taggedCategory,
  uuidFromBytes,
  type Declared,
} from './banner/banner-rules.js';

describe("the banner's rules", () => {
  describe('visitor ids and idempotency keys on plain-http pages', () => {
    it('builds a version-4 UUID from random bytes', () => {
      expect(uuidFromBytes(new Uint8Array(16).fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
      expect(uuidFromBytes(new Uint8Array(16))).toBe('00000000-0000-4000-8000-000000000000');
      for (let i = 0; i < 200; i++) expect(isVisitorId(uuidFromBytes(randomFillSync(new Uint8Array(16))))).toBe(true);
    });

    it('uses crypto.randomUUID where the browser has it, getRandomValues where it has not (insecure contexts)', () => {
      const getRandomValues = (a: Uint8Array<ArrayBuffer>) => randomFillSync(a);
      expect(newUuid({ randomUUID: () => 'from-randomUUID', getRandomValues })).toBe('from-randomUUID');
      const ids = new Set(Array.from({ length: 50 }, () => newUuid({ getRandomValues })));
      expect(ids.size).toBe(50);
      for (const id of ids) expect(isVisitorId(id)).toBe(true);
    });
  });

  describe('retries', () => {
    it('retries a lost answer, a server error and a rate limit, with growing waits', () => {
      for (const failure of [
        { status: null },
        { status: 502 },
        { status: 503 },
        { status: 429 },
        { status: 200, code: 'TOO_MANY_REQUESTS' },
        { status: 200, code: 'INTERNAL_SERVER_ERROR' },
      ]) {
        const first = retryDelay(failure, 0, 0);
        const second = retryDelay(failure, 1, 0);
        expect(first).toBeGreaterThan(0);
        expect(second).toBeGreaterThan(first!);
        expect(retryDelay(failure, MAX_ATTEMPTS - 1, 0)).toBeNull();
      }
      expect(retryDelay({ status: null }, 0, 0.999)).toBeLessThan(retryDelay({ status: null }, 1, 0)!);
    });

    it('never retries an answer that would be refused again', () => {
      for (const code of ['CONFLICT', 'BAD_USER_INPUT', 'FORBIDDEN', 'NOT_FOUND', undefined]) {
        expect(retryDelay({ status: 200, ...(code ? { code } : {}) }, 0, 0)).toBeNull();
      }
      for (const status of [400, 403, 404, 413]) expect(retryDelay({ status }, 0, 0)).toBeNull();
    });

    it('waits as long as a rate limit asks, unless that is too long for a visitor to wait', () => {
      expect(retryDelay({ status: 200, code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 3 }, 0, 0)).toBe(3000);
      expect(retryDelay({ status: 200, code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 60 }, 0, 0)).toBeNull();
    });
  });

  describe('what goes when categories are refused', () => {
    const declarations: Declared[] = [
      { name: '_ga', domain: '.jspe.or.jp', category: 'ANALYTICS', storageKind: 'COOKIE' },
      { name: '_ga_*', domain: '.jspe.or.jp', category: 'ANALYTICS', storageKind: 'COOKIE' },
      { name: 'jspe_lang', domain: 'www.jspe.or.jp', category: 'FUNCTIONAL', storageKind: 'COOKIE' },
      { name: 'shared', domain: 'www.jspe.or.jp', category: 'MARKETING', storageKind: 'COOKIE' },
      { name: 'shared', domain: 'www.jspe.or.jp', category: 'FUNCTIONAL', storageKind: 'COOKIE' },
      { name: 'ad_state', domain: 'www.jspe.or.jp', category: 'MARKETING', storageKind: 'LOCAL_STORAGE' },
      { name: 'steward_cookie_consent', domain: 'www.jspe.or.jp', category: 'MARKETING', storageKind: 'COOKIE' },
    ];
    const choice = { STRICTLY_NECESSARY: true, FUNCTIONAL: true, ANALYTICS: false, MARKETING: false };

    it('matches declared names, with a trailing * as a prefix', () => {
      expect(nameMatches('_ga', '_ga')).toBe(true);
      expect(nameMatches('_ga', '_gat')).toBe(false);
      expect(nameMatches('_ga_*', '_ga_ABC123')).toBe(true);
    });

    it('picks the present items declared only for refused categories, of one storage kind', () => {
      const present = cookieNames(
        '_ga=GA1.2.3; _ga_ABC=x; jspe_lang=en; shared=1; undeclared=1; steward_cookie_consent=1; ad_state=1',
      );
      expect(present).toEqual([
        '_ga',
        '_ga_ABC',
        'jspe_lang',
        'shared',
        'undeclared',
        'steward_cookie_consent',
        'ad_state',
      ]);
      expect(refusedItems(declarations, choice, 'COOKIE', present)).toEqual([
        { name: '_ga', domain: '.jspe.or.jp' },
        { name: '_ga_ABC', domain: '.jspe.or.jp' },
      ]);
      expect(
        refusedItems(declarations, { ...choice, FUNCTIONAL: false }, 'COOKIE', present).map((i) => i.name),
      ).toEqual(['_ga', '_ga_ABC', 'jspe_lang', 'shared', 'shared']);
      expect(refusedItems(declarations, choice, 'LOCAL_STORAGE', ['ad_state', 'other'])).toEqual([
        { name: 'ad_state', domain: 'www.jspe.or.jp' },
      ]);
      expect(cookieNames('')).toEqual([]);
    });

    it('expires a cookie on the current host and on the declared domain, at / and the page directory', () => {
      expect(cookieExpiries('_ga', '.jspe.or.jp', 'www.jspe.or.jp', '/news/item.html')).toEqual([
        '_ga=; Max-Age=0; Path=/',
        '_ga=; Max-Age=0; Path=/; Domain=jspe.or.jp',
        '_ga=; Max-Age=0; Path=/news',
        '_ga=; Max-Age=0; Path=/news; Domain=jspe.or.jp',
      ]);
      // A declared domain the page is not on cannot be written from it: only the host's own.
      expect(cookieExpiries('_ga', '.jspe.or.jp', '127.0.0.1', '/')).toEqual(['_ga=; Max-Age=0; Path=/']);
      expect(cookieExpiries('x', 'www.jspe.or.jp', 'www.jspe.or.jp', '/a')).toEqual([
        'x=; Max-Age=0; Path=/',
        'x=; Max-Age=0; Path=/; Domain=www.jspe.or.jp',
      ]);
    });
  });
  describe('language, tagged scripts and stored choices', () => {
    it("speaks the script's data-locale, else the browser's language: Japanese for any ja-*, English otherwise", () => {
      expect(bannerLocale('ja', 'en-GB')).toBe('ja');
      expect(bannerLocale('JA-jp', undefined)).toBe('ja');
      expect(bannerLocale(undefined, 'ja-JP')).toBe('ja');
      expect(bannerLocale('en', 'ja-JP')).toBe('en');
      expect(bannerLocale('fr', undefined)).toBe('en');
      expect(bannerLocale(undefined, undefined)).toBe('en');
    });

    it("reads a tagged script's category in any case, with - for _, and nothing else", () => {
      expect(taggedCategory('analytics')).toBe('ANALYTICS');
      expect(taggedCategory('strictly-necessary')).toBe('STRICTLY_NECESSARY');
      expect(taggedCategory('Marketing')).toBe('MARKETING');
      expect(taggedCategory('ads')).toBeNull();
      expect(taggedCategory('')).toBeNull();
    });

    it('takes the choice a receipt lists; a category it leaves out is off unless required', () => {
      expect(choiceFromReceipt([{ category: 'ANALYTICS', accepted: true }])).toEqual({
        STRICTLY_NECESSARY: true,
        FUNCTIONAL: false,
        ANALYTICS: true,
        MARKETING: false,
      });
      expect(
        choiceFromReceipt([
          { category: 'STRICTLY_NECESSARY', accepted: true },
          { category: 'FUNCTIONAL', accepted: true },
          { category: 'ANALYTICS', accepted: false },
          { category: 'MARKETING', accepted: true },
        ]),
      ).toEqual({ STRICTLY_NECESSARY: true, FUNCTIONAL: true, ANALYTICS: false, MARKETING: true });
    });

    it('says a reload is needed only when a category whose scripts ran is now refused', () => {
      const none = { STRICTLY_NECESSARY: true, FUNCTIONAL: false, ANALYTICS: false, MARKETING: false };
      expect(refusedAfterRunning(new Set(['STRICTLY_NECESSARY', 'ANALYTICS']), none)).toBe(true);
      expect(refusedAfterRunning(new Set(['STRICTLY_NECESSARY']), none)).toBe(false);
      expect(refusedAfterRunning(new Set(), none)).toBe(false);
      expect(refusedAfterRunning(new Set(['ANALYTICS']), { ...none, ANALYTICS: true })).toBe(false);
    });
  });
});
