import {
  CreatePolicyDraftDocument,
  PublishPolicyVersionDocument,
  RecordCollectionDocument,
  UpdatePolicyDraftDocument,
} from '@steward/schema';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { witnessLedgerHead } from '../../ledger/checkpoint-schedule.js';
import { createTestCluster, type TestCluster } from '../../test/cluster.js';
import { POSTGRESQL_ONLY, SQLITE_ONLY } from '../../test/databases.js';
import { StampedCache } from '../../cookies/cookie-cache.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { readChangeStamp } from './change-stamp.queries.js';
import { buildCollectionInput } from '../../test/factories.js';
import { OWNER, TestClient } from '../../test/test-app.js';

// Two instances on one PostgreSQL database behind nginx (test/cluster.ts), checked through the
// proxy as a browser and an operator reach them: they start together on an empty database, a change
// made through one is in force on the other's very next request, the public rate limits are one
// budget, and one instance at a time signs the ledger head.

const ORIGIN = 'https://www.cluster-society.example';
const OTHER_ORIGIN = 'https://shop.cluster-society.example';
/** Public budgets at 2 % (address: 12 a minute; visitor: 1): small enough to spend in a test. */
const RATE_LIMIT_SCALE = 0.02;
const ADDRESS_BUDGET = Math.round(600 * RATE_LIMIT_SCALE);

const CHOICES = ['STRICTLY_NECESSARY', 'FUNCTIONAL', 'ANALYTICS', 'MARKETING'].map((category) => ({
  category,
  accepted: category !== 'MARKETING',
}));

const siteInput = (allowedOrigins: string[]) => ({
  name: 'Cluster society',
  domains: ['www.cluster-society.example'],
  allowedOrigins,
  consentLifetimeDays: 180,
  honoursGpc: true,
  bannerTitle: { en: 'Cookies', ja: 'クッキー' },
  bannerText: { en: 'We use cookies.', ja: 'クッキーを使用します。' },
});

/** A new visitor's choice on the site, under policy version 1. */
const consentFor = (siteKey: string) => ({
  siteKey,
  visitorId: randomUUID(),
  idempotencyKey: randomUUID(),
  policyVersion: 1,
  gpc: false,
  choices: CHOICES,
});

const RECORD =
  'mutation($input: RecordCookieConsentInput!) { recordCookieConsent(input: $input) { receiptId policyVersion } }';

interface Answer {
  status: number;
  allowOrigin: string | null;
  code: unknown;
  data: Record<string, unknown> | null;
}

/** A POST to /graphql from a page on `origin`, as if from client address `address` (X-Forwarded-For). */
async function publicPost(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  origin: string,
  address: string,
): Promise<Answer> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, 'x-forwarded-for': address },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Record<string, unknown>; errors?: { extensions?: { code?: unknown } }[] };
  return {
    status: res.status,
    allowOrigin: res.headers.get('access-control-allow-origin'),
    code: body.errors?.[0]?.extensions?.code ?? null,
    data: body.data ?? null,
  };
}

