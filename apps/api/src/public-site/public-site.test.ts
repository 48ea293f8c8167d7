import {
  InquiriesDocument,
  InquiryDocument,
  OrganisationSettingsDocument,
  ProviderRequestsDocument,
  UpdateOrganisationDocument,
} from '@steward/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../server.js';
import { organisationSettings as settings } from '../test/factories.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import { formatDay } from './site-messages.js';

// The public pages over real HTTP: what curl, a crawler, a text browser and a browser without
// JavaScript get. Each form test posts from an address of its own (X-Forwarded-For behind one
// trusted proxy hop), so the per-address budgets of one test do not spend another's.

let app: TestApp;
let owner: TestClient;
let nextAddress = 10;
const freshAddress = () => `198.51.100.${nextAddress++}`;

beforeAll(async () => {
  app = await createTestApp({ config: { trustProxyHops: 1 } });
  owner = await app.clientAs('OWNER');
});
afterAll(() => app?.close());

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${app.url}${path}`, { headers });
  return { status: res.status, headers: res.headers, html: await res.text() };
}

async function post(
  path: string,
  fields: Record<string, string>,
  opts: { address?: string; headers?: Record<string, string> } = {},
) {
  const res = await fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-forwarded-for': opts.address ?? freshAddress(),
      ...opts.headers,
    },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, headers: res.headers, html: await res.text() };
}

const langOf = (html: string) => /<html lang="([^"]+)"/.exec(html)?.[1];
const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];

async function inquiryReferences(): Promise<string[]> {
  const data = await owner.ok(InquiriesDocument, { first: 100 });
  return data.inquiries.edges.map((e) => e.node.reference);
}

describe('GET /privacy', () => {
  it('is the policy in force, in full, as served: Japanese by default, to a client that sends no Accept', async () => {
    const { status, headers, html } = await get('/privacy');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
    expect(langOf(html)).toBe('ja');
    expect(titleOf(html)).toBe('プライバシーポリシー｜公益社団法人 精密工学会');
    expect(html).not.toMatch(/noindex/i);
    expect(html).not.toContain('Steward');
    // Every clause with its heading, and its text.
    expect(html).toContain('第1条　個人情報の収集');
    expect(html).toContain('第8条　個人情報の取扱いに関するお問い合わせ');
    expect(html).toContain('本会は、必要に応じて個人情報を収集いたします。');
    // The disclaimer (clause 5) in its own panel, the contact card, the change log and the forms.
    expect(html).toContain('ウェブサイトのご利用にあたって');
    expect(html).toContain('公益社団法人精密工学会 事務局');
    expect(html).toContain('jspe_jspe@jspe.or.jp');
    expect(html).toContain('改定履歴');
    expect(html).toContain('2005年11月18日');
    expect(html).toContain('2005年11月18日制定。理事会承認。');
    expect(html).toContain('href="/privacy/request?lang=ja"');
    expect(html).toContain('href="/privacy/inquiry?lang=ja"');
    // The language switch, canonical and alternates.
    expect(html).toContain('<a href="/privacy?lang=en" hrefLang="en" lang="en">English</a>');
    expect(html).toContain('<link rel="canonical" href="/privacy?lang=ja"/>');
    expect(html).toContain('<link rel="alternate" hrefLang="en" href="/privacy?lang=en"/>');
    expect(headers.get('vary')).toMatch(/Accept-Language/i);
  });

  it('is in English with ?lang=en: headings, dates and the change summary', async () => {
    const { html } = await get('/privacy?lang=en', { accept: 'application/json' });
    expect(langOf(html)).toBe('en');
    expect(titleOf(html)).toBe('Privacy Policy | The Japan Society for Precision Engineering');
    expect(html).toContain('1. Collection of Personal Information');
    expect(html).toContain('JSPE collects personal information as needed.');
    expect(html).toContain('18 Nov 2005');
    expect(html).toContain('Constituted November 18th, 2005. Approved by the Board of Directors.');
    expect(html).not.toContain('理事会承認');
    expect(html).toContain('The Japan Society for Precision Engineering Secretariat');
    expect(html).toContain('href="/privacy/inquiry?lang=en"');
  });

  it('follows Accept-Language when no ?lang is given, else the organisation default', async () => {
    expect(langOf((await get('/privacy', { 'accept-language': 'en-US,en;q=0.9' })).html)).toBe('en');
    expect(langOf((await get('/privacy', { 'accept-language': 'ja;q=0.5, en;q=0.8' })).html)).toBe('en');
    expect(langOf((await get('/privacy', { 'accept-language': 'ja-JP' })).html)).toBe('ja');
    expect(langOf((await get('/privacy', { 'accept-language': 'fr-FR, de' })).html)).toBe('ja');
    // ?lang wins over the header; an unknown ?lang is ignored.
    expect(langOf((await get('/privacy?lang=ja', { 'accept-language': 'en' })).html)).toBe('ja');
    expect(langOf((await get('/privacy?lang=de', { 'accept-language': 'en' })).html)).toBe('en');
  });

  it('escapes stored values: a hostile secretariat name is text, not markup', async () => {
    const org = (await owner.ok(OrganisationSettingsDocument)).organisation;
    const hostile = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';
    await owner.ok(UpdateOrganisationDocument, settings(org, { secretariatName: hostile, secretariatNameJa: hostile }));
    try {
      for (const lang of ['ja', 'en']) {
        const { html } = await get(`/privacy?lang=${lang}`);
        expect(html).not.toContain('<script>alert(1)');
        expect(html).not.toContain('<img src=x');
        expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
      }
    } finally {
      const now = (await owner.ok(OrganisationSettingsDocument)).organisation;
      await owner.ok(
        UpdateOrganisationDocument,
        settings(now, { secretariatName: org.secretariat.nameEn, secretariatNameJa: org.secretariat.nameJa }),
      );
    }
  });

  it('answers an HTML 404 under /privacy/ for a page that is not there', async () => {
    const { status, html } = await get('/privacy/nothing-here?lang=en');
    expect(status).toBe(404);
    expect(html).toContain('Page not found');
    expect(html).toContain('noindex');
  });

  it('formats a policy date as a day where the organisation is, whatever the zone of the server', () => {
    const effective = new Date('2005-11-18T00:00:00+09:00'); // 2005-11-17T15:00Z
    expect(formatDay('ja', 'Asia/Tokyo', effective)).toBe('2005年11月18日');
    expect(formatDay('en', 'Asia/Tokyo', effective)).toBe('18 Nov 2005');
    expect(formatDay('en', 'UTC', effective)).toBe('17 Nov 2005');
  });
});

describe('POST /privacy/inquiry', () => {
  const good = {
    name: '田中 花子',
    email: 'hanako@example.jp',
    postalAddress: '',
    subject: '登録情報について',
    message: '登録されている情報を確認したいです。\r\nよろしくお願いいたします。',
  };

  it('shows the form in the language asked, with labels tied to the fields', async () => {
    const { status, html } = await get('/privacy/inquiry?lang=ja');
    expect(status).toBe(200);
    expect(langOf(html)).toBe('ja');
    expect(html).toMatch(/<form [^>]*action="\/privacy\/inquiry\?lang=ja" method="post">/);
    expect(html).toContain('<label for="field-email">電子メールアドレス （任意）</label>');
  });

  it('re-renders a bad e-mail with a Japanese message beside the field and the values kept, storing nothing', async () => {
    const before = await inquiryReferences();
    const { status, html } = await post('/privacy/inquiry?lang=ja', { ...good, email: 'hanako@', name: '<b>田中</b>' });
    expect(status).toBe(422);
    expect(langOf(html)).toBe('ja');
    expect(html).toContain('<span class="error" id="field-email-error">エラー：入力の形式が正しくありません。</span>');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('value="hanako@"');
    expect(html).toContain('value="&lt;b&gt;田中&lt;/b&gt;"');
    expect(html).toContain('登録されている情報を確認したいです。');
    expect(await inquiryReferences()).toEqual(before);
  });

  it('refuses an invisible character as the GraphQL boundary does, in the page language', async () => {
    const before = await inquiryReferences();
    const { status, html } = await post('/privacy/inquiry?lang=en', { ...good, subject: 'Hello\u202Eworld' });
    expect(status).toBe(422);
    expect(html).toContain('id="field-subject-error"');
    expect(html).toMatch(/control or invisible character/i);
    expect(await inquiryReferences()).toEqual(before);
  });

  it('asks for an e-mail or a postal address in its own words', async () => {
    const { status, html } = await post('/privacy/inquiry?lang=ja', { ...good, email: '' });
    expect(status).toBe(422);
    expect(html).toContain('ご返答のため、電子メールアドレスまたはご住所のいずれかをご記入ください。');
  });

  it('stores a good inquiry as the public form, even posted with a staff session from another site, and shows the reference', async () => {
    const { status, html, headers } = await post('/privacy/inquiry?lang=ja', good, {
      headers: { cookie: `${SESSION_COOKIE}=${owner.cookie}`, origin: 'https://evil.example' },
    });
    expect(status).toBe(200);
    expect(headers.get('set-cookie')).toBeNull();
    expect(headers.get('cache-control')).toBe('no-store');
    expect(html).toContain('お問い合わせを受け付けました');
    const reference = /data-testid="inquiry-reference">(INQ-[0-9A-Z]{10})</.exec(html)?.[1];
    expect(reference).toBeDefined();
    const stored = (await owner.ok(InquiriesDocument, { first: 100 })).inquiries.edges.find(
      (e) => e.node.reference === reference,
    )!.node;
    expect(stored).toMatchObject({ channel: 'WEB_FORM', recordedBy: null });
    const content = (await owner.ok(InquiryDocument, { id: stored.id })).inquiry!.content;
    expect(content).toMatchObject({ name: '田中 花子', email: 'hanako@example.jp', subject: '登録情報について' });
  });

  it('answers a spent budget with a page, not JSON, keeping what was written', async () => {
    const address = freshAddress();
    for (let i = 0; i < 5; i++) await post('/privacy/inquiry?lang=en', { ...good, email: 'bad@' }, { address });
    const { status, headers, html } = await post('/privacy/inquiry?lang=en', good, { address });
    expect(status).toBe(429);
    expect(headers.get('content-type')).toMatch(/^text\/html/);
    expect(Number(headers.get('retry-after'))).toBeGreaterThan(0);
    expect(html).toContain('Too many submissions from your connection.');
    expect(html).toContain('value="hanako@example.jp"');
  });

  it('names the limit of a field that is too long, in each language', async () => {
    const long = { ...good, subject: 's'.repeat(201) };
    const ja = await post('/privacy/inquiry?lang=ja', long);
    expect(ja.status).toBe(422);
    expect(ja.html).toContain('入力が長すぎます（上限 200）。');
    const en = await post('/privacy/inquiry?lang=en', long);
    expect(en.html).toContain('The value is too long (at most 200).');
  });

  it('counts an IPv6 /64 as one address: another address in the same /64 finds the budget spent', async () => {
    for (let i = 0; i < 5; i++)
      await post('/privacy/inquiry?lang=en', { ...good, email: 'bad@' }, { address: '2001:db8:5:7::1' });
    const sameNetwork = await post('/privacy/inquiry?lang=en', good, { address: '2001:db8:5:7:ffff::2' });
    expect(sameNetwork.status).toBe(429);
    const otherNetwork = await post(
      '/privacy/inquiry?lang=en',
      { ...good, email: 'bad@' },
      { address: '2001:db8:5:8::1' },
    );
    expect(otherNetwork.status).toBe(422);
  });

  it('applies the body limit and refuses what is not a form, with a page', async () => {
    const big = await post('/privacy/inquiry?lang=en', { ...good, message: 'x'.repeat(300 * 1024) });
    expect(big.status).toBe(413);
    expect(big.html).toContain('too long to send');
    const json = await fetch(`${app.url}/privacy/inquiry?lang=en`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': freshAddress() },
      body: JSON.stringify(good),
    });
    expect(json.status).toBe(415);
    expect(await json.text()).toContain('The form could not be read');
  });
});

describe('POST /privacy/request', () => {
  async function requestReferences(): Promise<string[]> {
    const data = await owner.ok(ProviderRequestsDocument, { first: 100 });
    return data.providerRequests.edges.map((e) => e.node.reference);
  }

  it('shows the three kinds in the language asked', async () => {
    const { html } = await get('/privacy/request?lang=en');
    expect(langOf(html)).toBe('en');
    for (const kind of ['DISCLOSURE', 'AMENDMENT', 'CESSATION']) expect(html).toContain(`value="${kind}"`);
  });

  it('re-renders missing fields with Japanese messages, storing nothing', async () => {
    const before = await requestReferences();
    const { status, html } = await post('/privacy/request?lang=ja', {
      kind: 'DISCLOSURE',
      requesterName: '',
      contact: 'hanako@example.jp',
      details: '開示をお願いします。',
    });
    expect(status).toBe(422);
    expect(html).toContain('<span class="error" id="field-requesterName-error">エラー：入力してください。</span>');
    expect(html).toMatch(/<input type="radio" id="kind-DISCLOSURE"[^>]* checked=""/);
    expect(html).not.toMatch(/<input type="radio" id="kind-AMENDMENT"[^>]* checked=""/);
    expect(html).toContain('開示をお願いします。');
    expect(await requestReferences()).toEqual(before);
  });

  it('stores a good request and shows the reference and the due date in the organisation zone', async () => {
    const { status, html } = await post('/privacy/request?lang=ja', {
      kind: 'AMENDMENT',
      requesterName: '佐藤 花子',
      contact: 'h.sato@example.ac.jp',
      details: '住所を訂正してください。',
    });
    expect(status).toBe(200);
    const reference = /data-testid="request-reference">(R-[0-9A-Z]{10})</.exec(html)?.[1];
    expect(reference).toBeDefined();
    const stored = (await owner.ok(ProviderRequestsDocument, { first: 100 })).providerRequests.edges.find(
      (e) => e.node.reference === reference,
    )!.node;
    expect(stored).toMatchObject({ kind: 'AMENDMENT', channel: 'WEB_FORM' });
    expect(html).toContain(`${formatDay('ja', 'Asia/Tokyo', new Date(stored.dueAt as string))}までに回答いたします。`);
  });
});

describe('GET /privacy without a published policy', () => {
  it('answers 404 with a page in the visitor’s language, and logs no failure', async () => {
    // An app of its own whose one published version is withdrawn (past the database's guard on published rows).
    const bare = await createTestApp();
    try {
      const conn = bare.em().getConnection();
      await conn.execute('drop trigger policy_version_published_no_update');
      await conn.execute(`update policy_version set status = 'DRAFT'`);
      const fetchPage = async (path: string) => {
        const res = await fetch(`${bare.url}${path}`);
        return { status: res.status, html: await res.text() };
      };
      const ja = await fetchPage('/privacy');
      expect(ja.status).toBe(404);
      expect(langOf(ja.html)).toBe('ja');
      expect(ja.html).toContain('プライバシーポリシーはまだ公開されていません。');
      const en = await fetchPage('/privacy?lang=en');
      expect(en.status).toBe(404);
      expect(en.html).toContain('The privacy policy has not been published yet.');
      expect(bare.logged).toEqual([]);
    } finally {
      await bare.close();
    }
  });
});
