import {
  CreateExceptionDocument,
  CreateProviderRequestDocument,
  CreateRecipientDocument,
  InviteStaffDocument,
  MailOutboxDocument,
  MeDocument,
  MyMailPreferencesDocument,
  ProviderDocument,
  RecordCollectionDocument,
  ResetStaffPasswordDocument,
  SetMyLanguageDocument,
  SetMyMailPreferenceDocument,
  SubmitInquiryDocument,
} from '@steward/schema';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, type SmtpConfig } from '../config.js';
import { JOB_KINDS_RUN } from '../jobs/job-kinds.js';
import { JobRunner } from '../jobs/job-runner.js';
import { Job } from '../jobs/job.entity.js';
import { DATABASES, SQLITE_ONLY } from '../test/databases.js';
import { buildCollectionInput, buildExceptionInput } from '../test/factories.js';
import { SmtpSink } from '../test/smtp-sink.js';
import {
  createPostgresDatabase,
  createTestApp,
  errorOf,
  OWNER,
  postgresUrl,
  type TestApp,
  type TestClient,
} from '../test/test-app.js';
import en from './locales/en.json' with { type: 'json' };
import ja from './locales/ja.json' with { type: 'json' };
import { MailMessage } from './mail-message.entity.js';
import { MailOptOut } from './mail-opt-out.entity.js';

// Notification mail end to end: the triggers queue mail in the database through the real GraphQL
// pipeline, the job runner sends it to a real SMTP server in this process, and the tests read what
// that server received. On both databases: the outbox is rows and jobs the runner claims.

const PUBLIC_URL = 'https://steward.example.org';
const DAY = 86_400_000;

function mailConfig(smtp: SmtpConfig | null) {
  return { smtp, mailFrom: 'Steward <steward@example.org>', publicUrl: PUBLIC_URL };
}

/** The job runner as main.ts makes it; one tick runs every due job. */
function runnerOf(app: TestApp): JobRunner {
  return new JobRunner(app.orm, app.deps, { kinds: JOB_KINDS_RUN, workerId: 'test', random: () => 0.5 });
}

async function me(client: TestClient): Promise<{ id: string; email: string }> {
  const { me } = await client.ok(MeDocument);
  return { id: me!.id, email: me!.email };
}

describe('mail configuration', () => {
  it('reads the SMTP server from the environment; none without a host', () => {
    expect(loadConfig({}).smtp).toBeNull();
    expect(loadConfig({ STEWARD_SMTP_HOST: 'smtp.example.org' }).smtp).toEqual({
      host: 'smtp.example.org',
      port: 587,
      secure: false,
      user: null,
      password: null,
    });
    const secure = loadConfig({
      STEWARD_SMTP_HOST: 'smtp.example.org',
      STEWARD_SMTP_SECURE: 'true',
      STEWARD_SMTP_USER: 'steward',
      STEWARD_SMTP_PASSWORD: 'secret',
      STEWARD_MAIL_FROM: 'Example Society <privacy@example.org>',
    });
    expect(secure.smtp).toMatchObject({ port: 465, secure: true, user: 'steward', password: 'secret' });
    expect(secure.mailFrom).toBe('Example Society <privacy@example.org>');
  });

  it('refuses a user without a password, and a sender that is not an address', () => {
    expect(() => loadConfig({ STEWARD_SMTP_HOST: 'smtp.example.org', STEWARD_SMTP_USER: 'steward' })).toThrow(
      /STEWARD_SMTP_USER and STEWARD_SMTP_PASSWORD/,
    );
    expect(() => loadConfig({ STEWARD_MAIL_FROM: 'not an address' })).toThrow(/STEWARD_MAIL_FROM/);
    expect(() => loadConfig({ STEWARD_SMTP_HOST: 'smtp.example.org', STEWARD_SMTP_PORT: '0' })).toThrow(
      /STEWARD_SMTP_PORT/,
    );
  });
});

describe('mail catalogues', () => {
  it('have the same keys in Japanese and English', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
  });
});

