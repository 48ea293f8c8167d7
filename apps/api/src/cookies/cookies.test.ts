import {
  CookieBannerDocument,
  CookieCategoriesDocument,
  CookieConsentDocument,
  CookieConsentHistoryDocument,
  CookieConsentStatsDocument,
  CookieSitesDocument,
  CreateCookieDeclarationDocument,
  CreateCookieSiteDocument,
  DeleteCookieDeclarationDocument,
  RecordCookieConsentDocument,
  UpdateCookieCategoryDocument,
  UpdateCookieSiteDocument,
  WithdrawCookieConsentDocument,
  type CookieSiteInput,
  type RecordCookieConsentInput,
  type WithdrawCookieConsentInput,
} from '@steward/schema';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { randomUUID } from 'node:crypto';
import { newId } from '../common/ids.js';
import { fromDbDate } from '../common/sql/dialect.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, errorOf, type GraphQLResult, type TestApp, type TestClient } from '../test/test-app.js';
import { DATABASES } from '../test/databases.js';
import { visitorSealContext } from './cookie-consent.entity.js';
import {
  COOKIE_RATE_LIMITS,
  COOKIE_SITE_REFUSED,
  CookieConsentService,
  HISTORY_PAGE_ROWS,
  visitorIndexOf,
} from './cookie-consent.service.js';
import { cookieWriteBatcher } from './cookie-write-batch.js';
import { CROSS_ORIGIN_FORBIDDEN } from './cookie-cors.js';

const ORIGIN = 'https://www.example-society.jp';

const siteInput = (overrides: Partial<CookieSiteInput> = {}): CookieSiteInput => ({
  name: 'Example society',
  domains: ['www.example-society.jp'],
  allowedOrigins: ['HTTPS://www.example-society.jp:443', 'http://localhost:4000'],
  consentLifetimeDays: 180,
  honoursGpc: true,
  bannerTitle: { en: 'Cookies', ja: 'クッキー' },
  bannerText: { en: 'We use cookies for convenience.', ja: '利便性のためにクッキーを使用します。' },
  ...overrides,
});

const ALL = ['STRICTLY_NECESSARY', 'FUNCTIONAL', 'ANALYTICS', 'MARKETING'] as const;
const choices = (accepted: readonly string[]) =>
  ALL.map((category) => ({ category, accepted: category === 'STRICTLY_NECESSARY' || accepted.includes(category) }));
const acceptedOf = (list: readonly { category: string; accepted: boolean }[]) =>
  list.filter((c) => c.accepted).map((c) => c.category);

