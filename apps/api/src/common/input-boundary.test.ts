import { print } from 'graphql';
import { RecordCollectionDocument } from '@steward/schema';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildCollectionInput, buildExceptionInput } from '../test/factories.js';
import { createTestApp, errorOf, OWNER, type GraphQLResult, type TestApp, type TestClient } from '../test/test-app.js';
import { DATABASES } from '../test/databases.js';

const SOME_ID = '01900000-0000-7000-8000-000000000000';
const NUL = '\u0000';

// A NUL reached PostgreSQL as INTERNAL_SERVER_ERROR before the boundary: every case runs on both dialects.
describe.each(DATABASES)('the input boundary on %s', (database) => {
  let app: TestApp;
  let owner: TestClient;
  let tables: string[];

  beforeAll(async () => {
    app = await createTestApp({ database, config: { trustProxyHops: 1 } });
    owner = await app.clientAs('OWNER');
    const conn = app.em().getConnection();
    const rows =
      database === 'sqlite'
        ? await conn.execute<{ name: string }[]>(
            "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
          )
        : await conn.execute<{ name: string }[]>(
            "select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name",
          );
    tables = rows.map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['audit_entry', 'ledger_entry', 'provider', 'admin_session']));
  });
  afterAll(() => app?.close());
  afterEach(() => {
    // A refusal is the caller's mistake, never the server's: nothing is logged as an error.
    expect(app.logged).toEqual([]);
  });

  /**
   * Rows per table: a refused request writes none anywhere (audit, ledger, sessions, the target table…).
   * Except the rate-limit counters: a refusal spends the caller's budget like any attempt, and on
   * PostgreSQL the public budgets are counted in the database (common/rate-limit.ts).
   */
  async function rowCounts(): Promise<Record<string, number>> {
    const conn = app.em().getConnection();
    const counts: Record<string, number> = {};
    for (const table of tables.filter((t) => t !== 'rate_limit_counter')) {
      const [row] = await conn.execute<{ n: number | string }[]>(`select count(*) as n from "${table}"`);
      counts[table] = Number(row!.n);
    }
    return counts;
  }

  /** BAD_USER_INPUT naming the field, with the issue, no data, nothing internal in the answer. */
  function expectRefused(res: GraphQLResult<unknown>, field: string, code = 'CONTROL_CHARACTERS'): void {
    const err = errorOf(res);
    expect(err, JSON.stringify(res.errors)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(err.issues?.[0]).toMatchObject({ field, code });
    expect(res.errors).toHaveLength(1);
    expect(res.data ?? null).toBeNull();
    const text = JSON.stringify(res);
    expect(text).not.toMatch(
      /INTERNAL_SERVER_ERROR|stack|node_modules|\.[jt]s:\d+|\bselect\b|\binsert\b|sqlite|postgres/i,
    );
  }

  async function refusedWithoutWrites(
    send: () => Promise<GraphQLResult<unknown>>,
    field: string,
    code = 'CONTROL_CHARACTERS',
  ): Promise<GraphQLResult<unknown>> {
    const before = await rowCounts();
    const res = await send();
    expectRefused(res, field, code);
    expect(await rowCounts()).toEqual(before);
    return res;
  }

  const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { id } }';
  const DECISION = 'query($input: DecisionRequestInput!) { decision(input: $input) { allowed ledgerSequence } }';
  const CESSATION = 'mutation($input: ApplyCessationInput!) { applyCessation(input: $input) { request { id } } }';
  const COOKIE_CONSENT =
    'mutation($input: RecordCookieConsentInput!) { recordCookieConsent(input: $input) { receiptId } }';
  const CREATE_RECIPIENT = 'mutation($input: CreateRecipientInput!) { createRecipient(input: $input) { id notes } }';
  const CREATE_EXCEPTION = 'mutation($input: CreateExceptionInput!) { createException(input: $input) { id } }';
  const UPDATE_DRAFT = 'mutation($input: UpdatePolicyDraftInput!) { updatePolicyDraft(input: $input) { id } }';

  describe('refuses hostile characters where the issue found them', () => {
    it('a NUL in the sign-in e-mail: no session, no throttle entry, no audit', async () => {
      const anonymous = app.client();
      await refusedWithoutWrites(
        () => anonymous.raw(LOGIN, { input: { email: `owner${NUL}@steward.test`, password: OWNER.password } }),
        'input.email',
      );
      expect(anonymous.cookie).toBeNull();
      // The real owner is not locked out by it.
      await app.client().login(OWNER.email, OWNER.password);
    });

    it('a NUL in a purpose key asked about: no decision recorded in the ledger', async () => {
      await refusedWithoutWrites(
        () =>
          owner.raw(DECISION, {
            input: { action: 'USE', providerId: SOME_ID, purposeKey: `JOURNAL${NUL}DELIVERY`, categories: ['NAME'] },
          }),
        'input.purposeKey',
      );
    });

    it('a NUL in a cessation key, as a list item named with its index', async () => {
      await refusedWithoutWrites(
        () =>
          owner.raw(CESSATION, {
            input: {
              requestId: SOME_ID,
              expectedVersion: 1,
              stopUsePurposeKeys: ['JOURNAL_DELIVERY', `EVENT${NUL}NEWS`],
            },
          }),
        'input.stopUsePurposeKeys[1]',
      );
    });

    it("a NUL in the public cookie consent's siteKey, sent from a page", async () => {
      await refusedWithoutWrites(
        () =>
          app.client().raw(
            COOKIE_CONSENT,
            {
              input: {
                siteKey: `site_jspe_demo${NUL}`,
                visitorId: '3f1e6a4c-1b2d-4e5f-8a9b-0c1d2e3f4a5b',
                idempotencyKey: 'boundary-test-1',
                policyVersion: 1,
                gpc: false,
                choices: [{ category: 'STRICTLY_NECESSARY', accepted: true }],
              },
            },
            { origin: 'http://localhost:4000' },
          ),
        'input.siteKey',
      );
    });

    it.each([
      ['a zero-width space', 'Ai\u200Bko Fujimoto'],
      ['a zero-width joiner', 'Aiko\u200DFujimoto'],
      ['a word joiner', 'Aiko\u2060Fujimoto'],
      ['a BOM at the start', '\uFEFFAiko Fujimoto'],
      ['a soft hyphen', 'Fuji\u00ADmoto'],
      ['a tag character', 'Aiko\u{E0041}'],
      ['a right-to-left override', 'Aiko \u202Eotomijuf'],
      ['a right-to-left mark', 'Aiko\u200F Fujimoto'],
      ['an Arabic letter mark', 'Aiko\u061C Fujimoto'],
      ['a first-strong isolate', 'Aiko \u2068Fujimoto\u2069'],
      ['a line separator', 'Aiko\u2028Fujimoto'],
      ['a C1 control (NEL)', 'Aiko\u0085Fujimoto'],
      ['a C1 control (CSI)', 'Aiko\u009B31mFujimoto'],
      ['DEL', 'Aiko\u007F'],
      ['ESC', '\u001B[2JAiko'],
    ])("%s in a provider's name (an item, nested in a list)", async (_name, value) => {
      await refusedWithoutWrites(
        () =>
          owner.raw(print(RecordCollectionDocument), {
            input: buildCollectionInput({
              items: [
                { category: 'EMAIL', value: 'aiko.fujimoto@example.jp' },
                { category: 'NAME', value },
              ],
            }),
          }),
        'input.items[1].value',
      );
    });

    it('a bidi override and a zero-width space in an exception title', async () => {
      const refs = { recipientId: SOME_ID, providerId: SOME_ID, consentEventIds: [] };
      await refusedWithoutWrites(
        () =>
          owner.raw(CREATE_EXCEPTION, {
            input: buildExceptionInput('LAW', refs, { title: 'Court order \u202Efdp.exe' }),
          }),
        'input.title',
      );
      await refusedWithoutWrites(
        () => owner.raw(CREATE_EXCEPTION, { input: buildExceptionInput('LAW', refs, { title: 'Court\u200Border' }) }),
        'input.title',
      );
    });

    it('zero-width and bidi characters in policy titles, named by section', async () => {
      const section = (clause: string, titleEn: string) => ({
        clause,
        titleJa: '個人情報の取得',
        titleEn,
        bodyJa: '本文',
        bodyEn: 'Body\nwith lines',
      });
      await refusedWithoutWrites(
        () =>
          owner.raw(UPDATE_DRAFT, {
            input: {
              id: SOME_ID,
              expectedVersion: 1,
              changeSummaryJa: '修正',
              changeSummaryEn: 'Fixes',
              sections: [section('COLLECTION', 'Collection'), section('PURPOSE', 'Pur\u200Cpose')],
              purposes: [],
            },
          }),
        'input.sections[1].titleEn',
      );
    });

    it('a lone surrogate sent as JSON \\ud800 (INVALID_FORMAT, as validateText reports it)', async () => {
      const before = await rowCounts();
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `steward_session=${owner.cookie}` },
        body: `{"query":${JSON.stringify(CREATE_RECIPIENT)},"variables":{"input":{"name":"Courier \\ud800 Ltd"}}}`,
      });
      const body = (await res.json()) as GraphQLResult<unknown>;
      expectRefused({ ...body, status: res.status }, 'input.name', 'INVALID_FORMAT');
      expect(await rowCounts()).toEqual(before);
      const low = await owner.raw(CREATE_RECIPIENT, { input: { name: 'Courier \uDC00' } });
      expectRefused(low, 'input.name', 'INVALID_FORMAT');
    });

    it('a custom scalar (DateTime) and an unknown input field are checked strictly too', async () => {
      const refs = { recipientId: SOME_ID, providerId: SOME_ID, consentEventIds: [] };
      await refusedWithoutWrites(
        () =>
          owner.raw(CREATE_EXCEPTION, {
            input: { ...buildExceptionInput('LAW', refs), validFrom: `2026-04-01T00:00:00Z${NUL}` },
          }),
        'input.validFrom',
      );
      await refusedWithoutWrites(
        () => owner.raw(CREATE_RECIPIENT, { input: { name: 'Courier', surprise: `x${NUL}` } }),
        'input.surprise',
      );
    });

    it('dates outside 1900–2200 (year 0 was stored as year 0 on SQLite), as variables and literals', async () => {
      const refs = { recipientId: SOME_ID, providerId: SOME_ID, consentEventIds: [] };
      for (const validFrom of [
        '0000-01-01T00:00:00Z',
        '1899-12-31T23:59:59Z',
        '2201-01-01T00:00:00Z',
        '9999-12-31T23:59:59Z',
      ])
        await refusedWithoutWrites(
          () => owner.raw(CREATE_EXCEPTION, { input: { ...buildExceptionInput('LAW', refs), validFrom } }),
          'input.validFrom',
          'INVALID_VALUE',
        );
      await refusedWithoutWrites(
        () =>
          owner.raw(
            'mutation { createProviderRequest(input: { kind: AMENDMENT, channel: EMAIL, contact: "c", requesterName: "r", receivedAt: "0000-06-01T00:00:00Z" }) { id } }',
          ),
        'input.receivedAt',
        'INVALID_VALUE',
      );
      // A negative year is no RFC 3339 date: the scalar refuses it, still as BAD_USER_INPUT.
      const negative = await owner.raw(CREATE_EXCEPTION, {
        input: { ...buildExceptionInput('LAW', refs), validFrom: '-000001-01-01T00:00:00Z' },
      });
      expect(negative.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      // The last day of 2200 passes the boundary (the unknown ids are what the service refuses).
      const last = await owner.raw(CREATE_EXCEPTION, {
        input: { ...buildExceptionInput('LAW', refs), validFrom: '2200-12-31T23:59:59Z' },
      });
      expect(JSON.stringify(last.errors)).not.toContain('validFrom');
    });

    it('a value nested deeper than any input is refused, not walked without end', async () => {
      let deep: unknown = 'x';
      for (let i = 0; i < 40; i++) deep = [deep];
      const res = await refusedWithoutWrites(
        () => owner.raw(CREATE_RECIPIENT, { input: { kind: 'CONTRACTOR', name: 'Courier', surprise: deep } }),
        'input.surprise' + '[0]'.repeat(32),
        'INVALID_FORMAT',
      );
      expect(res.errors?.[0]?.message).toContain('Nested more than 32 levels deep');
    });
  });

  describe('line breaks: single-line fields refuse them, multi-line fields say so and take them', () => {
    it('refuses a newline in a recipient name, accepts CRLF and TAB in its notes and contact', async () => {
      await refusedWithoutWrites(() => owner.raw(CREATE_RECIPIENT, { input: { name: 'Courier\nLtd' } }), 'input.name');
      await refusedWithoutWrites(() => owner.raw(CREATE_RECIPIENT, { input: { name: 'Courier\tLtd' } }), 'input.name');
      const res = await owner.raw(CREATE_RECIPIENT, {
        input: {
          kind: 'CONTRACTOR',
          name: 'Courier Ltd',
          contact: 'Desk 3\r\nTokyo',
          notes: 'Line one\r\nLine two\n\tindented',
        },
      });
      expect(res.errors).toBeUndefined();
      expect((res.data as { createRecipient: { notes: string } }).createRecipient.notes).toContain('Line two');
    });

    it('still refuses a lone CR, a bidi override and U+2029 in a multi-line field', async () => {
      for (const notes of ['Line one\rLine two', 'Line one\n\u202Eowt eniL', 'Line one\u2029Line two', 'a\n\u0000']) {
        await refusedWithoutWrites(
          () => owner.raw(CREATE_RECIPIENT, { input: { name: 'Courier Ltd', notes } }),
          'input.notes',
        );
      }
    });

    it('a multi-line input object (banner text) takes lines; the single-line title beside it does not', async () => {
      const site = (bannerTitle: { en: string; ja: string }, bannerText: { en: string; ja: string }) => ({
        input: {
          name: 'Boundary site',
          domains: ['www.boundary.example'],
          allowedOrigins: ['https://www.boundary.example'],
          consentLifetimeDays: 180,
          honoursGpc: true,
          bannerTitle,
          bannerText,
        },
      });
      const CREATE_SITE = 'mutation($input: CookieSiteInput!) { createCookieSite(input: $input) { id } }';
      await refusedWithoutWrites(
        () => owner.raw(CREATE_SITE, site({ en: 'Cookies\non this site', ja: 'クッキー' }, { en: 'a', ja: 'b' })),
        'input.bannerTitle.en',
      );
      const ok = await owner.raw(
        CREATE_SITE,
        site(
          { en: 'Cookies', ja: 'クッキー' },
          { en: 'We use cookies.\nChoose below.', ja: '本サイトでは\r\nクッキーを使います。' },
        ),
      );
      expect(ok.errors).toBeUndefined();
    });

    it('a multi-line input field (revokeException reason) takes lines and reaches the resolver', async () => {
      const REVOKE = 'mutation($input: RevokeExceptionInput!) { revokeException(input: $input) { id } }';
      const revoke = (reason: string) => ({ input: { id: SOME_ID, reason, expectedVersion: 1 } });
      const passed = await owner.raw(REVOKE, revoke('Order withdrawn.\nSee letter 42.'));
      expect(errorOf(passed).code).toBe('NOT_FOUND');
      await refusedWithoutWrites(() => owner.raw(REVOKE, revoke('Order \u200Bwithdrawn.')), 'input.reason');
    });
  });

  describe('literal arguments in the document are checked like variables', () => {
    it('an inline argument: a GraphQL \\u0000 escape in the sign-in e-mail', async () => {
      await refusedWithoutWrites(
        () =>
          app.client().raw('mutation { login(input: { email: "owner\\u0000@steward.test", password: "x" }) { id } }'),
        'input.email',
      );
    });

    it('an inline argument inside a query, a fragment, and a raw invisible character in the source', async () => {
      await refusedWithoutWrites(
        () =>
          owner.raw(
            `query { decision(input: { action: USE, providerId: "${SOME_ID}", purposeKey: "JOURNAL\\u200BDELIVERY", categories: [NAME] }) { allowed } }`,
          ),
        'input.purposeKey',
      );
      await refusedWithoutWrites(
        () =>
          owner.raw(
            'query { ...Search } fragment Search on Query { providers(filter: { search: "Ai\u200Bko" }) { edges { node { id } } } }',
          ),
        'filter.search',
      );
    });

    it('a variable inside a literal object is named by where it is used, and default values are checked', async () => {
      await refusedWithoutWrites(
        () =>
          owner.raw(
            'query($key: String!) { decision(input: { action: USE, providerId: "' +
              SOME_ID +
              '", purposeKey: $key, categories: [NAME] }) { allowed } }',
            { key: `JOURNAL${NUL}` },
          ),
        'input.purposeKey',
      );
      await refusedWithoutWrites(
        () =>
          owner.raw(
            `query($key: String = "EVENT\\u202ENEWS") { policyImpactProviders(id: "${SOME_ID}", purposeKey: $key) { edges { node { providerId } } } }`,
          ),
        'purposeKey',
      );
    });

    it('a multi-line literal (block string) is accepted where the field is multi-line', async () => {
      const res = await owner.raw(
        'mutation { createRecipient(input: { kind: CONTRACTOR, name: "Block Ltd", notes: """\n  First line\n  Second line\n""" }) { notes } }',
      );
      expect(res.errors).toBeUndefined();
      expect((res.data as { createRecipient: { notes: string } }).createRecipient.notes).toBe(
        'First line\nSecond line',
      );
    });
  });

  describe('what it keeps and how it reports', () => {
    it('keeps variation selectors (ideographic variation sequences), spaces and emoji in names', async () => {
      const name = '葛\u{E0100}城 辻\u{E0101}太郎\u3000Kenji\u00A0Ono 👍🏽';
      const res = await owner.request(RecordCollectionDocument, {
        input: buildCollectionInput({ items: [{ category: 'NAME', value: name }] }),
      });
      expect(res.errors).toBeUndefined();
      expect(res.data!.recordCollection.provider.dataItems.find((i) => i.category === 'NAME')?.value).toBe(name);
    });

    it('reports every offending field (up to 20) with its path, the first as `field`', async () => {
      const res = await refusedWithoutWrites(
        () =>
          owner.raw(print(RecordCollectionDocument), {
            input: buildCollectionInput({
              items: [
                { category: 'NAME', value: 'Aiko\u200B' },
                { category: 'EMAIL', value: 'aiko.fujimoto@example.jp' },
                { category: 'AFFILIATION', value: 'Lab\u0000' },
              ],
              source: 'Autumn\nMeeting',
              note: 'Line one\nLine two\u202E',
            }),
          }),
        'input.items[0].value',
      );
      expect(errorOf(res).issues?.map((i) => `${i.field}:${i.code}`)).toEqual([
        'input.items[0].value:CONTROL_CHARACTERS',
        'input.items[2].value:CONTROL_CHARACTERS',
        'input.source:CONTROL_CHARACTERS',
        'input.note:CONTROL_CHARACTERS',
      ]);
      expect(res.errors?.[0]?.message).toBe(
        'input.items[0].value: Contains an invisible formatting character (U+200B) at character 5.',
      );
      const many = await owner.raw(CESSATION, {
        input: { requestId: SOME_ID, expectedVersion: 1, stopUsePurposeKeys: Array.from({ length: 30 }, () => NUL) },
      });
      expect(errorOf(many).issues).toHaveLength(20);
    });

    it('refuses the same operation text every time (the plan is cached per document)', async () => {
      for (let i = 0; i < 3; i++) {
        await refusedWithoutWrites(
          () => owner.raw(CREATE_RECIPIENT, { input: { name: `Courier${NUL}${i}` } }),
          'input.name',
        );
        const ok = await owner.raw(CREATE_RECIPIENT, { input: { kind: 'CONTRACTOR', name: `Courier ${i}` } });
        expect(ok.errors).toBeUndefined();
      }
    });

    it('a refused public submission spends its address budget like any other attempt', async () => {
      const SUBMIT = 'mutation($input: SubmitInquiryInput!) { submitInquiry(input: $input) { reference } }';
      const input = (subject: string) => ({ subject, message: 'Hello', email: 'aiko@example.jp' });
      const from = (address: string, subject: string) =>
        app.client().raw(SUBMIT, { input: input(subject) }, { 'x-forwarded-for': address });
      for (let i = 0; i < 5; i++) expectRefused(await from('198.51.100.9', `Subject\u202E${i}`), 'input.subject');
      expect(errorOf(await from('198.51.100.9', 'Subject')).code).toBe('TOO_MANY_REQUESTS');
      expect(errorOf(await from('198.51.100.9', `Subject${NUL}`)).code).toBe('TOO_MANY_REQUESTS');
      expect((await from('198.51.100.10', 'Subject')).errors).toBeUndefined();
    });
  });
});