describe.each(DATABASES)('notification mail on %s', (database) => {
  let sink: SmtpSink;
  let app: TestApp;
  let owner: TestClient;
  let officer: TestClient;
  let ownerMe: { id: string; email: string };
  let officerMe: { id: string; email: string };
  let officerPassword = 'a-long-enough-password';

  beforeAll(async () => {
    sink = new SmtpSink();
    const smtp = await sink.start();
    app = await createTestApp({ database, config: mailConfig(smtp) });
    owner = await app.clientAs('OWNER');
    officer = await app.clientAs('PRIVACY_OFFICER');
    ownerMe = await me(owner);
    officerMe = await me(officer);
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await sink.stop();
  });
  beforeEach(async () => {
    // Tests move the clock by days: sign in again, so sessions are current.
    await owner.login(OWNER.email, OWNER.password);
    await officer.login(officerMe.email, officerPassword);
    await runnerOf(app).tick();
    sink.received.length = 0;
    sink.rejectNext = 0;
  });

  it('mails an invitee their one-time link in the organisation language, and keeps no token once sent', async () => {
    const res = await owner.ok(InviteStaffDocument, {
      input: { email: 'new.member@example.org', displayName: 'New Member', role: 'VIEWER' },
    });
    expect(sink.received).toHaveLength(0); // queued, not sent inside the request
    expect(await runnerOf(app).tick()).toBeGreaterThan(0);
    const [mail] = sink.to('new.member@example.org');
    expect(mail).toBeDefined();
    const token = res.inviteStaff.link.split('#')[1]!;
    expect(res.inviteStaff.link).toBe(`${PUBLIC_URL}/invitation#${token}`);
    // The organisation's default language is Japanese.
    expect(mail!.subject).toMatch(/Steward への招待$/);
    expect(mail!.from?.value[0]).toMatchObject({ name: 'Steward', address: 'steward@example.org' });
    expect(mail!.text).toContain(`${PUBLIC_URL}/invitation#${token}`);
    expect(mail!.text).toContain('New Member 様');
    expect(mail!.html).toContain(`href="${PUBLIC_URL}/invitation#${token}"`);
    const stored = await app.em().findOneOrFail(MailMessage, { toAddress: 'new.member@example.org' });
    expect(stored.status).toBe('SENT');
    expect(stored.attempts).toBe(1);
    expect(stored.secretSealed).toBeNull();
    expect(stored.params).not.toContain(token);
  });

  it('tells a member their password was reset, in their language, never the temporary password', async () => {
    await officer.ok(SetMyLanguageDocument, { input: { language: 'EN' } });
    const reset = await owner.ok(ResetStaffPasswordDocument, { input: { id: officerMe.id } });
    await runnerOf(app).tick();
    const [mail] = sink.to(officerMe.email);
    expect(mail!.subject).toMatch(/Your Steward password was reset$/);
    expect(mail!.text).toContain('reset your Steward password');
    expect(mail!.text).toContain(`${PUBLIC_URL}/login`);
    expect(mail!.text).not.toContain(reset.resetStaffPassword.temporaryPassword);
    expect(mail!.html).not.toContain(reset.resetStaffPassword.temporaryPassword);
    await officer.login(officerMe.email, reset.resetStaffPassword.temporaryPassword);
    await officer.raw('mutation($input: ChangePasswordInput!) { changePassword(input: $input) { id } }', {
      input: { currentPassword: reset.resetStaffPassword.temporaryPassword, newPassword: 'a-new-long-password-9' },
    });
    officerPassword = 'a-new-long-password-9';
  });

  it('mails a new inquiry to the writers who did not turn it off; a security mail cannot be turned off', async () => {
    const off = await officer.ok(SetMyMailPreferenceDocument, { input: { kind: 'INQUIRY_RECEIVED', enabled: false } });
    expect(off.setMyMailPreference.find((p) => p.kind === 'INQUIRY_RECEIVED')!.enabled).toBe(false);
    const refused = await officer.request(SetMyMailPreferenceDocument, {
      input: { kind: 'PASSWORD_RESET', enabled: false },
    });
    expect(errorOf(refused)).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(JSON.stringify(refused.errors)).toContain('kind');
    expect(await app.em().count(MailOptOut, { kind: 'PASSWORD_RESET' })).toBe(0);
    const prefs = await officer.ok(MyMailPreferencesDocument);
    expect(prefs.myMailPreferences.find((p) => p.kind === 'PASSWORD_RESET')).toMatchObject({
      enabled: true,
      optional: false,
    });

    const receipt = await app.client().ok(SubmitInquiryDocument, {
      input: { name: 'Kenji Sato', email: 'kenji@example.jp', subject: 'My data', message: 'Please tell me.' },
    });
    await runnerOf(app).tick();
    expect(sink.to(officerMe.email)).toHaveLength(0);
    const [mail] = sink.to(ownerMe.email);
    expect(mail!.subject).toContain(receipt.submitInquiry.reference);
    // The inquirer's own words and name are personal data: not in the mail.
    expect(mail!.text).not.toContain('Kenji');
    expect(mail!.text).not.toContain('Please tell me');
    expect(mail!.text).toMatch(new RegExp(`${PUBLIC_URL}/inquiries/[0-9a-f-]{36}`));
    await officer.ok(SetMyMailPreferenceDocument, { input: { kind: 'INQUIRY_RECEIVED', enabled: true } });
  });

  it('mails a draft exception to those who may approve it, not to its author', async () => {
    await owner.ok(SetMyLanguageDocument, { input: { language: 'EN' } });
    const recipient = await owner.ok(CreateRecipientDocument, {
      input: { name: `Courier ${database}`, kind: 'CONTRACTOR' },
    });
    const collected = await owner.ok(RecordCollectionDocument, { input: buildCollectionInput() });
    const provider = (await owner.ok(ProviderDocument, { id: collected.recordCollection.provider.id })).provider!;
    const input = buildExceptionInput('LAW', {
      recipientId: recipient.createRecipient.id,
      providerId: provider.id,
      consentEventIds: [],
    });
    const created = await officer.ok(CreateExceptionDocument, { input });
    await runnerOf(app).tick();
    expect(sink.to(officerMe.email)).toHaveLength(0);
    const [mail] = sink.to(ownerMe.email);
    expect(mail!.subject).toBe(`[${await orgName('en')}] Approval waiting: ${input.title}`);
    expect(mail!.text).toContain(`${PUBLIC_URL}/exceptions/${created.createException.id}`);
    expect(mail!.text).toContain('Test PRIVACY_OFFICER');
    expect(mail!.text).toContain(`${PUBLIC_URL}/account`); // where to turn it off
  });

  it('reminds of a request due soon once, and of it overdue once, however many days pass', async () => {
    await owner.ok(SetMyLanguageDocument, { input: { language: 'JA' } });
    const created = await officer.ok(CreateProviderRequestDocument, {
      input: { kind: 'DISCLOSURE', channel: 'POST', requesterName: 'Aiko Fujimoto', contact: '1-2-3 Shiba' },
    });
    const request = created.createProviderRequest;
    const dueAt = new Date(request.dueAt as string);
    const daily = async () => {
      const runner = runnerOf(app);
      await runner.enqueue('REQUEST_DUE_REMINDERS', {});
      await runner.tick();
    };
    await daily();
    expect(sink.received.filter((m) => m.subject?.includes(request.reference))).toHaveLength(0); // not due yet
    app.clock.now = new Date(dueAt.getTime() - 2 * DAY);
    await daily();
    await daily();
    const soon = sink.to(ownerMe.email).filter((m) => m.subject?.includes(request.reference));
    expect(soon).toHaveLength(1);
    expect(soon[0]!.subject).toContain('の期限は');
    expect(soon[0]!.text).toContain('開示');
    expect(sink.to(officerMe.email).filter((m) => m.subject?.includes(request.reference))).toHaveLength(1);
    app.clock.now = new Date(dueAt.getTime() + DAY);
    await daily();
    app.clock.now = new Date(dueAt.getTime() + 3 * DAY);
    await daily();
    const all = sink.to(ownerMe.email).filter((m) => m.subject?.includes(request.reference));
    expect(all.map((m) => m.subject)).toEqual([soon[0]!.subject, expect.stringContaining('期限が過ぎています')]);
    expect(all[1]!.text).toContain(`${PUBLIC_URL}/requests/${request.id}`);
  });

  it('retries a refused send with backoff, records the attempts, and fails visibly after the last', async () => {
    app.clock.now = new Date('2026-06-01T09:00:00Z');
    await owner.login(OWNER.email, OWNER.password);
    sink.rejectNext = 1;
    await owner.ok(InviteStaffDocument, {
      input: { email: 'retry@example.org', displayName: 'Retry', role: 'VIEWER' },
    });
    await runnerOf(app).tick();
    expect(sink.rejected).toBeGreaterThan(0);
    let stored = await app.em().findOneOrFail(MailMessage, { toAddress: 'retry@example.org' });
    expect(stored).toMatchObject({ status: 'QUEUED', attempts: 1, errorCode: 'SMTP_REJECTED' });
    const job = await app.em().findOneOrFail(Job, { id: stored.jobId! });
    expect(job.status).toBe('QUEUED');
    expect(job.runAt.getTime()).toBeGreaterThan(app.deps.now().getTime()); // backoff: not before its time
    await runnerOf(app).tick();
    expect(sink.to('retry@example.org')).toHaveLength(0);
    app.clock.advance(2 * 60_000);
    await runnerOf(app).tick();
    expect(sink.to('retry@example.org')).toHaveLength(1);
    stored = await app.em().findOneOrFail(MailMessage, { toAddress: 'retry@example.org' });
    expect(stored).toMatchObject({ status: 'SENT', attempts: 2, errorCode: null });

    // A server that never accepts: after the last attempt the outbox says FAILED.
    sink.rejectNext = 100;
    await owner.ok(InviteStaffDocument, {
      input: { email: 'never@example.org', displayName: 'Never', role: 'VIEWER' },
    });
    for (let i = 0; i < 8; i++) {
      await runnerOf(app).tick();
      app.clock.advance(2 * 3_600_000);
    }
    await owner.login(OWNER.email, OWNER.password);
    const outbox = await owner.ok(MailOutboxDocument, { first: 10 });
    const never = outbox.mailOutbox.edges.map((e) => e.node).find((m) => m.to === 'never@example.org')!;
    expect(never).toMatchObject({
      status: 'FAILED',
      attempts: 6,
      errorCode: 'SMTP_REJECTED',
      kind: 'STAFF_INVITATION',
    });
    const sent = outbox.mailOutbox.edges.map((e) => e.node).find((m) => m.to === 'retry@example.org')!;
    expect(sent).toMatchObject({ status: 'SENT', attempts: 2 });
    expect(outbox.mailDelivery).toEqual({ configured: true, from: 'Steward <steward@example.org>' });
    sink.rejectNext = 0;
  });

  it('shows the outbox to owners only', async () => {
    const res = await officer.request(MailOutboxDocument, { first: 5 });
    expect(errorOf(res)).toMatchObject({ code: 'FORBIDDEN' });
  });

  async function orgName(language: 'en' | 'ja'): Promise<string> {
    const rows = await app
      .em()
      .getConnection()
      .execute<{ name: string; name_ja: string }[]>('select name, name_ja from organisation');
    return language === 'ja' ? rows[0]!.name_ja : rows[0]!.name;
  }
});

