import { DecisionDocument, RecordCollectionDocument, RecordConsentDocument } from '@steward/schema';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/core';
import { DbRateLimiter, spend } from '../common/limits/db-rate-limiter.js';
import { RateLimits } from '../common/rate-limit.js';
import { readiness } from './health.js';
import { buildCollectionInput } from '../test/factories.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';

const TOKEN = 'metrics-token-for-the-tests';
const ADMIN_PAGE = '<!doctype html><title>Steward admin (test build)</title>';

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

/** The value of a sample of the Prometheus text, e.g. `steward_ledger_appends_total` or `…{writer="ledger"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('health, metrics and unknown paths (metrics behind a token on the main port)', () => {
  let app: TestApp;
  let owner: TestClient;
  let adminDir: string;

  beforeAll(async () => {
    adminDir = mkdtempSync(join(tmpdir(), 'steward-admin-'));
    writeFileSync(join(adminDir, 'index.html'), ADMIN_PAGE);
    mkdirSync(join(adminDir, 'assets'));
    writeFileSync(join(adminDir, 'assets', 'app.js'), 'console.log(1)');
    app = await createTestApp({ config: { metricsToken: TOKEN, adminDistDir: adminDir } });
    owner = await app.clientAs('OWNER');
  });
  afterAll(async () => {
    await app?.close();
    rmSync(adminDir, { recursive: true, force: true });
  });

  it('answers DATABASE_UNREACHABLE when the database does not answer', async () => {
    const down = {
      em: {
        getConnection() {
          throw new Error('connection refused');
        },
      },
      config: app.orm.config,
    } as unknown as MikroORM;
    expect(await readiness(down, app.deps)).toBe('DATABASE_UNREACHABLE');
  });

  it('serves /metrics only with the bearer token, with every family the README lists', async () => {
    expect((await get(`${app.url}/metrics`)).status).toBe(401);
    expect((await get(`${app.url}/metrics`, { authorization: 'Bearer not-the-token-at-all' })).status).toBe(401);

    // Work for each family: a collection (ledger appends in a group commit), a consent change, a refused limit.
    const { recordCollection } = await owner.ok(RecordCollectionDocument, { input: buildCollectionInput() });
    await owner.ok(RecordConsentDocument, {
      input: {
        providerId: recordCollection.provider.id,
        expectedProviderVersion: recordCollection.provider.version,
        purposeKey: 'EVENT_NEWS',
        action: 'GRANT',
        method: 'VERBAL',
      },
    });
    // A decision's ledger entry goes through the group commit.
    await owner.ok(DecisionDocument, {
      input: {
        action: 'USE',
        providerId: recordCollection.provider.id,
        purposeKey: 'CONFERENCE_REGISTRATION',
        categories: ['NAME'],
      },
    });
    const limits = new RateLimits(1);
    const rule = { name: 'metrics-probe', points: 1, durationSeconds: 60 };
    await limits.consume(rule, 'k');
    await expect(limits.consume(rule, 'k')).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    const shared = new DbRateLimiter({
      em: app.orm.em,
      now: () => new Date(),
      keyPrefix: 'metrics_probe_db',
      points: 1,
      durationSeconds: 60,
    });
    await spend(shared, 'k');
    await expect(spend(shared, 'k')).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    await owner.raw('{ nope }');

    const metrics = await get(`${app.url}/metrics`, { authorization: `Bearer ${TOKEN}` });
    expect(metrics.status).toBe(200);
    expect(metrics.type).toMatch(/^text\/plain/);
    const text = metrics.text;
    expect(sample(text, 'steward_request_duration_seconds_count{operation="RecordCollection",status="2xx"}')).toBe(1);
    expect(sample(text, 'steward_request_duration_seconds_count{operation="Decision",status="2xx"}')).toBe(1);
    expect(sample(text, 'steward_errors_total{code="GRAPHQL_VALIDATION_FAILED"}')).toBeGreaterThan(0);
    expect(sample(text, 'steward_ledger_appends_total')).toBeGreaterThan(0);
    expect(sample(text, 'steward_group_commit_batch_size_count{writer="ledger"}')).toBeGreaterThan(0);
    expect(sample(text, 'steward_rate_limit_refusals_total{limit="metrics-probe"}')).toBe(1);
    expect(sample(text, 'steward_rate_limit_refusals_total{limit="metrics_probe_db"}')).toBe(1);
    expect(sample(text, 'steward_consent_writes_total{source="staff",result="stored"}')).toBeGreaterThan(0);
    expect(sample(text, 'steward_db_pool_connections{state="used"}')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'steward_db_pool_connections{state="free"}')).toBeGreaterThanOrEqual(0);
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('labels operations Steward does not ship as `other`: a caller cannot grow the label set', async () => {
    for (let i = 0; i < 3; i++) await owner.raw(`query Made_Up_${i}_${Date.now()} { me { id } }`);
    const text = (await get(`${app.url}/metrics`, { authorization: `Bearer ${TOKEN}` })).text;
    expect(text).not.toContain('Made_Up_');
    expect(sample(text, 'steward_request_duration_seconds_count{operation="other",status="2xx"}')).toBeGreaterThan(2);
  });

  it("serves the admin's page to browsers' navigations only, and 404 to everything else", async () => {
    const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
    for (const path of [
      '/',
      '/providers',
      '/providers/0190f7a2-1111-7aaa-8bbb-123456789abc',
      '/login',
      '/no-such-screen',
    ])
      expect(await get(`${app.url}${path}`, html), path).toMatchObject({ status: 200, text: ADMIN_PAGE });
    expect(await get(`${app.url}/assets/app.js`)).toMatchObject({ status: 200, text: 'console.log(1)' });
    // The root is the front door whatever the Accept: `curl http://host/` finds the admin.
    expect(await get(`${app.url}/`)).toMatchObject({ status: 200, text: ADMIN_PAGE });

    const notFound = [
      ['/metrics', html],
      ['/readyz/more', html],
      ['/api/providers', html],
      ['/.well-known/security.txt', html],
      ['/.env', html],
      ['/wp-login.php', html],
      ['/assets/missing.js', html],
      ['/favicon.ico', {}],
      ['/providers', {}],
      ['/providers', { accept: 'application/json' }],
      ['/livez/extra', html],
    ] as const;
    for (const [path, headers] of notFound) {
      const res = await get(`${app.url}${path}`, headers);
      expect(res.text, path).not.toContain('Steward admin');
      // /metrics on the main port without a token is the token's 401; the rest is not there.
      expect(res.status, path).toBe(path === '/metrics' ? 401 : 404);
      expect(res.type, path).toMatch(/^application\/json/);
    }
    const post = await fetch(`${app.url}/no-such-thing`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(404);
    expect(await post.json()).toEqual({ errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
    // GET /graphql is Apollo's (a query, or a 400 without one), never the admin's page.
    const misuse = await get(`${app.url}/graphql`, html);
    expect(misuse.text).not.toContain('Steward admin');
    // The public pages are the API's own, whatever the Accept; the rest of /privacy/ is their 404 page.
    for (const headers of [html, {}, { accept: 'application/json' }])
      for (const path of ['/privacy', '/privacy/inquiry', '/privacy/request']) {
        const page = await get(`${app.url}${path}`, headers);
        expect(page, path).toMatchObject({ status: 200, type: expect.stringMatching(/^text\/html/) });
        expect(page.text, path).not.toContain('Steward admin');
      }
    const missing = await get(`${app.url}/privacy/old-page`, html);
    expect(missing).toMatchObject({ status: 404, type: expect.stringMatching(/^text\/html/) });
    expect(missing.text).not.toContain('Steward admin');
  });
});

describe('metrics on a port of their own', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ config: { metricsPort: 0 } });
  });
  afterAll(() => app?.close());

  it('serves /metrics, /livez and /readyz there, and /metrics is not on the main port', async () => {
    expect(app.metricsUrl).not.toBeNull();
    const metrics = await get(`${app.metricsUrl}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain('steward_request_duration_seconds');
    expect((await get(`${app.metricsUrl}/livez`)).status).toBe(200);
    expect((await get(`${app.metricsUrl}/readyz`)).text).toBe('{"status":"ready"}');
    expect((await get(`${app.metricsUrl}/graphql`)).status).toBe(404);
    expect((await get(`${app.url}/metrics`)).status).toBe(404);
  });
});
