import { CreateLedgerCheckpointDocument, LedgerTreeHeadsDocument, ProviderRequestsDocument } from '@steward/schema';
import { treeHeadFromStatement } from '@steward/policy-core';
import { createPublicKey, verify } from 'node:crypto';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendDecisions } from '../test/scenarios.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import { siteText } from './site-messages.js';
import { VerifyPage } from './verify-page.js';

// "Verify our records" over real HTTP: the newest signed tree head (none yet, then one), its JSON twin
// for witnesses, and the request form taking the head of a provider's last package.

let app: TestApp;
let owner: TestClient;
let nextAddress = 10;

beforeAll(async () => {
  app = await createTestApp({ config: { trustProxyHops: 1 } });
  owner = await app.clientAs('OWNER');
});
afterAll(() => app?.close());

async function get(path: string) {
  const res = await fetch(`${app.url}${path}`);
  return { status: res.status, headers: res.headers, body: await res.text() };
}

async function postRequest(lang: 'ja' | 'en', earlierHead: string) {
  const res = await fetch(`${app.url}/privacy/request?lang=${lang}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `198.51.100.${nextAddress++}` },
    body: new URLSearchParams({
      kind: 'DISCLOSURE',
      requesterName: '佐藤 花子',
      contact: 'h.sato@example.ac.jp',
      earlierHead,
    }).toString(),
  });
  return { status: res.status, html: await res.text() };
}

/** Verifies a head's signature with the raw Ed25519 key the page publishes, as a witness would. */
function verifiesWith(publicKey: string, statement: string, signature: string): boolean {
  const key = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey, 'base64').toString('base64url') },
    format: 'jwk',
  });
  return verify(null, Buffer.from(statement), key, Buffer.from(signature, 'base64'));
}

describe('GET /privacy/ledger', () => {
  it('says politely that no head is signed yet, and still gives the key and the instructions', async () => {
    const heads = await owner.ok(LedgerTreeHeadsDocument, { first: 1 });
    expect(heads.ledgerTreeHeads.edges).toEqual([]);
    const ja = await get('/privacy/ledger?lang=ja');
    expect(ja.status).toBe(200);
    expect(ja.body).toContain('<h1>記録の検証</h1>');
    expect(ja.body).toContain('まだツリーヘッドは署名されていません。');
    expect(ja.body).toContain(app.deps.cipher.checkpointPublicKeyRaw);
    const json = await get('/privacy/ledger/tree-head.json');
    expect(JSON.parse(json.body)).toEqual({ head: null, publicKey: app.deps.cipher.checkpointPublicKeyRaw });
  });

  it('is linked from the privacy policy in both languages', async () => {
    expect((await get('/privacy?lang=ja')).body).toContain('href="/privacy/ledger?lang=ja"');
    expect((await get('/privacy?lang=en')).body).toContain('href="/privacy/ledger?lang=en"');
  });

  it('shows the newest head with its statement, signature and key, and what a package proves', async () => {
    await appendDecisions(app, 7);
    await owner.ok(CreateLedgerCheckpointDocument);
    const node = (await owner.ok(LedgerTreeHeadsDocument, { first: 1 })).ledgerTreeHeads.edges[0]!.node;
    const key = app.deps.cipher.checkpointPublicKeyRaw;
    const { status, headers, body } = await get('/privacy/ledger?lang=en');
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-cache');
    expect(body).toContain('<h1>Verify our records</h1>');
    expect(body).toContain(`<dd data-testid="tree-size">${node.treeSize} entries</dd>`);
    expect(body).toContain(`<code data-testid="statement">${node.statement}</code>`);
    expect(body).toContain(node.signature);
    expect(body).toContain(node.rootHash);
    expect(body).toContain(`<time dateTime="${new Date(node.timestamp as string).toISOString()}">`);
    expect(body).toContain(`npx @steward/verify disclosure.json --public-key ${key}`);
    expect(body).toContain('Entries recorded without your id');
    expect(body).toContain('Uses of your information that were never recorded');
    expect(body).toContain('the verifier shows the lost range');
    const ja = (await get('/privacy/ledger?lang=ja')).body;
    expect(ja).toContain(`${node.treeSize} 件`);
    expect(ja).toContain('台帳に一度も記録されなかった個人情報の利用。');
    expect(ja).toContain('JST');
  });

  it('serves the head as JSON for witnesses: the wire format, cacheable, verifiable with the published key', async () => {
    const node = (await owner.ok(LedgerTreeHeadsDocument, { first: 1 })).ledgerTreeHeads.edges[0]!.node;
    const { status, headers, body } = await get('/privacy/ledger/tree-head.json');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^application\/json/);
    expect(headers.get('cache-control')).toBe('public, max-age=60, must-revalidate');
    expect(headers.get('access-control-allow-origin')).toBe('*');
    expect(headers.get('etag')).toBeTruthy();
    const { head, publicKey } = JSON.parse(body);
    expect(head).toEqual(treeHeadFromStatement(node.statement, node.signature));
    // The wire format of its version (the timer's and the packages' heads are v2, with the provider map).
    expect(Object.keys(head)).toEqual(
      head.version === 2
        ? ['version', 'treeSize', 'rootHash', 'timestamp', 'providerMapSize', 'providerMapRoot', 'signature']
        : ['version', 'treeSize', 'rootHash', 'timestamp', 'providerMapRoot', 'signature'],
    );
    expect(verifiesWith(publicKey, node.statement, head.signature)).toBe(true);
  });
});

describe('the request form’s earlier head', () => {
  it('takes the head from the JSON endpoint as pasted, and stores it with the request', async () => {
    const pasted = (await get('/privacy/ledger/tree-head.json')).body;
    const { head } = JSON.parse(pasted);
    const { status, html } = await postRequest('ja', JSON.stringify(head, null, 2));
    expect(status).toBe(200);
    const reference = /data-testid="request-reference">(R-[0-9A-Z]{10})</.exec(html)![1];
    const stored = (await owner.ok(ProviderRequestsDocument, { first: 100 })).providerRequests.edges.find(
      (e) => e.node.reference === reference,
    )!.node;
    expect(JSON.parse(stored.earlierHead!)).toEqual(head);
  });

  it('shows the field, its explanation and a refused head’s message in the page’s language, storing nothing', async () => {
    const form = (await get('/privacy/request?lang=en')).body;
    expect(form).toContain('The signed head from your last disclosure package (optional)');
    expect(form).toContain('href="/privacy/ledger?lang=en"');
    const before = (await owner.ok(ProviderRequestsDocument, { first: 100 })).providerRequests.totalCount;
    const ja = await postRequest('ja', '{"treeSize": 1');
    expect(ja.status).toBe(422);
    expect(ja.html).toContain(
      '<span class="error" id="field-earlierHead-error">エラー：署名付きヘッドの形式ではありません。',
    );
    expect(ja.html).toContain('{&quot;treeSize&quot;: 1');
    const { head } = JSON.parse((await get('/privacy/ledger/tree-head.json')).body);
    const forged = { ...head, treeSize: head.treeSize - 1 };
    const en = await postRequest('en', JSON.stringify(forged));
    expect(en.status).toBe(422);
    expect(en.html).toContain('The signature of this head does not verify with our key.');
    expect((await owner.ok(ProviderRequestsDocument, { first: 100 })).providerRequests.totalCount).toBe(before);
  });
});

describe('VerifyPage', () => {
  it('groups the size’s digits and shows the time in the organisation’s zone', () => {
    const head = {
      version: 2 as const,
      treeSize: 1_004_211,
      rootHash: 'ab'.repeat(32),
      timestamp: '2026-12-06T10:00:00.000Z',
      providerMapSize: 12_345,
      providerMapRoot: 'cd'.repeat(32),
      signature: `${'A'.repeat(86)}==`,
    };
    const render = (language: 'ja' | 'en') =>
      renderToStaticMarkup(
        createElement(VerifyPage, {
          text: siteText(language, 'Asia/Tokyo'),
          published: { head, statement: 'x' },
          publicKey: 'KEY',
        }),
      );
    const en = render('en');
    expect(en).toContain('1,004,211 entries');
    expect(en).toContain('12,345 providers');
    expect(en).toMatch(/6 Dec 2026, 19:00:00 GMT\+9/);
    const ja = render('ja');
    expect(ja).toContain('1,004,211 件');
    expect(ja).toContain('2026年12月6日 19:00:00 JST');
  });
});
