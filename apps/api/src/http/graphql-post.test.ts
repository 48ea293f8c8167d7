import { request } from 'node:http';
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../server.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import { isGraphqlJsonPost } from './graphql-post.js';

// `POST /graphql` with a JSON body skips express (graphql-post.ts). Every other test of the API
// goes through it too; these check that it answers exactly as the express route does where the
// two could differ: headers, body limits, malformed bodies, and what it leaves to express.

let app: TestApp;
let owner: TestClient;
beforeAll(async () => {
  app = await createTestApp({ config: { trustProxyHops: 1 } });
  owner = await app.clientAs('OWNER');
});
afterAll(() => app.close());

const post = (body: string | Buffer, headers: Record<string, string> = {}) =>
  fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

/** A body sent in chunks without Content-Length (what fetch cannot do). */
function postChunked(chunks: string[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${app.url}/graphql`,
      { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    for (const c of chunks) req.write(c);
    req.end();
  });
}

describe('POST /graphql without express', () => {
  it('takes only uncompressed UTF-8 JSON posts to /graphql', () => {
    const req = (method: string, url: string, headers: Record<string, string>) => ({ method, url, headers }) as never;
    expect(isGraphqlJsonPost(req('POST', '/graphql', { 'content-type': 'application/json' }))).toBe(true);
    expect(isGraphqlJsonPost(req('POST', '/graphql?x=1', { 'content-type': 'application/json; charset=UTF-8' }))).toBe(
      true,
    );
    expect(isGraphqlJsonPost(req('POST', '/graphql', { 'content-type': 'application/json; charset=utf-16' }))).toBe(
      false,
    );
    expect(isGraphqlJsonPost(req('POST', '/graphql', { 'content-type': 'text/plain' }))).toBe(false);
    expect(
      isGraphqlJsonPost(req('POST', '/graphql', { 'content-type': 'application/json', 'content-encoding': 'gzip' })),
    ).toBe(false);
    expect(isGraphqlJsonPost(req('POST', '/graphqlx', { 'content-type': 'application/json' }))).toBe(false);
    expect(isGraphqlJsonPost(req('GET', '/graphql', { 'content-type': 'application/json' }))).toBe(false);
  });

  it('sends the security headers express sends, and no more', async () => {
    const viaExpress = await fetch(`${app.url}/healthz`);
    const direct = await post(JSON.stringify({ query: '{ __typename }' }));
    expect(direct.status).toBe(200);
    const security = [
      'content-security-policy',
      'cross-origin-opener-policy',
      'cross-origin-resource-policy',
      'origin-agent-cluster',
      'referrer-policy',
      'strict-transport-security',
      'x-content-type-options',
      'x-dns-prefetch-control',
      'x-download-options',
      'x-frame-options',
      'x-permitted-cross-domain-policies',
      'x-xss-protection',
    ];
    for (const name of security) expect([name, direct.headers.get(name)]).toEqual([name, viaExpress.headers.get(name)]);
    expect(direct.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(direct.headers.get('x-powered-by')).toBeNull();
    expect(direct.headers.get('cache-control')).toBe('no-store');
    expect(await direct.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers malformed and non-object bodies with BAD_REQUEST, as the express route does', async () => {
    for (const body of ['{"query": ', '42', '"text"', 'null', '']) {
      const res = await post(body);
      expect(res.status).toBe(400);
      const text = await res.text();
      expect(text).not.toMatch(/SyntaxError|at .*\.js|node_modules/);
      expect(JSON.parse(text)).toEqual({ errors: [{ message: 'Bad request', extensions: { code: 'BAD_REQUEST' } }] });
    }
  });

  it('refuses a body over the limit, declared or streamed, and keeps serving', async () => {
    const big = JSON.stringify({ query: '{ __typename }', variables: { x: 'x'.repeat(LIMITS.bodyBytes) } });
    const declared = await post(big);
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({
      errors: [{ message: 'Bad request', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
    const streamed = await postChunked([big.slice(0, 100_000), big.slice(100_000, 200_000), big.slice(200_000)]);
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    // Just under the limit is read whole.
    const fits = JSON.stringify({ query: '{ __typename }', variables: { x: 'x'.repeat(LIMITS.bodyBytes - 100) } });
    expect((await postChunked([fits.slice(0, 1000), fits.slice(1000)])).status).toBe(200);
    expect((await owner.raw('{ me { email } }')).data).toEqual({ me: { email: expect.any(String) } });
  });

  it('reads a body that starts with a byte-order mark, as body-parser did', async () => {
    const res = await post(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ query: '{ __typename }' }))]),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('logs nothing when a client hangs up mid-body, and keeps serving', async () => {
    const before = app.logged.length;
    const { port } = new URL(app.url);
    await new Promise<void>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query": "{ __ty',
        );
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 50);
      });
      socket.on('error', reject);
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(app.logged.slice(before)).toEqual([]);
    expect((await owner.raw('{ me { email } }')).data).toEqual({ me: { email: expect.any(String) } });
  });

  it('leaves compressed bodies to express, which inflates them', async () => {
    const res = await post(gzipSync(JSON.stringify({ query: '{ __typename }' })), { 'content-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('reads the host behind a trusted proxy as express does: a forwarded same-origin page is not cross-origin', async () => {
    const query = JSON.stringify({ query: '{ me { email } }' });
    const cookie = `steward_session=${owner.cookie}`;
    const asOwnPage = await post(query, {
      cookie,
      origin: 'https://steward.example',
      'x-forwarded-host': 'steward.example',
    });
    expect(((await asOwnPage.json()) as { data: unknown }).data).toEqual({ me: { email: expect.any(String) } });
    const fromElsewhere = await post(query, {
      cookie,
      origin: 'https://evil.example',
      'x-forwarded-host': 'steward.example',
    });
    expect(fromElsewhere.status).toBe(403);
    expect(fromElsewhere.headers.get('access-control-allow-origin')).toBeNull();
  });
});