describe.each(POSTGRESQL_ONLY)('many instances on one %s database behind nginx', () => {
  let cluster: TestCluster;
  let owner: TestClient;
  let siteId: string;
  let siteKey: string;
  let startMs: number;

  const consent = (policyVersion = 1) => ({ ...consentFor(siteKey), policyVersion });

  beforeAll(async () => {
    const t = performance.now();
    cluster = await createTestCluster({
      instances: 2,
      startTogether: true,
      config: { rateLimitScale: RATE_LIMIT_SCALE },
    });
    startMs = performance.now() - t;
    owner = new TestClient(cluster.url);
    await owner.login(OWNER.email, OWNER.password);
  });
  afterAll(() => cluster?.close());

  it('starts both instances together on an empty database: one migrates and sets it up, the other waits', async () => {
    expect(cluster.apps).toHaveLength(2);
    const em = cluster.app.em();
    const count = async (sql: string) => Number((await em.getConnection().execute<{ n: string }[]>(sql))[0]!.n);
    const migrations = await count('select count(*) as n from mikro_orm_migrations');
    expect(migrations).toBe(await count('select count(distinct name) as n from mikro_orm_migrations'));
    expect(await count("select count(*) as n from admin_user where role = 'OWNER'")).toBe(1);
    expect(await count('select count(*) as n from change_stamp')).toBe(1);
    // Each instance listens for the change stamp on a connection of its own (the last statement it ran).
    await expect
      .poll(() =>
        count(
          "select count(*) as n from pg_stat_activity where datname = current_database() and query ilike 'listen %'",
        ),
      )
      .toBe(2);
    console.log(`[two instances] started together on an empty database in ${Math.round(startMs)} ms`);
  });

  it('refuses an origin removed through one instance on the other instance’s very next request, write and CORS header alike', async () => {
    const created = await owner.raw(
      'mutation($input: CookieSiteInput!) { createCookieSite(input: $input) { id siteKey } }',
      { input: siteInput([ORIGIN, OTHER_ORIGIN]) },
    );
    expect(created.errors).toBeUndefined();
    ({ id: siteId, siteKey } = (
      created.data as { createCookieSite: { id: string; siteKey: string } }
    ).createCookieSite);

    // Both instances have the site and the origins cached: writes from OTHER_ORIGIN pass on each.
    for (const url of [...cluster.instanceUrls, cluster.url, cluster.url]) {
      const ok = await publicPost(url, RECORD, { input: consent() }, OTHER_ORIGIN, '198.51.100.1');
      expect(ok).toMatchObject({ status: 200, allowOrigin: OTHER_ORIGIN, code: null });
    }

    // Instance A removes OTHER_ORIGIN; the next request on instance B (directly, then both through nginx) refuses it.
    const a = new TestClient(cluster.instanceUrls[0]!);
    await a.login(OWNER.email, OWNER.password);
    const updated = await a.raw('mutation($input: UpdateCookieSiteInput!) { updateCookieSite(input: $input) { id } }', {
      input: { ...siteInput([ORIGIN]), id: siteId },
    });
    expect(updated.errors).toBeUndefined();
    for (const url of [cluster.instanceUrls[1]!, cluster.url, cluster.url]) {
      const refused = await publicPost(url, RECORD, { input: consent() }, OTHER_ORIGIN, '198.51.100.1');
      expect(refused).toMatchObject({ allowOrigin: null, code: 'FORBIDDEN' });
    }
    // The origin still allowed works on both.
    for (const url of [cluster.url, cluster.url]) {
      expect(await publicPost(url, RECORD, { input: consent() }, ORIGIN, '198.51.100.1')).toMatchObject({
        allowOrigin: ORIGIN,
        code: null,
      });
    }
  });

  it('accepts a newly published policy version on every instance at once', async () => {
    for (const url of cluster.instanceUrls) {
      // Cached as 1 on both: a consent to version 2 is refused.
      const early = await publicPost(url, RECORD, { input: consent(2) }, ORIGIN, '198.51.100.2');
      expect(early.code).toBe('BAD_USER_INPUT');
    }
    const b = new TestClient(cluster.instanceUrls[1]!);
    await b.login(OWNER.email, OWNER.password);
    const draft = (await b.ok(CreatePolicyDraftDocument)).createPolicyDraft;
    const [first, ...rest] = draft.sections.map(({ clause, titleEn, titleJa, bodyEn, bodyJa }) => ({
      clause,
      titleEn,
      titleJa,
      bodyEn,
      bodyJa,
    }));
    const saved = (
      await b.ok(UpdatePolicyDraftDocument, {
        input: {
          id: draft.id,
          expectedVersion: draft.version,
          changeSummaryJa: 'クラスタ試験のための改定。',
          changeSummaryEn: 'Revised for the cluster test.',
          sections: [{ ...first!, bodyEn: `${first!.bodyEn} (revised)` }, ...rest],
          purposes: (draft.purposes ?? []).map(({ key, titleEn, titleJa, description, categories, retired }) => ({
            key,
            titleEn,
            titleJa,
            description,
            categories: [...categories],
            retired,
          })),
        },
      })
    ).updatePolicyDraft;
    await b.ok(PublishPolicyVersionDocument, {
      input: { id: saved.id, expectedVersion: saved.version, confirmNumber: 2 },
    });
    for (const url of [cluster.instanceUrls[0]!, cluster.url, cluster.url]) {
      const accepted = await publicPost(url, RECORD, { input: consent(2) }, ORIGIN, '198.51.100.2');
      expect(accepted).toMatchObject({ code: null, data: { recordCookieConsent: { policyVersion: 2 } } });
      const banner = await publicPost(
        url,
        'query($siteKey: String!) { cookieBanner(siteKey: $siteKey) { policyVersion } }',
        { siteKey },
        ORIGIN,
        '198.51.100.2',
      );
      expect(banner.data).toEqual({ cookieBanner: { policyVersion: 2 } });
    }
  });

  it('spends one public budget across both instances', async () => {
    const address = '203.0.113.77';
    const answers: Answer[] = [];
    // Through nginx, round robin: each instance serves half of them.
    for (let i = 0; i < ADDRESS_BUDGET + 4; i++)
      answers.push(await publicPost(cluster.url, RECORD, { input: consent(2) }, ORIGIN, address));
    expect(answers.slice(0, ADDRESS_BUDGET).map((a) => a.code)).toEqual(Array(ADDRESS_BUDGET).fill(null));
    expect(answers.slice(ADDRESS_BUDGET).map((a) => a.code)).toEqual(Array(4).fill('TOO_MANY_REQUESTS'));
    // Spent on each instance alike; another address still has its budget.
    for (const url of cluster.instanceUrls) {
      expect((await publicPost(url, RECORD, { input: consent(2) }, ORIGIN, address)).code).toBe('TOO_MANY_REQUESTS');
      expect((await publicPost(url, RECORD, { input: consent(2) }, ORIGIN, '203.0.113.78')).code).toBeNull();
    }
  });

  it('lets one instance at a time sign the ledger head: of two witnesses at once, one signs', async () => {
    const [a, b] = cluster.apps as [(typeof cluster.apps)[0], (typeof cluster.apps)[0]];
    for (let round = 0; round < 3; round++) {
      expect(
        (await owner.request(RecordCollectionDocument, { input: buildCollectionInput({ policyVersionShown: 2 }) }))
          .errors,
      ).toBeUndefined();
      const outcomes = await Promise.all([witnessLedgerHead(a.orm, a.deps), witnessLedgerHead(b.orm, b.deps)]);
      expect(outcomes.sort()).toEqual(['signed', 'unchanged']);
    }
    const [row] = await a
      .em()
      .getConnection()
      .execute<{ n: string; d: string }[]>(
        'select count(*) as n, count(distinct sequence) as d from ledger_checkpoint',
      );
    expect(Number(row!.n)).toBe(Number(row!.d));
  });
});

