import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestAppWithOwner, errorOf, type TestApp, type TestClient } from '../test/test-app.js';

let app: TestApp;
let owner: TestClient;
beforeAll(async () => {
  ({ app, owner } = await createTestAppWithOwner());
});
afterAll(() => app.close());

describe('request hardening', () => {
  it('refuses a cross-site simple request (CSRF prevention) without running it', async () => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie: `steward_session=${owner.cookie}` },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    expect(res.status).toBe(400);
    const me = await owner.raw('{ me { id } }');
    expect(me.data).toEqual({ me: expect.objectContaining({ id: expect.any(String) }) });
  });

  it('refuses mutations over GET', async () => {
    const res = await fetch(`${app.url}/graphql?query=${encodeURIComponent('mutation { logout }')}`, {
      headers: { 'apollo-require-preflight': 'true', cookie: `steward_session=${owner.cookie}` },
    });
    expect(res.status).toBe(405);
  });

  it('limits aliases and cost with a validation error, not a 500', async () => {
    const aliased = `{ me { id } ${Array.from({ length: 20 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    const costly = `{ ${Array.from({ length: 14 }, (_, i) => `p${i}: providers(first: 100) { edges { node { dataItems { id value } consentHistory { id purpose { key } } } } }`).join(' ')} }`;
    // (No path through the schema is deeper than the depth limit; introspection is exempt from it.)
    for (const query of [aliased, costly]) {
      const res = await owner.raw(query);
      expect(res.status).toBe(400);
      expect(errorOf(res).code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    // The deepest screen of the admin stays well inside the limits.
    const detail =
      '{ providers { edges { node { collections { purposes { purpose { categories } } receipt { purposes { categories } } } } } } }';
    expect((await owner.raw(detail)).status).toBe(200);
  });

  it('answers malformed JSON and oversized bodies with a clean 4xx', async () => {
    const bad = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(bad.status).toBe(400);
    const text = await bad.text();
    expect(text).not.toMatch(/SyntaxError|at .*\.js|node_modules/);
    const huge = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { id } }', variables: { x: 'x'.repeat(400_000) } }),
    });
    expect(huge.status).toBe(413);
  });

  it('masks unexpected errors: no SQL, stack or path reaches the client', async () => {
    // Corrupt one sealed value behind the API's back: decryption must fail without leaking why.
    const created = await owner.raw(
      'mutation($i: RecordCollectionInput!) { recordCollection(input: $i) { provider { id } } }',
      {
        i: {
          newProvider: { kind: 'SERVICE_USER' },
          channel: 'EMAIL',
          consentMethod: 'EMAIL_REPLY',
          policyVersionShown: 1,
          purposes: [{ purposeKey: 'EVENT_NEWS', granted: true }],
          items: [{ category: 'NAME', value: 'Masked Person' }],
        },
      },
    );
    const id = (created.data as { recordCollection: { provider: { id: string } } }).recordCollection.provider.id;
    await app
      .em()
      .getConnection()
      .execute("update personal_data_item set value_sealed = 'v1.deadbeefdeadbeef.AAAA' where provider_id = ?", [id]);
    const res = await owner.raw('query($id: ID!) { provider(id: $id) { dataItems { value } } }', { id });
    expect(errorOf(res)).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' });
    expect(JSON.stringify(res)).not.toMatch(/select|personal_data_item|\/work\/|\.ts:|decipher|auth/i);
  });

  it('answers a missing provider with NOT_FOUND, the same for malformed ids', async () => {
    for (const id of ['01900000-0000-7000-8000-000000000000', 'not-an-id', "' or 1=1 --"]) {
      expect(errorOf(await owner.raw('query($id: ID!) { provider(id: $id) { id } }', { id })).code).toBe('NOT_FOUND');
    }
  });

  it('serves /healthz and security headers', async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});

describe('production mode', () => {
  it('turns introspection off', async () => {
    const prod = await createTestApp({ production: true });
    try {
      const res = await prod.client().raw('{ __schema { types { name } } }');
      expect(errorOf(res).code).toBe('GRAPHQL_VALIDATION_FAILED');
      const dev = await app.client().raw('{ __schema { queryType { name } } }');
      expect(dev.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    } finally {
      await prod.close();
    }
  });
});
