import {
  CreateAdminUserDocument,
  CreateCookieSiteDocument,
  DecisionDocument,
  IssueSystemKeyDocument,
  LoginDocument,
  RecordCollectionDocument,
  RecordCookieConsentDocument,
} from '@steward/schema';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCollectionInput } from '../test/factories.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';

/** Every planted value carries this marker: no log line may contain it, in any case. */
const MARK = `Cnry${randomBytes(6).toString('hex')}`;
const canary = (what: string) => `${MARK}${what}`;

interface RequestLine {
  level: string;
  msg: string;
  reqId: string;
  method: string;
  route: string;
  operation?: string;
  status: number;
  durationMs: number;
  errors?: string[];
}

const ORIGIN = 'https://www.canary-society.example';

// The log canary: values that must never be logged are planted through real HTTP — a provider's
// name, e-mail and data, a collection's source and note, a staff e-mail and password at sign-in, an
// API key, a visitor id, hostile values that are refused, a path and a request id — and every line
// the server wrote is searched for them. Each request also wrote exactly one request line.
describe('the log holds no personal value, key or password (canary)', () => {
  let app: TestApp;
  let owner: TestClient;
  /** Request id → what the request line must say. */
  const sent = new Map<
    string,
    { method: string; route: string; operation?: string; status: number; errors?: string[] }
  >();
  let n = 0;
  const nextId = () => `canary-req-${++n}`;
  const secrets: string[] = [];

  async function gql<R, V>(
    client: TestClient,
    doc: TypedDocumentNode<R, V>,
    variables: V,
    expected: { operation: string; status?: number; errors?: string[] },
    headers: Record<string, string> = {},
  ) {
    const id = nextId();
    const res = await client.raw(print(doc), variables as Record<string, unknown>, { 'x-request-id': id, ...headers });
    sent.set(id, { method: 'POST', route: '/graphql', status: 200, ...expected });
    return res;
  }

  beforeAll(async () => {
    app = await createTestApp({ config: { metricsToken: 'a-metrics-token-of-some-length' } });
    owner = await app.clientAs('OWNER');
  });
  afterAll(() => app?.close());

  it('plants canaries through every kind of request', async () => {
    // A provider's name, e-mail and data, the collection's source.
    const collected = await gql(
      owner,
      RecordCollectionDocument,
      {
        input: buildCollectionInput({
          items: [
            { category: 'NAME', value: canary(' Fujimoto') },
            { category: 'EMAIL', value: `${canary('mail').toLowerCase()}@example.jp` },
            { category: 'AFFILIATION', value: canary(' Optics Lab') },
          ],
          source: canary(' registration desk'),
        }),
      },
      { operation: 'RecordCollection' },
    );
    expect(collected.errors).toBeUndefined();
    const providerId = (collected.data as { recordCollection: { provider: { id: string } } }).recordCollection.provider
      .id;

    // A hostile value (a control character in a name): refused before anything is stored.
    const hostile = await gql(
      owner,
      RecordCollectionDocument,
      { input: buildCollectionInput({ items: [{ category: 'NAME', value: `${canary('\u0000 hostile')}` }] }) },
      { operation: 'RecordCollection', errors: ['BAD_USER_INPUT'] },
    );
    expect(hostile.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    // A staff member with a canary e-mail and password, who signs in (once wrongly).
    const email = `${canary('staff').toLowerCase()}@steward.test`;
    const password = canary('-Horse-Battery-Staple-9');
    const created = await gql(
      owner,
      CreateAdminUserDocument,
      { input: { email, displayName: canary(' Staff'), role: 'PRIVACY_OFFICER', password } },
      { operation: 'CreateAdminUser' },
    );
    expect(created.errors).toBeUndefined();
    const staff = app.client();
    const wrong = await gql(
      staff,
      LoginDocument,
      { input: { email, password: canary('-wrong-password') } },
      { operation: 'Login', errors: ['UNAUTHENTICATED'] },
    );
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const signedIn = await gql(staff, LoginDocument, { input: { email, password } }, { operation: 'Login' });
    expect(signedIn.errors).toBeUndefined();
    expect(staff.cookie).toBeTruthy();
    secrets.push(staff.cookie!);

    // An API key, used for a decision; a made-up key, refused.
    const issued = await gql(
      owner,
      IssueSystemKeyDocument,
      { input: { systemName: canary(' membership db'), label: canary(' nightly') } },
      { operation: 'IssueSystemKey' },
    );
    const key = (issued.data as { issueSystemKey: { key: string } }).issueSystemKey.key;
    secrets.push(key);
    const system = app.client();
    const decided = await gql(
      system,
      DecisionDocument,
      {
        input: { action: 'USE', providerId, purposeKey: 'CONFERENCE_REGISTRATION', categories: ['NAME'] },
      },
      { operation: 'Decision' },
      { authorization: `Bearer ${key}` },
    );
    expect(decided.errors).toBeUndefined();
    const forged = `sys_${canary('forgedsecret')}`;
    const refusedKey = await gql(
      system,
      DecisionDocument,
      { input: { action: 'USE', providerId, purposeKey: 'CONFERENCE_REGISTRATION', categories: ['NAME'] } },
      { operation: 'Decision', status: 401, errors: ['UNAUTHENTICATED'] },
      { authorization: `Bearer ${forged}` },
    );
    expect(refusedKey.status).toBe(401);

    // A visitor's cookie choice (the visitor id is personal), from the site's page.
    const site = await gql(
      owner,
      CreateCookieSiteDocument,
      {
        input: {
          name: canary(' site'),
          domains: ['www.canary-society.example'],
          allowedOrigins: [ORIGIN],
          consentLifetimeDays: 180,
          honoursGpc: true,
          bannerTitle: { en: 'Cookies', ja: 'クッキー' },
          bannerText: { en: 'We use cookies.', ja: 'クッキーを使用します。' },
        },
      },
      { operation: 'CreateCookieSite' },
    );
    const siteKey = (site.data as { createCookieSite: { siteKey: string } }).createCookieSite.siteKey;
    const visitorId = randomUUID();
    secrets.push(visitorId);
    const choice = await gql(
      app.client(),
      RecordCookieConsentDocument,
      {
        input: {
          siteKey,
          visitorId,
          idempotencyKey: randomUUID(),
          policyVersion: 1,
          gpc: false,
          choices: (['STRICTLY_NECESSARY', 'FUNCTIONAL', 'ANALYTICS', 'MARKETING'] as const).map((category) => ({
            category,
            accepted: category !== 'MARKETING',
          })),
        },
      },
      { operation: 'RecordCookieConsent' },
      { origin: ORIGIN },
    );
    expect(choice.errors).toBeUndefined();

    // Not GraphQL: a path and a query string, malformed JSON, a hostile request id, /metrics without its token.
    const plain = async (
      path: string,
      init: RequestInit,
      expected: { route: string; status: number; errors?: string[] },
      id = nextId(),
    ) => {
      const res = await fetch(`${app.url}${path}`, {
        ...init,
        headers: { 'x-request-id': id, ...(init.headers as Record<string, string>) },
      });
      await res.arrayBuffer();
      expect(res.status).toBe(expected.status);
      sent.set(res.headers.get('x-request-id')!, { method: init.method ?? 'GET', ...expected });
      return res;
    };
    await plain(
      `/${canary('path')}/x?email=${canary('query')}`,
      {},
      { route: 'not-found', status: 404, errors: ['NOT_FOUND'] },
    );
    await plain(
      '/graphql',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"query": "${canary('broken')}`,
      },
      { route: '/graphql', status: 400, errors: ['BAD_REQUEST'] },
    );
    const hostileId = await plain('/livez', {}, { route: '/livez', status: 200 }, canary('<script>'));
    expect(hostileId.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await plain(
      '/metrics',
      { headers: { authorization: `Bearer ${canary('token')}` } },
      { route: '/metrics', status: 401, errors: ['UNAUTHENTICATED'] },
    );
    await plain('/readyz', {}, { route: '/readyz', status: 200 });
  });

  it('wrote no canary, key, session or visitor id to the log', async () => {
    await waitForLines(app, sent.size);
    const lines = app.logLines.join('\n');
    expect(lines.toLowerCase()).not.toContain(MARK.toLowerCase());
    for (const secret of secrets) expect(lines).not.toContain(secret);
    // No SQL either: no line quotes a statement.
    expect(lines).not.toMatch(/\b(insert into|select .* from|update .* set)\b/i);
  });

  it('wrote exactly one request line per request, with its method, route, operation, status, duration and error codes', async () => {
    await waitForLines(app, sent.size);
    const requestLines = app.logLines.map((l) => JSON.parse(l) as RequestLine).filter((l) => l.msg === 'request');
    for (const [id, expected] of sent) {
      const mine = requestLines.filter((l) => l.reqId === id);
      expect(mine, id).toHaveLength(1);
      const line = mine[0]!;
      expect(line, id).toMatchObject({ method: expected.method, route: expected.route, status: expected.status });
      if (expected.operation) expect(line.operation, id).toBe(expected.operation);
      expect(line.errors, id).toEqual(expected.errors);
      expect(line.durationMs).toBeGreaterThanOrEqual(0);
      expect(line.level).toBe('info');
    }
  });
});

/** Request lines are written when the answer has been sent: wait until every request's is there. */
async function waitForLines(app: TestApp, requests: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const count = app.logLines.filter(
      (l) => l.includes('"reqId":"canary-req-') || l.includes('"route":"/livez"'),
    ).length;
    if (count >= requests) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