describe('a stamped cache', () => {
  it('answers from an entry only under a stamp at least the one read, whether or not a notification came', async () => {
    const cache = new StampedCache<string>();
    let value = 'first';
    let loads = 0;
    const load = () => (loads++, Promise.resolve(value));
    expect(await cache.get('k', 1, load)).toBe('first');
    expect(await cache.get('k', 1, load)).toBe('first');
    expect(loads).toBe(1);
    // A change committed (stamp 2) and its notification lost: the next request, reading 2, reloads.
    value = 'second';
    expect(await cache.get('k', 2, load)).toBe('second');
    expect(loads).toBe(2);
    // A notification heard (stamp 3): reloaded at once; the request that reads 3 finds it loaded.
    value = 'third';
    cache.refresh(3);
    expect(loads).toBe(3);
    expect(await cache.get('k', 3, load)).toBe('third');
    // A request that read an older stamp is served the newer entry.
    expect(await cache.get('k', 2, load)).toBe('third');
    expect(loads).toBe(3);
  });
});

describe.each(SQLITE_ONLY)('the change stamp on %s (one instance)', (database) => {
  let app: TestApp;
  afterAll(() => app?.close());

  it('moves with each site change, and the next request sees the change (write and CORS header)', async () => {
    app = await createTestApp({ database });
    const owner = await app.clientAs('OWNER');
    const created = await owner.raw(
      'mutation($input: CookieSiteInput!) { createCookieSite(input: $input) { id siteKey } }',
      { input: siteInput([ORIGIN, OTHER_ORIGIN]) },
    );
    const site = (created.data as { createCookieSite: { id: string; siteKey: string } }).createCookieSite;
    const input = () => ({ ...consentFor(site.siteKey), policyVersion: 1 });
    const before = await readChangeStamp(app.em());
    expect(await publicPost(app.url, RECORD, { input: input() }, OTHER_ORIGIN, '198.51.100.9')).toMatchObject({
      allowOrigin: OTHER_ORIGIN,
      code: null,
    });
    await owner.raw('mutation($input: UpdateCookieSiteInput!) { updateCookieSite(input: $input) { id } }', {
      input: { ...siteInput([ORIGIN]), id: site.id },
    });
    expect(await readChangeStamp(app.em())).toBe(before + 1);
    expect(await publicPost(app.url, RECORD, { input: input() }, OTHER_ORIGIN, '198.51.100.9')).toMatchObject({
      allowOrigin: null,
      code: 'FORBIDDEN',
    });
  });
});
