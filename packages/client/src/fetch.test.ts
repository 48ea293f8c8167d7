import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DecisionDocument, PartnerProvidersDocument } from './generated/graphql.js';
import { StewardError, createStewardFetch } from './fetch.js';

// A stand-in for Steward's /graphql: it records what it was sent and answers what the test set.
let answer: (req: IncomingMessage, body: string, res: ServerResponse) => void = () => undefined;
const seen: {
  url: string;
  headers: IncomingMessage['headers'];
  body: { query: string; operationName: string; variables: unknown };
}[] = [];
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    seen.push({ url: req.url ?? '', headers: req.headers, body: JSON.parse(body) });
    answer(req, body, res);
  });
});
let base = '';
const json = (res: ServerResponse, status: number, value: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': 'req-1' });
  res.end(JSON.stringify(value));
};

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('createStewardFetch', () => {
  it('sends the printed document, its name, the variables and the key; resolves to typed data', async () => {
    answer = (_req, _body, res) =>
      json(res, 200, {
        data: {
          partnerProviders: {
            totalCount: 1,
            totalCountCapped: false,
            edges: [{ cursor: 'c', node: { id: 'p1', items: [{ category: 'NAME', value: '山田 太郎' }] } }],
            pageInfo: { hasNextPage: false, endCursor: 'c' },
          },
        },
      });
    const steward = createStewardFetch({ url: base, key: 'stw_0123456789abcdef_' + 'a'.repeat(64) });
    const data = await steward.request(PartnerProvidersDocument, { first: 50 });
    const name: string | undefined = data.partnerProviders.edges[0]?.node.items[0]?.value;
    expect(name).toBe('山田 太郎');
    const sent = seen.at(-1)!;
    expect(sent.url).toBe('/graphql');
    expect(sent.headers.authorization).toBe(`Bearer stw_0123456789abcdef_${'a'.repeat(64)}`);
    expect(sent.headers['content-type']).toBe('application/json');
    expect(sent.body.operationName).toBe('PartnerProviders');
    expect(sent.body.query).toMatch(/^query PartnerProviders\(\$first: Int, \$after: String\)/);
    expect(sent.body.variables).toEqual({ first: 50 });
  });

  it('needs no variables when the operation has only optional ones, and sends no key when none is given', async () => {
    answer = (_req, _body, res) =>
      json(res, 200, {
        data: {
          partnerProviders: {
            totalCount: 0,
            totalCountCapped: false,
            edges: [],
            pageInfo: { hasNextPage: false, endCursor: null },
          },
        },
      });
    await createStewardFetch({ url: `${base}/graphql` }).request(PartnerProvidersDocument);
    expect(seen.at(-1)!.headers.authorization).toBeUndefined();
    expect(seen.at(-1)!.body.variables).toEqual({});
  });

  it('rejects with the first error’s code, field, issues, HTTP status and request id', async () => {
    answer = (_req, _body, res) =>
      json(res, 200, {
        data: null,
        errors: [
          {
            message: 'input.purposeKey: Not a purpose key',
            extensions: {
              code: 'BAD_USER_INPUT',
              field: 'input.purposeKey',
              issues: [{ field: 'input.purposeKey', code: 'INVALID_FORMAT', message: 'Not a purpose key' }],
            },
          },
        ],
      });
    const steward = createStewardFetch({ url: base, key: 'sys_x' });
    const error = await steward
      .request(DecisionDocument, { input: { action: 'USE', providerId: 'p', purposeKey: '?', categories: ['NAME'] } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StewardError);
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.purposeKey',
      status: 200,
      requestId: 'req-1',
      issues: [{ code: 'INVALID_FORMAT' }],
    });
  });

  it('keeps the HTTP status of a refused key and the retry time of a spent budget', async () => {
    answer = (_req, _body, res) =>
      json(res, 401, {
        errors: [{ message: 'The partner key is not valid', extensions: { code: 'UNAUTHENTICATED' } }],
      });
    const steward = createStewardFetch({ url: base, key: 'stw_bad' });
    await expect(steward.request(PartnerProvidersDocument)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      status: 401,
    });
    answer = (_req, _body, res) =>
      json(res, 200, {
        errors: [{ message: 'Too many requests', extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 7 } }],
      });
    await expect(steward.request(PartnerProvidersDocument)).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      retryAfterSeconds: 7,
    });
  });

  it('names an answer that is not GraphQL, and a server that cannot be reached', async () => {
    answer = (_req, _body, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<h1>Bad gateway</h1>');
    };
    await expect(createStewardFetch({ url: base }).request(PartnerProvidersDocument)).rejects.toMatchObject({
      code: 'BAD_RESPONSE',
      status: 502,
    });
    await expect(
      createStewardFetch({ url: 'http://127.0.0.1:9', timeoutMs: 2_000 }).request(PartnerProvidersDocument),
    ).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
  });
});
