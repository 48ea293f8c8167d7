import { describe, expect, it, vi } from 'vitest';
import { MeDocument } from '@steward/schema';
import { createStewardClient } from './client.js';

describe('createStewardClient', () => {
  it('POSTs JSON to /graphql with same-origin credentials (Apollo CSRF prevention)', async () => {
    const fetchSpy = vi.fn(
      async (_url: RequestInfo | URL, _init?: RequestInit) =>
        new Response(JSON.stringify({ data: { me: null } }), { headers: { 'content-type': 'application/json' } }),
    );
    const client = createStewardClient({ fetch: fetchSpy as typeof fetch });
    await client.query(MeDocument, {}).toPromise();
    const [url, init] = fetchSpy.mock.calls[0]!;
    expect(String(url)).toBe('/graphql');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    expect(new Headers(init?.headers).get('content-type')).toContain('application/json');
  });

  it('reports UNAUTHENTICATED errors and nothing else', async () => {
    const onUnauthenticated = vi.fn();
    let code = 'FORBIDDEN';
    const client = createStewardClient({
      url: 'http://steward.test/graphql',
      onUnauthenticated,
      fetch: (async () =>
        new Response(JSON.stringify({ data: null, errors: [{ message: 'x', extensions: { code } }] }), {
          headers: { 'content-type': 'application/json' },
        })) as typeof fetch,
    });
    await client.query(MeDocument, {}, { requestPolicy: 'network-only' }).toPromise();
    expect(onUnauthenticated).not.toHaveBeenCalled();
    code = 'UNAUTHENTICATED';
    await client.query(MeDocument, {}, { requestPolicy: 'network-only' }).toPromise();
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('reports a refusal for a restricted session (FORBIDDEN with a restriction), not other refusals', async () => {
    const onRestricted = vi.fn();
    const onUnauthenticated = vi.fn();
    let extensions: Record<string, string> = { code: 'FORBIDDEN' };
    const client = createStewardClient({
      url: 'http://steward.test/graphql',
      onRestricted,
      onUnauthenticated,
      fetch: (async () =>
        new Response(JSON.stringify({ data: null, errors: [{ message: 'x', extensions }] }), {
          headers: { 'content-type': 'application/json' },
        })) as typeof fetch,
    });
    await client.query(MeDocument, {}, { requestPolicy: 'network-only' }).toPromise();
    expect(onRestricted).not.toHaveBeenCalled();
    extensions = { code: 'FORBIDDEN', restriction: 'MFA_ENROLMENT' };
    await client.query(MeDocument, {}, { requestPolicy: 'network-only' }).toPromise();
    expect(onRestricted).toHaveBeenCalledTimes(1);
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });
});