describe.each(DATABASES)('cookie consent on %s', (database) => {
  let app: TestApp;
  let owner: TestClient;
  let anonymous: TestClient;
  let siteKey: string;
  let siteId: string;
  let otherSiteKey: string;

  /** A request from a page on `origin` (the public API needs one of the site's origins). */
  function pub<R, V>(
    doc: TypedDocumentNode<R, V>,
    variables: V,
    origin: string | null = ORIGIN,
  ): Promise<GraphQLResult<R>> {
    return anonymous.raw(print(doc), variables as Record<string, unknown>, origin ? { origin } : {}) as Promise<
      GraphQLResult<R>
    >;
  }

  /** A withdrawal by a new visitor on the first site, with a key of its own. */
  const withdrawalInput = (overrides: Partial<WithdrawCookieConsentInput> = {}): WithdrawCookieConsentInput => ({
    siteKey,
    visitorId: randomUUID(),
    idempotencyKey: randomUUID(),
    policyVersion: 1,
    gpc: false,
    ...overrides,
  });

  /** A new visitor's choice (analytics accepted) on the first site, with a key of its own. */
  const consentInput = (overrides: Partial<RecordCookieConsentInput> = {}): RecordCookieConsentInput => ({
    ...withdrawalInput(),
    choices: choices(['ANALYTICS']),
    ...overrides,
  });

  async function counts() {
    const conn = app.em().getConnection();
    const n = async (sql: string) => Number((await conn.execute<{ n: number | string }[]>(sql))[0]!.n);
    return {
      events: await n('select count(*) as n from cookie_consent_event'),
      audit: await n("select count(*) as n from audit_entry where entity_type = 'CookieConsentEvent'"),
    };
  }

  beforeAll(async () => {
    app = await createTestApp({ database });
    owner = await app.clientAs('OWNER');
    anonymous = app.client();
    const site = (await owner.ok(CreateCookieSiteDocument, { input: siteInput() })).createCookieSite;
    siteKey = site.siteKey;
    siteId = site.id;
    otherSiteKey = (
      await owner.ok(CreateCookieSiteDocument, { input: siteInput({ name: 'No GPC', honoursGpc: false }) })
    ).createCookieSite.siteKey;
  });
  afterAll(() => app?.close());

  describe('sites and the banner', () => {
    it('creates a site with canonical origins and a public key', async () => {
      const sites = (await owner.ok(CookieSitesDocument)).cookieSites;
      const site = sites.find((s) => s.id === siteId)!;
      expect(site.allowedOrigins).toEqual([ORIGIN, 'http://localhost:4000']);
      expect(site.siteKey).toMatch(/^site_[a-z2-7]{20}$/);
    });

    it('answers the banner in Japanese or English with categories, declarations and the policy version', async () => {
      await owner.ok(CreateCookieDeclarationDocument, {
        input: {
          siteId,
          name: '_ga',
          domain: '.example-society.jp',
          category: 'ANALYTICS',
          vendor: 'Google',
          purpose: { en: 'Counts visits', ja: '訪問数の計測' },
          durationDays: 730,
          storageKind: 'COOKIE',
        },
      });
      const ja = (await pub(CookieBannerDocument, { siteKey, locale: 'ja-JP' })).data!.cookieBanner;
      expect(ja).toMatchObject({ locale: 'ja', title: 'クッキー', policyVersion: 1, honoursGpc: true });
      expect(ja.categories.map((c) => [c.category, c.required])).toEqual(
        ALL.map((c) => [c, c === 'STRICTLY_NECESSARY']),
      );
      expect(ja.categories[3]!.label).toBe('マーケティング');
      expect(ja.declarations).toEqual([
        {
          name: '_ga',
          domain: '.example-society.jp',
          category: 'ANALYTICS',
          vendor: 'Google',
          purpose: '訪問数の計測',
          durationDays: 730,
          storageKind: 'COOKIE',
        },
      ]);
      const en = (await pub(CookieBannerDocument, { siteKey, locale: 'fr' })).data!.cookieBanner;
      expect(en).toMatchObject({ locale: 'en', title: 'Cookies' });
    });

    it('refuses a wrong origin, a missing origin and an unknown site key with the same FORBIDDEN answer', async () => {
      for (const [key, origin] of [
        [siteKey, 'https://evil.example'],
        [siteKey, null],
        [siteKey, 'https://www.example-society.jp.evil.example'],
        ['site_unknownunknownunkn', ORIGIN],
      ] as const) {
        const res = await pub(CookieBannerDocument, { siteKey: key, locale: 'en' }, origin);
        expect(errorOf(res)).toMatchObject({ code: 'FORBIDDEN', message: COOKIE_SITE_REFUSED });
      }
      const before = await counts();
      const write = await pub(RecordCookieConsentDocument, { input: consentInput() }, 'https://evil.example');
      expect(errorOf(write).code).toBe('FORBIDDEN');
      const unknown = await pub(RecordCookieConsentDocument, { input: consentInput({ siteKey: 'site_nope' }) });
      expect(errorOf(unknown)).toMatchObject({ code: 'FORBIDDEN', message: COOKIE_SITE_REFUSED });
      expect(await counts()).toEqual(before);
    });

    it('refuses the read-back and a withdrawal from a wrong origin alike, and the withdrawal stores nothing', async () => {
      // An origin another site allows passes CORS, but is still not this site's.
      const otherOrigin = 'https://other-society.example.org';
      await owner.ok(CreateCookieSiteDocument, {
        input: siteInput({
          name: 'Other society',
          domains: ['other-society.example.org'],
          allowedOrigins: [otherOrigin],
        }),
      });
      const visitorId = randomUUID();
      const chosen = (
        await pub(RecordCookieConsentDocument, { input: consentInput({ visitorId, choices: choices(['ANALYTICS']) }) })
      ).data!.recordCookieConsent;
      const before = await counts();
      const wrong = [
        [siteKey, 'https://evil.example'],
        [siteKey, null],
        [siteKey, 'https://www.example-society.jp.evil.example'],
        [siteKey, otherOrigin],
        ['site_unknownunknownunkn', ORIGIN],
      ] as const;
      for (const [key, origin] of wrong) {
        const read = await pub(CookieConsentDocument, { siteKey: key, visitorId }, origin);
        expect(errorOf(read)).toMatchObject({ code: 'FORBIDDEN', message: COOKIE_SITE_REFUSED });
        expect(read.data?.cookieConsent ?? null).toBeNull();
        const withdraw = await pub(
          WithdrawCookieConsentDocument,
          { input: { siteKey: key, visitorId, idempotencyKey: randomUUID(), policyVersion: 1, gpc: false } },
          origin,
        );
        expect(errorOf(withdraw)).toMatchObject({ code: 'FORBIDDEN', message: COOKIE_SITE_REFUSED });
        expect(withdraw.data?.withdrawCookieConsent ?? null).toBeNull();
      }
      expect(await counts()).toEqual(before);
      // The visitor's choice stands.
      const status = (await pub(CookieConsentDocument, { siteKey, visitorId })).data!.cookieConsent!;
      expect(status).toMatchObject({ receiptId: chosen.receiptId, action: 'CHOOSE' });
    });
  });

  describe('recording a choice', () => {
    it('records, reads back and audits a choice; the visitor id is stored only sealed', async () => {
      const before = await counts();
      const input = consentInput({ choices: choices(['FUNCTIONAL', 'ANALYTICS']) });
      const receipt = (await pub(RecordCookieConsentDocument, { input })).data!.recordCookieConsent;
      expect(acceptedOf(receipt.choices)).toEqual(['STRICTLY_NECESSARY', 'FUNCTIONAL', 'ANALYTICS']);
      expect(receipt).toMatchObject({ action: 'CHOOSE', gpc: false, gpcApplied: false, policyVersion: 1 });
      expect(Date.parse(receipt.expiresAt) - Date.parse(receipt.recordedAt)).toBe(180 * 86_400_000);
      expect(await counts()).toEqual({ events: before.events + 1, audit: before.audit + 1 });

      const status = (await pub(CookieConsentDocument, { siteKey, visitorId: input.visitorId })).data!.cookieConsent!;
      expect(status).toMatchObject({ receiptId: receipt.receiptId, action: 'CHOOSE', expired: false });
      expect(acceptedOf(status.choices)).toEqual(['STRICTLY_NECESSARY', 'FUNCTIONAL', 'ANALYTICS']);
      expect((await pub(CookieConsentDocument, { siteKey, visitorId: randomUUID() })).data!.cookieConsent).toBeNull();

      const conn = app.em().getConnection();
      for (const table of ['cookie_consent_event', 'audit_entry']) {
        expect(JSON.stringify(await conn.execute(`select * from ${table}`))).not.toContain(input.visitorId);
      }
    });

    it('the current state follows the newest event and expires after the site lifetime', async () => {
      const visitorId = randomUUID();
      await pub(RecordCookieConsentDocument, { input: consentInput({ visitorId, choices: choices(['MARKETING']) }) });
      const second = (
        await pub(RecordCookieConsentDocument, { input: consentInput({ visitorId, choices: choices([]) }) })
      ).data!.recordCookieConsent;
      const status = (await pub(CookieConsentDocument, { siteKey, visitorId })).data!.cookieConsent!;
      expect(status.receiptId).toBe(second.receiptId);
      expect(acceptedOf(status.choices)).toEqual(['STRICTLY_NECESSARY']);
      app.clock.advance(181 * 86_400_000);
      expect((await pub(CookieConsentDocument, { siteKey, visitorId })).data!.cookieConsent!.expired).toBe(true);
      app.clock.advance(-181 * 86_400_000);
    });

    it('withdraws every optional category', async () => {
      const visitorId = randomUUID();
      await pub(RecordCookieConsentDocument, {
        input: consentInput({ visitorId, choices: choices(['FUNCTIONAL', 'ANALYTICS', 'MARKETING']) }),
      });
      const res = await pub(WithdrawCookieConsentDocument, {
        input: { siteKey, visitorId, idempotencyKey: randomUUID(), policyVersion: 1, gpc: false },
      });
      expect(res.data!.withdrawCookieConsent.action).toBe('WITHDRAW');
      expect(acceptedOf(res.data!.withdrawCookieConsent.choices)).toEqual(['STRICTLY_NECESSARY']);
      const status = (await pub(CookieConsentDocument, { siteKey, visitorId })).data!.cookieConsent!;
      expect(status.action).toBe('WITHDRAW');
      expect(acceptedOf(status.choices)).toEqual(['STRICTLY_NECESSARY']);
    });

    it('GPC turns analytics and marketing off where the site honours it, and only there', async () => {
      const all = choices(['FUNCTIONAL', 'ANALYTICS', 'MARKETING']);
      const honoured = (await pub(RecordCookieConsentDocument, { input: consentInput({ gpc: true, choices: all }) }))
        .data!.recordCookieConsent;
      expect(acceptedOf(honoured.choices)).toEqual(['STRICTLY_NECESSARY', 'FUNCTIONAL']);
      expect(honoured).toMatchObject({ gpc: true, gpcApplied: true });
      const ignored = (
        await pub(RecordCookieConsentDocument, {
          input: consentInput({ siteKey: otherSiteKey, gpc: true, choices: all }),
        })
      ).data!.recordCookieConsent;
      expect(acceptedOf(ignored.choices)).toEqual([...ALL]);
      expect(ignored).toMatchObject({ gpc: true, gpcApplied: false });
      const refusedAnyway = (
        await pub(RecordCookieConsentDocument, { input: consentInput({ gpc: true, choices: choices([]) }) })
      ).data!.recordCookieConsent;
      expect(refusedAnyway.gpcApplied).toBe(false);
    });
  });

  describe('exactly once', () => {
    it('a retry with the same idempotency key returns the same receipt and stores nothing new', async () => {
      const input = consentInput();
      const first = (await pub(RecordCookieConsentDocument, { input })).data!.recordCookieConsent;
      const before = await counts();
      app.clock.advance(5000);
      const again = (await pub(RecordCookieConsentDocument, { input })).data!.recordCookieConsent;
      expect(again).toEqual(first);
      expect(await counts()).toEqual(before);
    });

    it('concurrent identical requests store one event and all get its receipt', async () => {
      const input = consentInput();
      const before = await counts();
      const results = await Promise.all(Array.from({ length: 12 }, () => pub(RecordCookieConsentDocument, { input })));
      expect(results.map((r) => r.errors)).toEqual(results.map(() => undefined));
      const ids = new Set(results.map((r) => r.data!.recordCookieConsent.receiptId));
      expect(ids.size).toBe(1);
      expect(await counts()).toEqual({ events: before.events + 1, audit: before.audit + 1 });
    });

    it('the same key with a different payload is a CONFLICT, also under concurrency, storing nothing new', async () => {
      const input = consentInput();
      await pub(RecordCookieConsentDocument, { input });
      const before = await counts();
      const res = await pub(RecordCookieConsentDocument, { input: { ...input, choices: choices(['MARKETING']) } });
      expect(errorOf(res)).toMatchObject({ code: 'CONFLICT', field: 'input.idempotencyKey' });
      expect(res.errors![0]!.extensions!.reason).toBe('IDEMPOTENCY_KEY_REUSED');
      const withdraw = await pub(WithdrawCookieConsentDocument, {
        input: {
          siteKey,
          visitorId: input.visitorId,
          idempotencyKey: input.idempotencyKey,
          policyVersion: 1,
          gpc: false,
        },
      });
      expect(errorOf(withdraw).code).toBe('CONFLICT');
      expect(await counts()).toEqual(before);

      const racing = consentInput();
      const mixed = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          pub(RecordCookieConsentDocument, {
            input: { ...racing, choices: choices(i % 2 ? ['ANALYTICS'] : ['MARKETING']) },
          }),
        ),
      );
      const ok = mixed.filter((r) => !r.errors);
      expect(new Set(ok.map((r) => r.data!.recordCookieConsent.receiptId)).size).toBe(1);
      expect(mixed.filter((r) => r.errors).every((r) => errorOf(r).code === 'CONFLICT')).toBe(true);
      expect((await counts()).events).toBe(before.events + 1);
    });

    it('the same idempotency key on two sites is two events', async () => {
      const key = randomUUID();
      const before = await counts();
      await pub(RecordCookieConsentDocument, { input: consentInput({ idempotencyKey: key }) });
      await pub(RecordCookieConsentDocument, { input: consentInput({ idempotencyKey: key, siteKey: otherSiteKey }) });
      expect((await counts()).events).toBe(before.events + 2);
    });

    it('a key belongs to its visitor: another visitor with the same key is another event, not a CONFLICT', async () => {
      // Keys are scoped to (visitor, site): one visitor cannot learn from a CONFLICT that another used a key.
      const key = randomUUID();
      const first = (await pub(RecordCookieConsentDocument, { input: consentInput({ idempotencyKey: key }) })).data!
        .recordCookieConsent;
      const before = await counts();
      const other = await pub(RecordCookieConsentDocument, {
        input: consentInput({ idempotencyKey: key, choices: choices(['MARKETING']) }),
      });
      expect(other.errors).toBeUndefined();
      expect(other.data!.recordCookieConsent.receiptId).not.toBe(first.receiptId);
      expect(await counts()).toEqual({ events: before.events + 1, audit: before.audit + 1 });
    });
  });

  describe('hostile input is refused and nothing is stored', () => {
    const bad: [string, (i: RecordCookieConsentInput) => Record<string, unknown>, string][] = [
      ['an oversized visitor id', (i) => ({ ...i, visitorId: 'x'.repeat(10_000) }), 'BAD_USER_INPUT'],
      ['a visitor id that is not a UUID v4', (i) => ({ ...i, visitorId: "1' or '1'='1" }), 'BAD_USER_INPUT'],
      [
        'a control character in the idempotency key',
        (i) => ({ ...i, idempotencyKey: 'abcdefgh\u0000ijk' }),
        'BAD_USER_INPUT',
      ],
      ['a too short idempotency key', (i) => ({ ...i, idempotencyKey: 'abc' }), 'BAD_USER_INPUT'],
      [
        'an unknown category',
        (i) => ({ ...i, choices: [...i.choices, { category: 'ADVERTISING', accepted: true }] }),
        'BAD_USER_INPUT',
      ],
      [
        'a string for a boolean',
        (i) => ({ ...i, choices: [{ category: 'ANALYTICS', accepted: 'yes' }] }),
        'BAD_USER_INPUT',
      ],
      ['a number for the GPC flag', (i) => ({ ...i, gpc: 1 }), 'BAD_USER_INPUT'],
      [
        'strictly necessary refused',
        (i) => ({ ...i, choices: ALL.map((category) => ({ category, accepted: false })) }),
        'BAD_USER_INPUT',
      ],
      ['a missing category', (i) => ({ ...i, choices: i.choices.slice(0, 3) }), 'BAD_USER_INPUT'],
      [
        'a category listed twice',
        (i) => ({ ...i, choices: [...i.choices, { category: 'ANALYTICS', accepted: false }] }),
        'BAD_USER_INPUT',
      ],
      [
        'too many choices',
        (i) => ({ ...i, choices: Array.from({ length: 50 }, () => ({ category: 'ANALYTICS', accepted: true })) }),
        'BAD_USER_INPUT',
      ],
      ['an unpublished policy version', (i) => ({ ...i, policyVersion: 99 }), 'BAD_USER_INPUT'],
      ['policy version 0', (i) => ({ ...i, policyVersion: 0 }), 'BAD_USER_INPUT'],
      ['an oversized site key', (i) => ({ ...i, siteKey: 's'.repeat(5000) }), 'BAD_USER_INPUT'],
    ];

    it.each(bad)('refuses %s', async (_name, mutate, code) => {
      const before = await counts();
      const res = await anonymous.raw(
        print(RecordCookieConsentDocument),
        { input: mutate(consentInput()) },
        { origin: ORIGIN },
      );
      expect(errorOf(res).code).toBe(code);
      expect(JSON.stringify(res)).not.toMatch(/select|insert|stack|\.ts:/i);
      expect(await counts()).toEqual(before);
    });

    const badWithdraw: [string, (i: WithdrawCookieConsentInput) => Record<string, unknown>][] = [
      ['an oversized visitor id', (i) => ({ ...i, visitorId: 'x'.repeat(10_000) })],
      ['an oversized idempotency key', (i) => ({ ...i, idempotencyKey: 'k'.repeat(200_000) })],
      ['an oversized site key', (i) => ({ ...i, siteKey: 's'.repeat(5000) })],
      ['a visitor id that is not a UUID v4', (i) => ({ ...i, visitorId: "1' or '1'='1" })],
      ['a missing visitor id', (i) => ({ ...i, visitorId: null })],
      ['a control character in the idempotency key', (i) => ({ ...i, idempotencyKey: 'abcdefgh\u0000ijk' })],
      ['a too short idempotency key', (i) => ({ ...i, idempotencyKey: 'abc' })],
      ['an unpublished policy version', (i) => ({ ...i, policyVersion: 99 })],
      ['policy version 0', (i) => ({ ...i, policyVersion: 0 })],
      ['a string for the GPC flag', (i) => ({ ...i, gpc: 'true' })],
      ['choices smuggled in', (i) => ({ ...i, choices: [{ category: 'ANALYTICS', accepted: true }] })],
      ['an object for the site key', (i) => ({ ...i, siteKey: { $ne: null } })],
    ];

    it.each(badWithdraw)('refuses a withdrawal with %s', async (_name, mutate) => {
      const visitorId = randomUUID();
      await pub(RecordCookieConsentDocument, { input: consentInput({ visitorId, choices: choices(['ANALYTICS']) }) });
      const before = await counts();
      const input: WithdrawCookieConsentInput = {
        siteKey,
        visitorId,
        idempotencyKey: randomUUID(),
        policyVersion: 1,
        gpc: false,
      };
      const res = await anonymous.raw(
        print(WithdrawCookieConsentDocument),
        { input: mutate(input) },
        { origin: ORIGIN },
      );
      expect(errorOf(res).code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(res)).not.toMatch(/select|insert|stack|\.ts:/i);
      expect(await counts()).toEqual(before);
      expect((await pub(CookieConsentDocument, { siteKey, visitorId })).data!.cookieConsent!.action).toBe('CHOOSE');
    });

    // A body past the limit is refused whole, before GraphQL reads it: for a choice and a withdrawal alike.
    it.each([
      {
        body: 'a choice',
        query: () => print(RecordCookieConsentDocument),
        input: () => ({ ...consentInput(), junk: 'x'.repeat(300_000) }),
      },
      {
        body: 'a withdrawal',
        query: () => print(WithdrawCookieConsentDocument),
        input: () => withdrawalInput({ idempotencyKey: 'k'.repeat(300_000) }),
      },
    ])('refuses an oversized body ($body) before GraphQL', async ({ query, input }) => {
      const before = await counts();
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN },
        body: JSON.stringify({ query: query(), variables: { input: input() } }),
      });
      expect(res.status).toBe(413);
      expect(await counts()).toEqual(before);
    });

    it('names oversized fields with TOO_LONG, before any other check', async () => {
      const res = await anonymous.raw(
        print(RecordCookieConsentDocument),
        {
          input: {
            ...consentInput(),
            siteKey: 's'.repeat(65),
            visitorId: 'v'.repeat(65),
            choices: Array.from({ length: 9 }, () => ({ category: 'ANALYTICS', accepted: true })),
          },
        },
        { origin: ORIGIN },
      );
      expect(errorOf(res).issues?.map((i) => [i.field, i.code])).toEqual([
        ['input.siteKey', 'TOO_LONG'],
        ['input.visitorId', 'TOO_LONG'],
        ['input.choices', 'TOO_LONG'],
      ]);
      const withdraw = await anonymous.raw(
        print(WithdrawCookieConsentDocument),
        { input: { siteKey, visitorId: randomUUID(), idempotencyKey: 'k'.repeat(65), policyVersion: 1, gpc: false } },
        { origin: ORIGIN },
      );
      expect(errorOf(withdraw).issues?.map((i) => [i.field, i.code])).toEqual([['input.idempotencyKey', 'TOO_LONG']]);
    });

    it('names the refused field', async () => {
      const res = await pub(RecordCookieConsentDocument, {
        input: consentInput({
          choices: ALL.map((category) => ({ category, accepted: category !== 'STRICTLY_NECESSARY' })),
        }),
      });
      expect(errorOf(res).issues?.map((i) => [i.field, i.code])).toEqual([
        ['input.choices.STRICTLY_NECESSARY', 'REQUIRED_CATEGORY_REFUSED'],
      ]);
    });

    it('rate-limits writes per visitor', async () => {
      const visitorId = randomUUID();
      const results = [];
      for (let i = 0; i < 31; i++)
        results.push(await pub(RecordCookieConsentDocument, { input: consentInput({ visitorId }) }));
      expect(results.slice(0, 30).every((r) => !r.errors)).toBe(true);
      expect(errorOf(results[30]!).code).toBe('TOO_MANY_REQUESTS');
    });
  });

  describe('the per-address budget', () => {
    // A budget of its own (a server with a small scale), so it is spent in a few requests.
    const scale = 0.05;
    const budget = Math.round(COOKIE_RATE_LIMITS.address.points * scale);
    let limited: TestApp;
    let limitedKey: string;

    beforeAll(async () => {
      limited = await createTestApp({ database, config: { rateLimitScale: scale } });
      const limitedOwner = await limited.clientAs('OWNER');
      limitedKey = (await limitedOwner.ok(CreateCookieSiteDocument, { input: siteInput() })).createCookieSite.siteKey;
    });
    afterAll(() => limited?.close());

    it('refuses many visitors from one address once the budget is spent, storing nothing for refused writes', async () => {
      expect(budget).toBeGreaterThan(1);
      // Each visitor's own budget is not what stops them: every write is from a new visitor.
      expect(Math.round(COOKIE_RATE_LIMITS.visitor.points * scale)).toBeGreaterThanOrEqual(1);
      const client = limited.client();
      const send = <R, V>(doc: TypedDocumentNode<R, V>, variables: V) =>
        client.raw(print(doc), variables as Record<string, unknown>, { origin: ORIGIN }) as Promise<GraphQLResult<R>>;
      const stored = async () =>
        Number(
          (
            await limited
              .em()
              .getConnection()
              .execute<{ n: number | string }[]>('select count(*) as n from cookie_consent_event')
          )[0]!.n,
        );
      const before = await stored();
      const results = [];
      for (let i = 0; i < budget + 3; i++) {
        results.push(
          await send(RecordCookieConsentDocument, {
            input: consentInput({ siteKey: limitedKey, choices: choices([]) }),
          }),
        );
      }
      expect(results.slice(0, budget).map((r) => r.errors)).toEqual(Array.from({ length: budget }, () => undefined));
      for (const refused of results.slice(budget)) {
        expect(errorOf(refused).code).toBe('TOO_MANY_REQUESTS');
        expect(refused.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(0);
      }
      expect(await stored()).toBe(before + budget);
      // The budget covers every public cookie request from the address: reads and withdrawals too.
      expect(errorOf(await send(CookieBannerDocument, { siteKey: limitedKey, locale: 'en' })).code).toBe(
        'TOO_MANY_REQUESTS',
      );
      expect(errorOf(await send(CookieConsentDocument, { siteKey: limitedKey, visitorId: randomUUID() })).code).toBe(
        'TOO_MANY_REQUESTS',
      );
      const withdraw = await send(WithdrawCookieConsentDocument, { input: withdrawalInput({ siteKey: limitedKey }) });
      expect(errorOf(withdraw).code).toBe('TOO_MANY_REQUESTS');
      expect(await stored()).toBe(before + budget);
    });
  });

  describe('cross-origin requests', () => {
    it('answers a preflight only for an allowed origin, never with credentials', async () => {
      const preflight = (origin: string) =>
        fetch(`${app.url}/graphql`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type',
          },
        });
      const ok = await preflight(ORIGIN);
      expect(ok.status).toBe(204);
      expect(ok.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      expect(ok.headers.get('access-control-allow-credentials')).toBeNull();
      const refused = await preflight('https://evil.example');
      expect(refused.status).toBe(403);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('a new site origin is allowed at once', async () => {
      const origin = 'https://new-site.example.org';
      const created = (
        await owner.ok(CreateCookieSiteDocument, { input: siteInput({ name: 'New', allowedOrigins: [origin] }) })
      ).createCookieSite;
      const res = await fetch(`${app.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      await owner.ok(UpdateCookieSiteDocument, {
        input: { ...siteInput({ name: 'New', allowedOrigins: ['https://other.example.org'] }), id: created.id },
      });
      const after = await fetch(`${app.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
      expect(after.status).toBe(403);
    });

    it('a page on another origin reaches no admin or partner field, even with a session cookie', async () => {
      for (const query of [
        '{ cookieSites { id } }',
        '{ me { id } }',
        '{ __schema { types { name } } }',
        '{ cookieBanner(siteKey: "x") { title } cookieSites { id } }',
        '{ partnerProviders(first: 1) { edges { cursor } } }',
      ]) {
        const res = await owner.raw(query, {}, { origin: ORIGIN });
        expect(res.status).toBe(403);
        expect(errorOf(res)).toMatchObject({ code: 'FORBIDDEN', message: CROSS_ORIGIN_FORBIDDEN });
      }
      const mutation = await owner.raw(
        'mutation { createCookieSite(input: { name: "x", domains: [], allowedOrigins: [], consentLifetimeDays: 1, honoursGpc: true, bannerTitle: { en: "a", ja: "a" }, bannerText: { en: "a", ja: "a" } }) { id } }',
        {},
        { origin: ORIGIN },
      );
      expect(errorOf(mutation).code).toBe('FORBIDDEN');
    });

    it("Steward's own origin (the admin) is not cross-origin", async () => {
      const res = await owner.raw('{ cookieSites { id } }', {}, { origin: app.url });
      expect(res.errors).toBeUndefined();
      expect(res.status).toBe(200);
    });

    it('serves the banner script to other sites with its own headers', async () => {
      const res = await fetch(`${app.url}/cookie-banner/v1/banner.js`, { headers: { origin: ORIGIN } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      expect(res.headers.get('cache-control')).toContain('max-age');
      expect(res.headers.get('content-security-policy')).toBeNull();
      expect(await res.text()).toContain('StewardCookies');
      const cached = await fetch(`${app.url}/cookie-banner/v1/banner.js`, {
        headers: { 'if-none-match': res.headers.get('etag')! },
      });
      expect(cached.status).toBe(304);
    });
  });

  describe('admin', () => {
    it('viewers read but cannot edit or read a visitor history', async () => {
      const viewer = await app.clientAs('VIEWER');
      expect((await viewer.ok(CookieCategoriesDocument)).cookieCategories).toHaveLength(4);
      expect((await viewer.ok(CookieSitesDocument)).cookieSites.length).toBeGreaterThan(0);
      expect(errorOf(await viewer.request(CreateCookieSiteDocument, { input: siteInput() })).code).toBe('FORBIDDEN');
      expect(errorOf(await viewer.request(CookieConsentHistoryDocument, { visitorId: randomUUID() })).code).toBe(
        'FORBIDDEN',
      );
      expect(errorOf(await anonymous.request(CookieSitesDocument)).code).toBe('UNAUTHENTICATED');
    });

    it('edits category wording; strictly necessary stays required', async () => {
      const updated = (
        await owner.ok(UpdateCookieCategoryDocument, {
          input: {
            category: 'STRICTLY_NECESSARY',
            label: { en: 'Essential', ja: '必須' },
            description: { en: 'Needed.', ja: '必要です。' },
          },
        })
      ).updateCookieCategory;
      expect(updated).toMatchObject({ label: { en: 'Essential' }, required: true });
      const banner = (await pub(CookieBannerDocument, { siteKey, locale: 'en' })).data!.cookieBanner;
      expect(banner.categories[0]).toMatchObject({ label: 'Essential', required: true });
      // The override is refused at the input boundary before the wording rules run.
      const hostile = await owner.request(UpdateCookieCategoryDocument, {
        input: { category: 'FUNCTIONAL', label: { en: 'x', ja: 'x' }, description: { en: 'a\u202E', ja: 'b' } },
      });
      expect(errorOf(hostile).issues?.map((i) => [i.field, i.code])).toEqual([
        ['input.description.en', 'CONTROL_CHARACTERS'],
      ]);
      const bad = await owner.request(UpdateCookieCategoryDocument, {
        input: { category: 'FUNCTIONAL', label: { en: '', ja: 'x' }, description: { en: 'a', ja: 'b' } },
      });
      expect(errorOf(bad).issues?.map((i) => [i.field, i.code])).toEqual([['input.label.en', 'REQUIRED']]);
    });

    it('refuses bad sites and declarations with the field named', async () => {
      const res = await owner.request(CreateCookieSiteDocument, {
        input: siteInput({ allowedOrigins: ['https://a.example/path'], consentLifetimeDays: 0 }),
      });
      expect(errorOf(res).issues?.map((i) => [i.field, i.code])).toEqual([
        ['input.allowedOrigins[0]', 'INVALID_FORMAT'],
        ['input.consentLifetimeDays', 'INVALID_VALUE'],
      ]);
      const decl = await owner.request(CreateCookieDeclarationDocument, {
        input: {
          siteId,
          name: 'x',
          domain: 'not a host',
          category: 'ANALYTICS',
          vendor: 'v',
          purpose: { en: 'p', ja: 'p' },
          durationDays: -1,
          storageKind: 'COOKIE',
        },
      });
      expect(errorOf(decl).issues?.map((i) => i.field)).toEqual(['input.domain', 'input.durationDays']);
    });

    it('deletes a declaration', async () => {
      const d = (
        await owner.ok(CreateCookieDeclarationDocument, {
          input: {
            siteId,
            name: 'tmp',
            domain: 'www.example-society.jp',
            category: 'FUNCTIONAL',
            vendor: 'v',
            purpose: { en: 'p', ja: 'p' },
            durationDays: null,
            storageKind: 'SESSION_STORAGE',
          },
        })
      ).createCookieDeclaration;
      expect((await owner.ok(DeleteCookieDeclarationDocument, { input: { id: d.id } })).deleteCookieDeclaration).toBe(
        d.id,
      );
      expect(
        (await owner.ok(CookieSitesDocument)).cookieSites.find((s) => s.id === siteId)!.declarations.map((x) => x.id),
      ).not.toContain(d.id);
    });

    it("shows a visitor's decrypted history across sites and audits the read", async () => {
      const visitorId = randomUUID();
      await pub(RecordCookieConsentDocument, { input: consentInput({ visitorId, choices: choices(['ANALYTICS']) }) });
      await pub(RecordCookieConsentDocument, {
        input: consentInput({ visitorId, siteKey: otherSiteKey, choices: choices(['MARKETING']) }),
      });
      await pub(WithdrawCookieConsentDocument, {
        input: { siteKey, visitorId, idempotencyKey: randomUUID(), policyVersion: 1, gpc: false },
      });
      const history = (await owner.ok(CookieConsentHistoryDocument, { visitorId })).cookieConsentHistory;
      expect(history.map((h) => [h.siteName, h.action, acceptedOf(h.choices).join('+')])).toEqual([
        ['Example society', 'CHOOSE', 'STRICTLY_NECESSARY+ANALYTICS'],
        ['No GPC', 'CHOOSE', 'STRICTLY_NECESSARY+MARKETING'],
        ['Example society', 'WITHDRAW', 'STRICTLY_NECESSARY'],
      ]);
      expect(history.every((h) => h.visitorId === visitorId)).toBe(true);
      const audits = await app
        .em()
        .getConnection()
        .execute<{ detail: unknown }[]>("select detail from audit_entry where action = 'cookie_consent.history_read'");
      expect(audits.length).toBeGreaterThan(0);
      expect(JSON.stringify(audits)).not.toContain(visitorId);
      expect((await owner.ok(CookieConsentHistoryDocument, { visitorId: 'not-an-id' })).cookieConsentHistory).toEqual(
        [],
      );
    });

    it("reads a visitor's whole history, however long: past 10,000 events and across pages with equal times", async () => {
      const visitorId = randomUUID();
      const bulkSite = (await owner.ok(CreateCookieSiteDocument, { input: siteInput({ name: 'Bulk' }) }))
        .createCookieSite;
      const n = 10_001;
      const start = app.clock.now.getTime() - 30 * 86_400_000;
      const ids: string[] = [];
      const batcher = cookieWriteBatcher(app.em());
      await Promise.all(
        Array.from({ length: n }, (_, i) => {
          const id = newId();
          ids.push(id);
          return batcher.submit({
            id,
            siteId: bulkSite.id,
            siteKey: bulkSite.siteKey,
            visitorIndex: visitorIndexOf(app.deps, visitorId),
            visitorSealed: app.deps.cipher.encrypt(visitorId, visitorSealContext(id)),
            action: i % 2 ? 'WITHDRAW' : 'CHOOSE',
            functional: false,
            analytics: i % 2 === 0,
            marketing: false,
            gpc: false,
            gpcApplied: false,
            policyVersion: 1,
            idempotencyKey: `bulk-${i}`,
            payloadHash: 'x'.repeat(64),
            // Three events per millisecond: pages must break ties by id.
            at: new Date(start + Math.floor(i / 3)),
            accepted: [],
          });
        }),
      );
      const service = new CookieConsentService(app.em(), app.deps);
      const all = await service.historyForVisitor(visitorId);
      expect(n).toBeGreaterThan(HISTORY_PAGE_ROWS);
      expect(all.map((e) => e.receiptId)).toEqual(ids);
      expect(all.every((e) => e.visitorId === visitorId && e.siteName === 'Bulk')).toBe(true);
      // Pages that end inside a millisecond: the same events, each once, in order.
      expect((await service.historyForVisitor(visitorId, 997)).map((e) => e.receiptId)).toEqual(ids);
      // The admin's lookup (and the disclosure package, through the same service) gets every event.
      const history = (await owner.ok(CookieConsentHistoryDocument, { visitorId })).cookieConsentHistory;
      expect(history).toHaveLength(n);
      expect(history.at(-1)!.receiptId).toBe(ids.at(-1));
    });

    it('counts consent per day and category', async () => {
      const stats = (await owner.ok(CookieConsentStatsDocument, { siteId, days: 30 })).cookieConsentStats;
      expect(stats.to).toBe(app.clock.now.toISOString().slice(0, 10));
      const total = stats.days.reduce((n, d) => n + d.choices + d.withdrawals, 0);
      // Each visitor once a day.
      const events = await app
        .em()
        .getConnection()
        .execute<{ visitor_index: string; occurred_at: unknown }[]>(
          'select visitor_index, occurred_at from cookie_consent_event where site_id = ?',
          [siteId],
        );
      const visitorDays = new Set(
        events.map((e) => `${e.visitor_index}:${Math.floor(fromDbDate(e.occurred_at).getTime() / 86_400_000)}`),
      );
      expect(events.length).toBeGreaterThan(visitorDays.size);
      expect(total).toBe(visitorDays.size);
      expect(stats.days[0]!.analytics).toBeGreaterThan(0);
      expect(stats.days[0]!.gpc).toBeGreaterThan(0);
      expect(errorOf(await owner.request(CookieConsentStatsDocument, { siteId, days: 0 })).code).toBe('BAD_USER_INPUT');
    });

    it('counts each visitor once a UTC day, by their last choice or withdrawal that day', async () => {
      const statsKey = (await owner.ok(CreateCookieSiteDocument, { input: siteInput({ name: 'Stats' }) }))
        .createCookieSite;
      const record = (visitorId: string, accepted: string[], gpc = false) =>
        pub(RecordCookieConsentDocument, {
          input: consentInput({ siteKey: statsKey.siteKey, visitorId, choices: choices(accepted), gpc }),
        });
      const [a, b, c, d] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      app.clock.advance(-86_400_000);
      const yesterday = app.clock.now.toISOString().slice(0, 10);
      try {
        await record(a, ['ANALYTICS']);
        await record(a, []); // changed their mind: counted once, as refusing analytics
        await record(b, ['ANALYTICS', 'MARKETING']);
        await record(c, ['FUNCTIONAL']);
        await pub(WithdrawCookieConsentDocument, {
          input: {
            siteKey: statsKey.siteKey,
            visitorId: c,
            idempotencyKey: randomUUID(),
            policyVersion: 1,
            gpc: false,
          },
        });
        await record(d, [], true);
      } finally {
        app.clock.advance(86_400_000);
      }
      await record(a, ['FUNCTIONAL', 'ANALYTICS', 'MARKETING']);
      const stats = (await owner.ok(CookieConsentStatsDocument, { siteId: statsKey.id, days: 7 })).cookieConsentStats;
      expect(stats.days).toEqual([
        { day: yesterday, choices: 3, withdrawals: 1, gpc: 1, functional: 0, analytics: 1, marketing: 1 },
        { day: stats.to, choices: 1, withdrawals: 0, gpc: 0, functional: 1, analytics: 1, marketing: 1 },
      ]);
    });
  });
});
