import {
  AddInquiryReplyDocument,
  AssignInquiryDocument,
  InquiriesDocument,
  InquiryAssigneesDocument,
  InquiryDocument,
  LinkInquiryProviderDocument,
  RecordCollectionDocument,
  RecordInquiryDocument,
  SetInquiryStatusDocument,
  SubmitInquiryDocument,
  type SubmitInquiryMutationVariables,
} from '@steward/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCollectionInput } from '../test/factories.js';
import { createTestApp, errorOf, type TestApp, type TestClient } from '../test/test-app.js';
import { SQLITE_ONLY } from '../test/databases.js';
import { InquiryService } from './inquiry.service.js';

type PublicInput = SubmitInquiryMutationVariables['input'];

const webInquiry: PublicInput = {
  name: 'Aiko Fujimoto',
  email: 'aiko.fujimoto@example.jp',
  subject: 'Which data do you hold about me?',
  message: 'Dear secretariat,\r\nplease tell me what you hold about me.',
};

async function stored(app: TestApp) {
  const conn = app.em().getConnection();
  const n = async (sql: string) => Number((await conn.execute<{ n: number | string }[]>(sql))[0]!.n);
  return {
    inquiries: await n('select count(*) as n from inquiry'),
    audit: await n("select count(*) as n from audit_entry where entity_type = 'Inquiry'"),
  };
}

async function auditOf(app: TestApp, subject: string) {
  return app
    .em()
    .getConnection()
    .execute<{ action: string; actor_label: string; detail: unknown; provider_ids: unknown }[]>(
      'select action, actor_label, detail, provider_ids from audit_entry where subject = ? order by id',
      [subject],
    );
}

