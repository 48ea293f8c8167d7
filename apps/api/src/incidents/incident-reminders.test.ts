import { MeDocument, SetMyLanguageDocument, SetMyMailPreferenceDocument } from '@steward/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_KINDS_RUN } from '../jobs/job-kinds.js';
import { JobRunner } from '../jobs/job-runner.js';
import { DATABASES } from '../test/databases.js';
import { openTestIncident } from '../test/incidents.js';
import { SmtpSink } from '../test/smtp-sink.js';
import { createTestApp, OWNER, type TestApp, type TestClient } from '../test/test-app.js';

const DAY = 86_400_000;
const PUBLIC_URL = 'https://steward.example.org';

// The daily INCIDENT_REPORT_REMINDERS job against the real in-process SMTP server (as mail.test.ts):
// owners and privacy officers are mailed once per incident, report, state and member, in their
// language, their opt-outs applying. The outbox is rows and jobs the runner claims: both databases.
describe.each(DATABASES)('incident report reminders on %s', (database) => {
  let sink: SmtpSink;
  let app: TestApp;
  let owner: TestClient;
  let officer: TestClient;
  let viewer: TestClient;
  const emails: Record<'owner' | 'officer' | 'viewer', string> = { owner: '', officer: '', viewer: '' };

  beforeAll(async () => {
    sink = new SmtpSink();
    const smtp = await sink.start();
    app = await createTestApp({
      database,
      config: { smtp, mailFrom: 'Steward <steward@example.org>', publicUrl: PUBLIC_URL },
    });
    owner = await app.clientAs('OWNER');
    officer = await app.clientAs('PRIVACY_OFFICER');
    viewer = await app.clientAs('VIEWER');
    emails.owner = (await owner.ok(MeDocument)).me!.email;
    emails.officer = (await officer.ok(MeDocument)).me!.email;
    emails.viewer = (await viewer.ok(MeDocument)).me!.email;
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await sink.stop();
  });

  const runner = () => new JobRunner(app.orm, app.deps, { kinds: JOB_KINDS_RUN, workerId: 'test', random: () => 0.5 });
  async function daily(): Promise<void> {
    const r = runner();
    await r.enqueue('INCIDENT_REPORT_REMINDERS', {});
    // The reminders job, then the mails it queued.
    while ((await r.tick()) > 0);
  }

  it('mails the report deadlines due soon and overdue, once each, in each member’s language, opt-outs applying', async () => {
    await officer.ok(SetMyLanguageDocument, { input: { language: 'EN' } });
    await officer.ok(SetMyMailPreferenceDocument, { input: { kind: 'INCIDENT_REPORT_DUE_SOON', enabled: false } });
    const start = app.clock.now;
    const incident = await openTestIncident(app, { detectorKey: 'reminders-test', awareAt: start });
    const about = (address: string) => sink.to(address).filter((m) => m.subject?.includes(incident.reference));

    await daily();
    expect(about(emails.owner)).toHaveLength(0); // day 1: on track

    app.clock.now = new Date(start.getTime() + 3 * DAY); // the preliminary report's warning days
    await owner.login(OWNER.email, OWNER.password);
    await daily();
    await daily();
    const soon = about(emails.owner);
    expect(soon).toHaveLength(1);
    expect(soon[0]!.subject).toContain('速報の期限は');
    expect(soon[0]!.text).toContain(`${PUBLIC_URL}/incidents/${incident.id}`);
    expect(soon[0]!.text).toContain('Suspected unauthorised access');
    expect(about(emails.officer)).toHaveLength(0); // turned off
    expect(about(emails.viewer)).toHaveLength(0); // viewers do not record reports

    app.clock.now = new Date(start.getTime() + 6 * DAY); // past day 5
    await daily();
    await daily();
    const all = about(emails.owner);
    expect(all.map((m) => m.subject)).toEqual([soon[0]!.subject, expect.stringContaining('速報の期限が過ぎています')]);
    const late = about(emails.officer);
    expect(late).toHaveLength(1);
    expect(late[0]!.subject).toContain(`Incident ${incident.reference}: the Preliminary report is overdue`);
    app.clock.now = start;
  });
});