describe.each(DATABASES)('mail across a restart on %s', (database) => {
  it('sends after a restart the mail queued before it', async () => {
    const sink = new SmtpSink();
    const smtp = await sink.start();
    const dir = mkdtempSync(join(tmpdir(), 'steward-mail-'));
    const pg = database === 'postgresql' ? await createPostgresDatabase(postgresUrl!) : null;
    const opts = {
      database,
      config: mailConfig(smtp),
      ...(pg ? { postgresDatabaseUrl: pg.url } : { sqliteFile: join(dir, 'steward.db') }),
    };
    try {
      const first = await createTestApp(opts);
      const owner = first.client();
      await owner.login(OWNER.email, OWNER.password);
      await owner.ok(InviteStaffDocument, {
        input: { email: 'after.restart@example.org', displayName: 'After Restart', role: 'VIEWER' },
      });
      await first.close(); // stopped before its runner sent anything
      expect(sink.received).toHaveLength(0);

      const second = await createTestApp(opts);
      second.clock.advance(60_000); // its clock starts where the first one's did: past the mail's time
      try {
        await runnerOf(second).tick();
        expect(sink.to('after.restart@example.org')).toHaveLength(1);
        const stored = await second.em().findOneOrFail(MailMessage, { toAddress: 'after.restart@example.org' });
        expect(stored.status).toBe('SENT');
      } finally {
        await second.close();
      }
    } finally {
      await pg?.drop();
      rmSync(dir, { recursive: true, force: true });
      await sink.stop();
    }
  }, 60_000);
});

describe.each(SQLITE_ONLY)('mail without SMTP on %s', (database) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ database, config: mailConfig(null) });
  });
  afterAll(() => app.close());

  it('keeps what it would have sent in the outbox, marked not sent', async () => {
    const owner = await app.clientAs('OWNER');
    await owner.ok(InviteStaffDocument, {
      input: { email: 'nosmtp@example.org', displayName: 'No SMTP', role: 'VIEWER' },
    });
    await runnerOf(app).tick();
    const outbox = await owner.ok(MailOutboxDocument, { first: 10 });
    expect(outbox.mailDelivery.configured).toBe(false);
    const mail = outbox.mailOutbox.edges.map((e) => e.node).find((m) => m.to === 'nosmtp@example.org')!;
    expect(mail).toMatchObject({ kind: 'STAFF_INVITATION', status: 'NOT_SENT', attempts: 0, sentAt: null });
    expect(mail.subject).toContain('Steward');
    const stored = await app.em().findOneOrFail(MailMessage, { id: mail.id });
    expect(stored.secretSealed).toBeNull();
  });
});