// Inquiries are ORM-level only (entities, em.find, optimistic locks; the audit trail's SQL runs on
// PostgreSQL in other suites), so they run on SQLite only (test/databases.ts).
describe.each(SQLITE_ONLY)('inquiries on %s', (database) => {
  let app: TestApp;
  let owner: TestClient;
  let officer: TestClient;
  let viewer: TestClient;

  beforeAll(async () => {
    // A generous public budget here: the rate limit has its own app below.
    app = await createTestApp({ database, config: { rateLimitScale: 100 } });
    owner = await app.clientAs('OWNER');
    officer = await app.clientAs('PRIVACY_OFFICER');
    viewer = await app.clientAs('VIEWER');
  });
  afterAll(() => app?.close());

  it('takes an anonymous web inquiry, seals it, and returns a reference', async () => {
    const res = await app.client().ok(SubmitInquiryDocument, { input: webInquiry });
    expect(res.submitInquiry.reference).toMatch(/^INQ-[0-9A-HJKMNP-TV-Z]{10}$/);
    const rows = await app
      .em()
      .getConnection()
      .execute<{ sealed_content: string; channel: string; status: string }[]>(
        'select sealed_content, channel, status from inquiry',
      );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'WEB_FORM', status: 'NEW' });
    // Nothing the inquirer wrote is stored in plaintext, nor in the audit trail.
    const dump =
      JSON.stringify(await app.em().getConnection().execute('select * from inquiry')) +
      JSON.stringify(await app.em().getConnection().execute('select * from audit_entry'));
    for (const secret of ['Aiko', 'aiko.fujimoto', 'Which data', 'please tell me']) expect(dump).not.toContain(secret);
    const audit = await app
      .em()
      .getConnection()
      .execute<{ action: string; actor_label: string }[]>(
        "select action, actor_label from audit_entry where action = 'inquiry.create'",
      );
    expect(audit).toEqual([{ action: 'inquiry.create', actor_label: 'public' }]);
  });

  it.each([
    ['oversized message', { message: 'm'.repeat(5001) }, 'input.message', 'TOO_LONG'],
    ['far oversized message (refused before any work)', { message: 'm'.repeat(20_000) }, 'input.message', 'TOO_LONG'],
    ['control characters', { name: 'Aiko\u0007' }, 'input.name', 'CONTROL_CHARACTERS'],
    ['text-direction override', { subject: 'Refund \u202Eexe.pdf' }, 'input.subject', 'CONTROL_CHARACTERS'],
    ['no way to answer', { email: null, postalAddress: '  ' }, 'input.email', 'REQUIRED'],
    ['malformed e-mail', { email: 'aiko@' }, 'input.email', 'INVALID_FORMAT'],
    ['empty message', { message: ' \n ' }, 'input.message', 'REQUIRED'],
  ] as const)('refuses %s with BAD_USER_INPUT and stores nothing', async (_name, change, field, code) => {
    const before = await stored(app);
    const res = await app.client().request(SubmitInquiryDocument, { input: { ...webInquiry, ...change } });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(errorOf(res).issues?.map((i) => i.code)).toContain(code);
    expect(await stored(app)).toEqual(before);
  });

  it('refuses unknown fields and wrong types before anything runs', async () => {
    const before = await stored(app);
    const unknown = await app
      .client()
      .raw('mutation($input: SubmitInquiryInput!) { submitInquiry(input: $input) { reference } }', {
        input: { ...webInquiry, providerId: '0190a0a0-0000-7000-8000-000000000000' },
      });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const wrongType = await app
      .client()
      .raw('mutation($input: SubmitInquiryInput!) { submitInquiry(input: $input) { reference } }', {
        input: { ...webInquiry, message: 42 },
      });
    expect(wrongType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await stored(app)).toEqual(before);
  });

  it('lists the inbox to owners and privacy officers only, without content', async () => {
    expect(errorOf(await viewer.request(InquiriesDocument, {})).code).toBe('FORBIDDEN');
    expect(errorOf(await app.client().request(InquiriesDocument, {})).code).toBe('UNAUTHENTICATED');
    const page = await officer.ok(InquiriesDocument, { filter: { status: 'NEW' } });
    expect(page.inquiries.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        channel: 'WEB_FORM',
        status: 'NEW',
        assignee: null,
        providerId: null,
        recordedBy: null,
        nextStatuses: ['IN_PROGRESS', 'CLOSED'],
      }),
    ]);
  });

  it('records staff entries from post, telephone, fax and e-mail; the web form channel is the public one', async () => {
    const collected = await owner.ok(RecordCollectionDocument, { input: buildCollectionInput() });
    const providerId = collected.recordCollection.provider.id;
    for (const channel of ['POST', 'TELEPHONE', 'FAX', 'EMAIL'] as const) {
      const entry = (
        await officer.ok(RecordInquiryDocument, {
          input: {
            channel,
            telephone: channel === 'TELEPHONE' ? '03-1234-5678' : null,
            subject: `By ${channel}`,
            message: 'Please stop sending the newsletter.',
            providerId: channel === 'POST' ? providerId : null,
          },
        })
      ).recordInquiry;
      expect(entry).toMatchObject({
        channel,
        status: 'NEW',
        recordedBy: 'Test PRIVACY_OFFICER',
        providerId: channel === 'POST' ? providerId : null,
      });
    }
    const web = await officer.request(RecordInquiryDocument, {
      input: { channel: 'WEB_FORM', subject: 'x', message: 'y' },
    });
    expect(errorOf(web)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.channel' });
    const unknownProvider = await officer.request(RecordInquiryDocument, {
      input: { channel: 'POST', subject: 'x', message: 'y', providerId: 'nope' },
    });
    expect(errorOf(unknownProvider)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.providerId' });
    const byProvider = await owner.ok(InquiriesDocument, { filter: { providerId } });
    expect(byProvider.inquiries.edges.map((e) => e.node.channel)).toEqual(['POST']);
  });

  it('works an inquiry: assign, reply, status transitions, provider link and unlink — each audited, with optimistic locking', async () => {
    const created = (
      await officer.ok(RecordInquiryDocument, {
        input: { channel: 'EMAIL', email: 'kaito@example.jp', subject: 'Correction', message: 'My address changed.' },
      })
    ).recordInquiry;
    const { inquiryAssignees } = await owner.ok(InquiryAssigneesDocument);
    const officerId = inquiryAssignees.find((a) => a.displayName === 'Test PRIVACY_OFFICER')!.id;
    expect(inquiryAssignees.map((a) => a.displayName)).not.toContain('Test VIEWER');

    let current = (
      await owner.ok(AssignInquiryDocument, {
        input: { id: created.id, expectedVersion: created.version, assigneeId: officerId },
      })
    ).assignInquiry;
    expect(current.assignee).toEqual({ id: officerId, displayName: 'Test PRIVACY_OFFICER' });
    expect(
      (await owner.ok(InquiriesDocument, { filter: { assigneeId: officerId } })).inquiries.edges.map((e) => e.node.id),
    ).toEqual([created.id]);
    const stale = await owner.request(AssignInquiryDocument, {
      input: {
        id: created.id,
        expectedVersion: created.version,
        assigneeId: null,
      },
    });
    expect(errorOf(stale).code).toBe('CONFLICT');

    // ANSWERED needs an answer on record, and NEW cannot jump there.
    const jump = await officer.request(SetInquiryStatusDocument, {
      input: {
        id: created.id,
        expectedVersion: current.version,
        status: 'ANSWERED',
      },
    });
    expect(errorOf(jump).issues?.map((i) => `${i.field}:${i.code}`)).toEqual([
      'status:INVALID_TRANSITION',
      'answers:REQUIRED',
    ]);
    current = (
      await officer.ok(SetInquiryStatusDocument, {
        input: {
          id: created.id,
          expectedVersion: current.version,
          status: 'IN_PROGRESS',
        },
      })
    ).setInquiryStatus;
    const noAnswer = await officer.request(SetInquiryStatusDocument, {
      input: {
        id: created.id,
        expectedVersion: current.version,
        status: 'ANSWERED',
      },
    });
    expect(errorOf(noAnswer).issues?.map((i) => i.code)).toEqual(['REQUIRED']);

    const needsChannel = await officer.request(AddInquiryReplyDocument, {
      input: { inquiryId: created.id, kind: 'ANSWER', body: 'Done.', expectedVersion: current.version },
    });
    expect(errorOf(needsChannel)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.channel' });
    current = (
      await officer.ok(AddInquiryReplyDocument, {
        input: {
          inquiryId: created.id,
          kind: 'NOTE',
          body: 'Checked the member register.',
          expectedVersion: current.version,
        },
      })
    ).addInquiryReply;
    // A note is internal: the inquiry stays where it was.
    expect(current.status).toBe('IN_PROGRESS');
    current = (
      await officer.ok(AddInquiryReplyDocument, {
        input: {
          inquiryId: created.id,
          kind: 'ANSWER',
          channel: 'EMAIL',
          body: 'We have corrected\r\nyour address.',
          expectedVersion: current.version,
        },
      })
    ).addInquiryReply;
    // The answer sent moves it to ANSWERED by itself.
    expect(current).toMatchObject({ status: 'ANSWERED', nextStatuses: ['IN_PROGRESS', 'CLOSED'] });

    const collected = await owner.ok(RecordCollectionDocument, {
      input: buildCollectionInput({
        items: [
          { category: 'NAME', value: 'Kaito Mori' },
          { category: 'EMAIL', value: 'kaito@example.jp' },
        ],
      }),
    });
    const providerId = collected.recordCollection.provider.id;
    current = (
      await officer.ok(LinkInquiryProviderDocument, {
        input: { id: created.id, expectedVersion: current.version, providerId },
      })
    ).linkInquiryProvider;
    expect(current).toMatchObject({ providerId, providerReference: collected.recordCollection.provider.reference });

    const detail = (await owner.ok(InquiryDocument, { id: created.id })).inquiry!;
    expect(detail.content).toEqual({
      name: null,
      email: 'kaito@example.jp',
      postalAddress: null,
      telephone: null,
      subject: 'Correction',
      message: 'My address changed.',
    });
    expect(detail.replies.map((r) => [r.kind, r.channel, r.author, r.body])).toEqual([
      ['NOTE', null, 'Test PRIVACY_OFFICER', 'Checked the member register.'],
      ['ANSWER', 'EMAIL', 'Test PRIVACY_OFFICER', 'We have corrected\nyour address.'],
    ]);
    // policy-core's inquiryAbilities: answered, with a provider linked.
    expect(detail.abilities).toEqual({
      reply: true,
      assign: true,
      link: true,
      unlink: true,
      nextStatuses: ['IN_PROGRESS', 'CLOSED'],
    });

    // The disclosure package reads a provider's inquiries through the service, decrypted and audited.
    const forProvider = await new InquiryService(app.em(), null, app.deps).listInquiriesForProvider(providerId);
    expect(forProvider.map((i) => [i.summary.reference, i.content.subject, i.replies.length])).toEqual([
      [created.reference, 'Correction', 2],
    ]);
    // Abilities are a field of the GraphQL answer only: the package carries none.
    expect(forProvider[0]).not.toHaveProperty('abilities');

    current = (
      await officer.ok(LinkInquiryProviderDocument, {
        input: {
          id: created.id,
          expectedVersion: current.version,
          providerId: null,
        },
      })
    ).linkInquiryProvider;
    expect(current.providerId).toBeNull();
    current = (
      await officer.ok(SetInquiryStatusDocument, {
        input: { id: created.id, expectedVersion: current.version, status: 'CLOSED' },
      })
    ).setInquiryStatus;
    expect(current.nextStatuses).toEqual(['IN_PROGRESS']);

    const audit = await auditOf(app, created.id);
    expect(audit.map((a) => a.action)).toEqual([
      'inquiry.create',
      'inquiry.assign',
      'inquiry.status',
      'inquiry.reply',
      'inquiry.reply',
      'inquiry.link_provider',
      'inquiry.read',
      'inquiry.unlink_provider',
      'inquiry.status',
    ]);
    const dump = JSON.stringify(audit);
    for (const secret of ['kaito@example.jp', 'corrected', 'member register', 'address changed'])
      expect(dump).not.toContain(secret);
    const providerReads = await app
      .em()
      .getConnection()
      .execute<{ action: string }[]>(
        "select e.action from audit_entry e join audit_provider l on l.entry_id = e.id where l.provider_id = ? and e.action = 'inquiry.read'",
        [providerId],
      );
    expect(providerReads).toHaveLength(2);
  });

  it("gives the caller's abilities: ANSWERED only once an answer is recorded, unlink only when linked", async () => {
    const created = (
      await officer.ok(RecordInquiryDocument, {
        input: { channel: 'POST', postalAddress: 'Tokyo', subject: 'Abilities', message: 'Which actions?' },
      })
    ).recordInquiry;
    await officer.ok(SetInquiryStatusDocument, {
      input: {
        id: created.id,
        expectedVersion: created.version,
        status: 'IN_PROGRESS',
      },
    });
    const { inquiry } = await owner.ok(InquiryDocument, { id: created.id });
    expect(inquiry!.abilities).toEqual({
      reply: true,
      assign: true,
      link: true,
      unlink: false,
      nextStatuses: ['CLOSED'],
    });
  });

  it('an answer recorded on a new inquiry moves it to ANSWERED, audited with the move', async () => {
    const created = (
      await officer.ok(RecordInquiryDocument, {
        input: { channel: 'POST', postalAddress: 'Tokyo', subject: 'Answered at once', message: 'A quick one?' },
      })
    ).recordInquiry;
    expect(created.status).toBe('NEW');
    const answered = (
      await officer.ok(AddInquiryReplyDocument, {
        input: {
          inquiryId: created.id,
          kind: 'ANSWER',
          channel: 'TELEPHONE',
          body: 'Answered on the phone.',
          expectedVersion: created.version,
        },
      })
    ).addInquiryReply;
    expect(answered).toMatchObject({ status: 'ANSWERED', version: created.version + 1 });
    const [entry] = await app
      .em()
      .getConnection()
      .execute<{ detail: string }[]>("select detail from audit_entry where subject = ? and action = 'inquiry.reply'", [
        created.id,
      ]);
    expect(JSON.parse(entry!.detail)).toMatchObject({ status: { from: 'NEW', to: 'ANSWERED' } });
  });

  it('answers an unknown or malformed id like a missing one', async () => {
    expect((await owner.ok(InquiriesDocument, { filter: { assigneeId: 'nobody' } })).inquiries.edges).toEqual([]);
    expect((await owner.ok(InquiriesDocument, { filter: { providerId: 'nobody' } })).inquiries.edges).toEqual([]);
    expect((await owner.ok(InquiryDocument, { id: 'not-a-uuid' })).inquiry).toBeNull();
    expect(
      errorOf(
        await owner.request(SetInquiryStatusDocument, {
          input: {
            id: '0190a0a0-0000-7000-8000-000000000000',
            expectedVersion: 1,
            status: 'CLOSED',
          },
        }),
      ).code,
    ).toBe('NOT_FOUND');
  });
});

describe('the public inquiry form is rate-limited per client address', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app?.close());

  it('refuses with TOO_MANY_REQUESTS once the budget is spent (invalid attempts count too), storing nothing', async () => {
    const anonymous = app.client();
    await anonymous.ok(SubmitInquiryDocument, { input: webInquiry });
    for (let i = 0; i < 4; i++)
      expect(
        errorOf(await anonymous.request(SubmitInquiryDocument, { input: { ...webInquiry, email: null } })).code,
      ).toBe('BAD_USER_INPUT');
    const before = await stored(app);
    const refused = await anonymous.request(SubmitInquiryDocument, { input: webInquiry });
    expect(errorOf(refused).code).toBe('TOO_MANY_REQUESTS');
    expect(refused.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(await stored(app)).toEqual(before);
  });
});
