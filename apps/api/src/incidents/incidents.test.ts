import {
  AddIncidentNoteDocument,
  ChangeIncidentAffectedDocument,
  ChangeIncidentStatusDocument,
  CreateRecipientDocument,
  IncidentAffectedPreviewDocument,
  IncidentAffectedProvidersDocument,
  IncidentDocument,
  IncidentReportDocument,
  IncidentsDocument,
  JobDocument,
  RecordCollectionDocument,
  RecordIncidentDocument,
  RecordIncidentNotificationDocument,
  RecordIncidentReportDocument,
  StartExportDocument,
  UpdateIncidentDocument,
  type IncidentAffectedPreviewQueryVariables,
  type RecordIncidentMutationVariables,
} from '@steward/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminUser } from '../auth/admin-user.entity.js';
import { actorOf } from '../auth/auth.service.js';
import { CollectionService } from '../collection/collection.service.js';
import { inTransaction } from '../common/transaction.js';
import { JOB_KINDS_RUN } from '../jobs/job-kinds.js';
import { JobRunner } from '../jobs/job-runner.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { MailMessage } from '../mail/mail-message.entity.js';
import { presentMailForDelivery } from '../mail/mail.presenter.js';
import { loadOrganisation } from '../organisation/organisation.service.js';
import { DATABASES } from '../test/databases.js';
import { buildCollectionInput } from '../test/factories.js';
import { createTestAppWithOwner, errorOf, OWNER, type TestApp, type TestClient } from '../test/test-app.js';
import { affectedSetHash } from './incident.service.js';

type RecordInput = RecordIncidentMutationVariables['input'];
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** What every refused mutation must leave exactly as it was. */
async function stored(app: TestApp) {
  const conn = app.em().getConnection();
  const n = async (sql: string) => Number((await conn.execute<{ n: number | string }[]>(sql))[0]!.n);
  return {
    incidents: await n('select count(*) as n from incident'),
    versions: await n('select coalesce(sum(version), 0) as n from incident'),
    steps: await n('select count(*) as n from incident_step'),
    affected: await n('select count(*) as n from incident_provider'),
    notifications: await n('select count(*) as n from incident_notification'),
    ledger: await n("select count(*) as n from ledger_entry where kind = 'INCIDENT'"),
    mails: await n('select count(*) as n from mail_message'),
  };
}

/** An incident's INCIDENT ledger entries and steps, oldest first. */
async function ledgerOf(app: TestApp, incidentId: string) {
  const conn = app.em().getConnection();
  const entries = await conn.execute<{ sequence: number | string; basis: unknown; provider_id: unknown }[]>(
    "select sequence, basis, provider_id from ledger_entry where kind = 'INCIDENT' and subject_ref = ? order by sequence",
    [incidentId],
  );
  const steps = await conn.execute<{ kind: string; ledger_sequence: number | string }[]>(
    'select kind, ledger_sequence from incident_step where incident_id = ? order by ledger_sequence',
    [incidentId],
  );
  const affected = (
    await conn.execute<{ provider_id: string }[]>('select provider_id from incident_provider where incident_id = ?', [
      incidentId,
    ])
  ).map((r) => r.provider_id);
  return {
    steps,
    affected,
    entries: entries.map((e) => ({
      sequence: Number(e.sequence),
      providerId: e.provider_id,
      basis: (typeof e.basis === 'string' ? JSON.parse(e.basis) : e.basis) as Record<string, unknown>,
    })),
  };
}

// The incident register over real HTTP on both databases (lean SQL for the selectors and the affected
// set, JSON columns, the ledger): the workflow, its ledger entries, the five selectors, 1,200 people,
// the notice mails and refused input.
describe.each(DATABASES)('incidents on %s', (database) => {
  let app: TestApp;
  let owner: TestClient;
  let officer: TestClient;
  let viewer: TestClient;
  const small: { id: string; reference: string }[] = [];
  let bulkIds: string[] = [];
  let incidentId = '';

  const base = (over: Partial<RecordInput> = {}): RecordInput => ({
    kind: 'LEAK',
    title: 'Member list e-mailed to the wrong address',
    awareAt: new Date(app.clock.now.getTime() - HOUR).toISOString(),
    occurredAt: new Date(app.clock.now.getTime() - 2 * HOUR).toISOString(),
    discovery: 'STAFF',
    cause: 'MISDELIVERY',
    wrongfulPurposeSuspected: false,
    description:
      'A spreadsheet of three members was sent to an outside address.\nThe recipient was asked to delete it.',
    measures: 'Asked the recipient to delete the file; checked the sending rules.',
    categories: ['NAME', 'EMAIL'],
    checklist: { sensitiveData: false, financialLossRisk: true },
    ...over,
  });

  beforeAll(async () => {
    ({ app, owner } = await createTestAppWithOwner({ database }));
    officer = await app.clientAs('PRIVACY_OFFICER');
    viewer = await app.clientAs('VIEWER');
    const people = [
      {
        language: 'ja' as const,
        items: [
          { category: 'NAME' as const, value: '藤本 愛子' },
          { category: 'EMAIL' as const, value: 'aiko@example.jp' },
        ],
      },
      {
        language: 'en' as const,
        items: [
          { category: 'NAME' as const, value: 'Ben Ito' },
          { category: 'EMAIL' as const, value: 'ben@example.jp' },
        ],
      },
      { language: 'ja' as const, items: [{ category: 'NAME' as const, value: '森 海斗' }] },
    ];
    for (const p of people) {
      const res = await owner.ok(RecordCollectionDocument, { input: buildCollectionInput(p) });
      small.push({ id: res.recordCollection.provider.id, reference: res.recordCollection.provider.reference });
    }
    // 1,200 members through the import's bulk path (CollectionService.recordImported): the fastest
    // way the project writes providers, with their consents, items and ledger entries.
    const em = app.em().fork();
    const user = await em.findOneOrFail(AdminUser, { email: OWNER.email });
    const collections = new CollectionService(em, actorOf(user, ''), app.deps);
    const from = {
      consentedAt: app.clock.now,
      fileSha256: 'f'.repeat(64),
      jobId: '0190a0a0-0000-7000-8000-00000000000f',
    };
    for (let batch = 0; batch < 3; batch++) {
      await collections.recordImported(
        Array.from({ length: 400 }, (_, i) => ({
          input: {
            newProvider: {
              kind: 'RELATED_PERSONNEL' as const,
              reference: `M-${String(batch * 400 + i).padStart(5, '0')}`,
            },
            channel: 'IMPORT' as const,
            consentMethod: 'SIGNED_FORM' as const,
            policyVersionShown: 1,
            purposes: [{ purposeKey: 'JOURNAL_DELIVERY', granted: true }],
            items: [
              { category: 'NAME' as const, value: `Member ${batch * 400 + i}`, publiclyAvailable: false },
              { category: 'POSTAL_CODE' as const, value: '102-0073', publiclyAvailable: false },
            ],
            source: 'Membership file',
          },
          from,
        })),
      );
    }
    bulkIds = (
      await app.em().getConnection().execute<{ id: string }[]>("select id from provider where reference like 'M-%'")
    ).map((r) => r.id);
  }, 120_000);
  afterAll(() => app?.close());

  it('runs the whole workflow, one ledger entry per step committing to the affected set', async () => {
    const recorded = (
      await officer.ok(RecordIncidentDocument, {
        input: base({ affected: [{ selector: 'PICKED', providerIds: small.map((p) => p.id) }] }),
      })
    ).recordIncident;
    incidentId = recorded.id;
    expect(recorded).toMatchObject({
      reference: 'INC-2026-0001',
      status: 'OPEN',
      affectedCount: 3,
      reportability: 'REPORTABLE',
      criteria: ['FINANCIAL_LOSS_RISK'],
      description:
        'A spreadsheet of three members was sent to an outside address.\nThe recipient was asked to delete it.',
      abilities: { edit: true, notify: false, note: true, nextStatuses: ['ASSESSING'] },
      createdBy: { kind: 'STAFF' },
    });
    expect(recorded.assessment).toMatchObject({
      reportTo: 'COMMISSION',
      notifyProviders: true,
      unanswered: ['STRONG_ENCRYPTION_KEY_SAFE'],
    });
    expect(recorded.preliminary).toMatchObject({ day: 5, state: 'ON_TRACK' });
    expect(recorded.final).toMatchObject({ day: 30, state: 'ON_TRACK' });
    // Sealed at rest: no free text in the row.
    const row = JSON.stringify(await app.em().getConnection().execute('select * from incident'));
    expect(row).not.toContain('spreadsheet');

    const moved = (await officer.ok(ChangeIncidentStatusDocument, { input: { id: incidentId, status: 'ASSESSING' } }))
      .changeIncidentStatus;
    expect(moved.status).toBe('ASSESSING');
    expect(moved.abilities).toMatchObject({ reports: ['PRELIMINARY'], notify: true, nextStatuses: [] });

    // Refused: skipping, closing while reportable, the final report first, a viewer. Nothing changes.
    const before = await stored(app);
    const skip = await officer.request(ChangeIncidentStatusDocument, {
      input: { id: incidentId, status: 'FINAL_REPORTED' },
    });
    expect(errorOf(skip)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.status' });
    const close = await officer.request(ChangeIncidentStatusDocument, { input: { id: incidentId, status: 'CLOSED' } });
    expect(errorOf(close)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.assessment' });
    const finalFirst = await officer.request(RecordIncidentReportDocument, {
      input: { id: incidentId, kind: 'FINAL', sentAt: app.clock.now.toISOString(), reference: 'PPC-9' },
    });
    expect(errorOf(finalFirst)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.kind' });
    const byViewer = await viewer.request(ChangeIncidentStatusDocument, {
      input: { id: incidentId, status: 'CLOSED' },
    });
    expect(errorOf(byViewer).code).toBe('FORBIDDEN');
    expect(await stored(app)).toEqual(before);

    const preliminary = (
      await officer.ok(RecordIncidentReportDocument, {
        input: { id: incidentId, kind: 'PRELIMINARY', sentAt: app.clock.now.toISOString(), reference: 'PPC-123' },
      })
    ).recordIncidentReport;
    expect(preliminary).toMatchObject({ status: 'PRELIMINARY_REPORTED', preliminaryReference: 'PPC-123' });
    expect(preliminary.preliminary.state).toBe('MET');
    // The organisation speaks Japanese by default; the step reads in the caller's language.
    expect(preliminary.steps.at(-1)!.summary).toBe('速報を提出（受付番号 PPC-123）');

    const notified = (
      await officer.ok(RecordIncidentNotificationDocument, {
        input: { id: incidentId, channel: 'EMAIL', sendMail: true },
      })
    ).recordIncidentNotification;
    expect(notified.notifications).toMatchObject([{ channel: 'EMAIL', providersCount: 2, viaMail: true }]);

    const final = (
      await officer.ok(RecordIncidentReportDocument, {
        input: { id: incidentId, kind: 'FINAL', sentAt: app.clock.now.toISOString(), reference: 'PPC-456' },
      })
    ).recordIncidentReport;
    expect(final.status).toBe('FINAL_REPORTED');
    const closed = (
      await officer.ok(ChangeIncidentStatusDocument, { input: { id: incidentId, status: 'CLOSED', note: 'Handled.' } })
    ).changeIncidentStatus;
    expect(closed).toMatchObject({
      status: 'CLOSED',
      urgency: 'MET',
      abilities: { edit: false, nextStatuses: ['ASSESSING'] },
    });
    expect(closed.closedAt).not.toBeNull();
    expect(closed.steps.map((s) => s.kind)).toEqual([
      'OPENED',
      'STATUS_CHANGED',
      'REPORT_SENT',
      'PROVIDERS_NOTIFIED',
      'REPORT_SENT',
      'STATUS_CHANGED',
    ]);
    expect(closed.steps.at(-1)).toMatchObject({ note: 'Handled.', actor: { kind: 'STAFF', role: 'PRIVACY_OFFICER' } });

    const { entries, steps, affected } = await ledgerOf(app, incidentId);
    expect(entries).toHaveLength(6);
    expect(steps.map((s) => Number(s.ledger_sequence))).toEqual(entries.map((e) => e.sequence));
    const hash = affectedSetHash([...affected].sort());
    expect(affected.sort()).toEqual(small.map((p) => p.id).sort());
    expect(entries.map((e) => [e.basis.step, e.basis.status])).toEqual([
      ['OPENED', 'OPEN'],
      ['STATUS_CHANGED', 'ASSESSING'],
      ['REPORT_SENT', 'PRELIMINARY_REPORTED'],
      ['PROVIDERS_NOTIFIED', 'PRELIMINARY_REPORTED'],
      ['REPORT_SENT', 'FINAL_REPORTED'],
      ['STATUS_CHANGED', 'CLOSED'],
    ]);
    for (const e of entries) {
      expect(e).toMatchObject({
        providerId: null,
        basis: { incidentReference: 'INC-2026-0001', affectedCount: 3, affectedSetHash: hash },
      });
    }
  });

  it('queues one notice per affected provider with an e-mail address, in their language, sealing the address', async () => {
    const mails = await app
      .em()
      .fork()
      .find(MailMessage, { kind: 'INCIDENT_NOTICE' }, { orderBy: { toAddress: 'asc' } });
    expect(mails.map((m) => [m.toAddress, m.language, m.status]).sort()).toEqual(
      [
        [`provider:${small[0]!.reference}`, 'ja', 'QUEUED'],
        [`provider:${small[1]!.reference}`, 'en', 'QUEUED'],
      ].sort(),
    );
    const dump = JSON.stringify(await app.em().getConnection().execute('select * from mail_message'));
    expect(dump).not.toContain('aiko@example.jp');
    expect(dump).not.toContain('Asked the recipient');
    // Rendered as the delivery job renders it: to the EMAIL item, what happened, what data, what was done, whom to ask.
    const organisation = await loadOrganisation(app.em().fork());
    const en = mails.find((m) => m.language === 'en')!;
    const rendered = presentMailForDelivery(en, organisation, app.deps);
    expect(rendered.to).toBe('ben@example.jp');
    expect(rendered.subject).toContain('INC-2026-0001');
    expect(rendered.text).toContain('Information concerned: Name, E-mail address');
    expect(rendered.text).toContain('Asked the recipient to delete the file');
    expect(rendered.text).toContain(organisation.email);
    const ja = presentMailForDelivery(
      mails.find((m) => m.language === 'ja')!,
      organisation,
      app.deps,
    );
    expect(ja.to).toBe('aiko@example.jp');
    expect(ja.text).toContain('漏えい');
  });

  it('reads for a viewer without names, and for an officer with names (one audited read)', async () => {
    const forViewer = await viewer.ok(IncidentAffectedProvidersDocument, { id: incidentId, first: 10 });
    expect(forViewer.incident!.affectedProviders.totalCount).toBe(3);
    expect(forViewer.incident!.affectedProviders.edges.map((e) => e.node.displayName)).toEqual([null, null, null]);
    const forOfficer = await officer.ok(IncidentAffectedProvidersDocument, { id: incidentId, first: 2 });
    expect(forOfficer.incident!.affectedProviders.edges.map((e) => e.node.displayName).every((n) => !!n)).toBe(true);
    expect(forOfficer.incident!.affectedProviders.pageInfo.hasNextPage).toBe(true);
    const audit = await app
      .em()
      .getConnection()
      .execute<{ n: number | string }[]>("select count(*) as n from audit_entry where action = 'provider.read'");
    expect(Number(audit[0]!.n)).toBeGreaterThan(0);
    const list = await viewer.ok(IncidentsDocument, { filter: { providerReference: small[2]!.reference } });
    expect(list.incidents.edges.map((e) => e.node.reference)).toEqual(['INC-2026-0001']);
    const report = await viewer.ok(IncidentReportDocument, { id: incidentId, kind: 'FINAL' });
    expect(report.incident!.report.title).toBe('個人データの漏えい等の報告（確報）');
    const reporter = report.incident!.report.sections.find((s) => s.key === 'reporter')!;
    expect(reporter.fields[4]).toEqual({ label: '整理番号', value: 'INC-2026-0001' });
  });

  it('selects by each of the five selectors', async () => {
    const preview = async (input: IncidentAffectedPreviewQueryVariables['input']) =>
      (await officer.ok(IncidentAffectedPreviewDocument, { input })).incidentAffectedPreview;
    expect(await preview({ selector: 'PICKED', providerIds: [small[0]!.id] })).toMatchObject({
      count: 1,
      sample: [{ reference: small[0]!.reference }],
    });
    expect((await preview({ selector: 'REFERENCES', references: [small[1]!.reference, 'M-00007'] })).count).toBe(2);
    const unknown = await officer.request(IncidentAffectedPreviewDocument, {
      input: { selector: 'REFERENCES', references: [small[1]!.reference, 'NOPE-1', 'NOPE-2'] },
    });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({
      code: 'INCIDENT_UNKNOWN_REFERENCES',
      field: 'input.references',
      references: ['NOPE-1', 'NOPE-2'],
    });
    const category = await preview({ selector: 'HOLDS_CATEGORY', category: 'POSTAL_CODE' });
    expect(category.count).toBe(1200);
    expect(category.sample).toHaveLength(20);
    expect(category.sample[0]!.reference).toBe('M-00000');

    // Provisions to a recipient: PROVISION ledger entries, ALLOWED, in [from, to).
    const recipientId = (
      await owner.ok(CreateRecipientDocument, { input: { name: 'Yamato Courier', kind: 'CONTRACTOR' } })
    ).createRecipient.id;
    const provide = async (providerId: string, outcome: 'ALLOWED' | 'DENIED') =>
      inTransaction(app.em().fork(), (em) =>
        new LedgerService(em, app.deps).append([
          {
            kind: 'PROVISION',
            actor: 'partner:test',
            providerId,
            recipientId,
            categories: ['NAME'],
            outcome,
            policyVersion: 1,
            payloadHash: 'a'.repeat(64),
          },
        ]),
      );
    const t0 = new Date(app.clock.now.getTime());
    await provide(small[0]!.id, 'ALLOWED');
    await provide(small[1]!.id, 'DENIED');
    app.clock.advance(2 * HOUR);
    await provide(small[2]!.id, 'ALLOWED');
    const window = {
      selector: 'PROVIDED_TO_RECIPIENT' as const,
      recipientId,
      from: new Date(t0.getTime() - HOUR).toISOString(),
    };
    expect(await preview({ ...window, to: new Date(t0.getTime() + HOUR).toISOString() })).toMatchObject({
      count: 1,
      sample: [{ id: small[0]!.id }],
    });
    expect((await preview({ ...window, to: new Date(t0.getTime() + 3 * HOUR).toISOString() })).count).toBe(2);

    // An export of the providers list: the providers its file named, kept in export_provider.
    const runner = new JobRunner(app.orm, app.deps, { kinds: JOB_KINDS_RUN, workerId: 't' });
    const { startExport } = await officer.ok(StartExportDocument, {
      input: { list: 'PROVIDERS', providers: { kind: 'SERVICE_USER' } },
    });
    await runner.tick();
    expect((await officer.ok(JobDocument, { id: startExport.id })).job.status).toBe('SUCCEEDED');
    const exported = await preview({ selector: 'IN_EXPORT', exportJobId: startExport.id });
    expect(exported.count).toBe(3);
    expect(exported.sample.map((s) => s.id).sort()).toEqual(small.map((p) => p.id).sort());
    const notAnExport = await officer.request(IncidentAffectedPreviewDocument, {
      input: { selector: 'IN_EXPORT', exportJobId: '0190a0a0-0000-7000-8000-000000000000' },
    });
    expect(errorOf(notAnExport)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.exportJobId' });
  });

  it('makes 1,200 providers holding a category reportable on its own (OVER_1000_PEOPLE) with both deadlines', async () => {
    const before = await stored(app);
    const started = performance.now();
    const res = (
      await officer.ok(RecordIncidentDocument, {
        input: base({
          kind: 'LOSS',
          title: 'Lost USB stick with the mailing list',
          cause: 'LOST_MEDIA',
          categories: ['NAME', 'POSTAL_CODE'],
          checklist: { sensitiveData: false, financialLossRisk: false },
          affected: [{ selector: 'HOLDS_CATEGORY', category: 'POSTAL_CODE' }],
        }),
      })
    ).recordIncident;
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(res).toMatchObject({ affectedCount: 1200, reportability: 'REPORTABLE', criteria: ['OVER_1000_PEOPLE'] });
    expect(res.preliminary).toMatchObject({ kind: 'PRELIMINARY', day: 5, state: 'ON_TRACK', daysLeft: 4 });
    expect(res.final).toMatchObject({ kind: 'FINAL', day: 30, state: 'ON_TRACK', daysLeft: 29 });
    expect(res.assessment.reasons.map((r) => r.code)).toContain('CRITERION_OVER_1000_PEOPLE');
    // Counts of people read with digit grouping, whatever the message.
    expect(res.assessment.reasons.find((r) => r.code === 'CRITERION_OVER_1000_PEOPLE')?.message).toBe(
      '本人の数は1,200人で、1,000人を超えます。',
    );
    const { entries, affected } = await ledgerOf(app, res.id);
    expect(affected).toHaveLength(1200);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.basis).toMatchObject({
      step: 'OPENED',
      affectedCount: 1200,
      affectedSetHash: affectedSetHash([...bulkIds].sort()),
    });
    expect(await stored(app)).toMatchObject({
      incidents: before.incidents + 1,
      affected: before.affected + 1200,
      ledger: before.ledger + 1,
    });
    // Removing two changes the set, its hash and the count: one AFFECTED_CHANGED step.
    const changed = (
      await officer.ok(ChangeIncidentAffectedDocument, {
        input: { id: res.id, removeProviderIds: bulkIds.slice(0, 2) },
      })
    ).changeIncidentAffected;
    expect(changed.affectedCount).toBe(1198);
    const after = await ledgerOf(app, res.id);
    expect(after.entries.at(-1)!.basis).toMatchObject({
      step: 'AFFECTED_CHANGED',
      affectedCount: 1198,
      affectedSetHash: affectedSetHash(bulkIds.slice(2).sort()),
    });
    const urgent = await viewer.ok(IncidentsDocument, { orderBy: 'URGENCY', filter: { open: true } });
    expect(urgent.incidents.edges.map((e) => e.node.reference)).toEqual(['INC-2026-0002']);
  });

  it('updates facts as one ASSESSED step, and refuses a stale version', async () => {
    const incident = (await officer.ok(IncidentDocument, { id: incidentId })).incident!;
    expect(incident.status).toBe('CLOSED');
    await officer.ok(ChangeIncidentStatusDocument, {
      input: { id: incidentId, status: 'ASSESSING', note: 'New facts.' },
    });
    const reopened = (await officer.ok(IncidentDocument, { id: incidentId })).incident!;
    const updated = (
      await officer.ok(UpdateIncidentDocument, {
        input: { id: incidentId, expectedVersion: reopened.version, checklist: { strongEncryptionKeySafe: true } },
      })
    ).updateIncident;
    expect(updated).toMatchObject({ reportability: 'NOT_REPORTABLE', assessment: { encryptionExempt: true } });
    expect(updated.steps.at(-1)!.kind).toBe('ASSESSED');
    const stale = await officer.request(UpdateIncidentDocument, {
      input: { id: incidentId, expectedVersion: reopened.version, title: 'Another title' },
    });
    expect(stale.errors?.[0]?.extensions).toMatchObject({
      code: 'INCIDENT_VERSION_CONFLICT',
      field: 'input.expectedVersion',
      currentVersion: updated.version,
    });
    const noted = (
      await officer.ok(AddIncidentNoteDocument, {
        input: { id: incidentId, kind: 'MEASURE_RECORDED', note: 'Training held.' },
      })
    ).addIncidentNote;
    expect(noted.steps.at(-1)).toMatchObject({
      kind: 'MEASURE_RECORDED',
      note: 'Training held.',
      summary: '措置を記録',
    });
  });

  describe('refuses bad input with a stable code naming the field, changing nothing', () => {
    const future = () => new Date(app.clock.now.getTime() + DAY).toISOString();
    const version = async () =>
      Number(
        (
          await app
            .em()
            .getConnection()
            .execute<{ version: number }[]>('select version from incident where id = ?', [incidentId])
        )[0]!.version,
      );
    const cases: Array<[string, () => Promise<{ errors?: readonly unknown[] } & object>, string, string, string?]> = [
      [
        'record: control characters',
        () => officer.request(RecordIncidentDocument, { input: base({ title: 'Leak\u0007' }) }),
        'BAD_USER_INPUT',
        'input.title',
        'CONTROL_CHARACTERS',
      ],
      [
        'record: too long',
        () => officer.request(RecordIncidentDocument, { input: base({ title: 't'.repeat(201) }) }),
        'BAD_USER_INPUT',
        'input.title',
        'TOO_LONG',
      ],
      [
        'record: unknown enum',
        () =>
          officer.raw('mutation($input: RecordIncidentInput!) { recordIncident(input: $input) { id } }', {
            input: { ...base(), kind: 'EXPLOSION' },
          }),
        'BAD_USER_INPUT',
        'input.kind',
      ],
      [
        'record: future awareness',
        () => officer.request(RecordIncidentDocument, { input: base({ awareAt: future(), occurredAt: null }) }),
        'BAD_USER_INPUT',
        'input.awareAt',
        'INVALID_VALUE',
      ],
      [
        'record: occurred after awareness',
        () => officer.request(RecordIncidentDocument, { input: base({ occurredAt: app.clock.now.toISOString() }) }),
        'BAD_USER_INPUT',
        'input.occurredAt',
        'INVALID_VALUE',
      ],
      [
        'record: unknown provider ids',
        () =>
          officer.request(RecordIncidentDocument, {
            input: base({ affected: [{ selector: 'PICKED', providerIds: ['0190a0a0-0000-7000-8000-000000000001'] }] }),
          }),
        'BAD_USER_INPUT',
        'input.affected[0].providerIds',
        'INVALID_VALUE',
      ],
      [
        'record: unknown references',
        () =>
          officer.request(RecordIncidentDocument, {
            input: base({ affected: [{ selector: 'REFERENCES', references: ['NOPE-3'] }] }),
          }),
        'INCIDENT_UNKNOWN_REFERENCES',
        'input.affected[0].references',
      ],
      [
        'update: wrong version',
        () => officer.request(UpdateIncidentDocument, { input: { id: incidentId, expectedVersion: 1, title: 'x' } }),
        'INCIDENT_VERSION_CONFLICT',
        'input.expectedVersion',
      ],
      [
        'update: control characters',
        () =>
          officer.request(UpdateIncidentDocument, {
            input: { id: incidentId, expectedVersion: 1, description: 'a\u202Eb' },
          }),
        'BAD_USER_INPUT',
        'input.description',
        'CONTROL_CHARACTERS',
      ],
      [
        'update: future awareness',
        async () =>
          officer.request(UpdateIncidentDocument, {
            input: { id: incidentId, expectedVersion: await version(), awareAt: future() },
          }),
        'BAD_USER_INPUT',
        'input.awareAt',
        'INVALID_VALUE',
      ],
      [
        'update: occurred after awareness',
        async () =>
          officer.request(UpdateIncidentDocument, {
            input: { id: incidentId, expectedVersion: await version(), occurredAt: app.clock.now.toISOString() },
          }),
        'BAD_USER_INPUT',
        'input.occurredAt',
        'INVALID_VALUE',
      ],
      [
        'update: unknown incident',
        () =>
          officer.request(UpdateIncidentDocument, {
            input: { id: '0190a0a0-0000-7000-8000-000000000002', expectedVersion: 1, title: 'x' },
          }),
        'INCIDENT_NOT_FOUND',
        'input.id',
      ],
      [
        'affected: unknown provider ids',
        () =>
          officer.request(ChangeIncidentAffectedDocument, {
            input: { id: incidentId, add: [{ selector: 'PICKED', providerIds: ['not-an-id'] }] },
          }),
        'BAD_USER_INPUT',
        'input.add[0].providerIds',
        'INVALID_VALUE',
      ],
      [
        'affected: unknown references',
        () =>
          officer.request(ChangeIncidentAffectedDocument, {
            input: { id: incidentId, add: [{ selector: 'REFERENCES', references: ['NOPE-4'] }] },
          }),
        'INCIDENT_UNKNOWN_REFERENCES',
        'input.add[0].references',
      ],
      [
        'affected: too many people',
        () =>
          officer.request(ChangeIncidentAffectedDocument, { input: { id: incidentId, affectedCount: 2_000_000_000 } }),
        'BAD_USER_INPUT',
        'input.affectedCount',
        'TOO_LONG',
      ],
      [
        'status: unknown enum',
        () =>
          officer.raw('mutation($input: ChangeIncidentStatusInput!) { changeIncidentStatus(input: $input) { id } }', {
            input: { id: incidentId, status: 'DONE' },
          }),
        'BAD_USER_INPUT',
        'input.status',
      ],
      [
        'status: note too long',
        () =>
          officer.request(ChangeIncidentStatusDocument, {
            input: { id: incidentId, status: 'CLOSED', note: 'n'.repeat(5001) },
          }),
        'BAD_USER_INPUT',
        'input.note',
        'TOO_LONG',
      ],
      [
        'report: future',
        () =>
          officer.request(RecordIncidentReportDocument, {
            input: { id: incidentId, kind: 'PRELIMINARY', sentAt: future(), reference: 'PPC-1' },
          }),
        'BAD_USER_INPUT',
        'input.sentAt',
        'INVALID_VALUE',
      ],
      [
        'report: reference too long',
        () =>
          officer.request(RecordIncidentReportDocument, {
            input: {
              id: incidentId,
              kind: 'PRELIMINARY',
              sentAt: app.clock.now.toISOString(),
              reference: 'r'.repeat(201),
            },
          }),
        'BAD_USER_INPUT',
        'input.reference',
        'TOO_LONG',
      ],
      [
        'notification: unknown channel',
        () =>
          officer.raw(
            'mutation($input: RecordIncidentNotificationInput!) { recordIncidentNotification(input: $input) { id } }',
            { input: { id: incidentId, channel: 'PIGEON' } },
          ),
        'BAD_USER_INPUT',
        'input.channel',
      ],
      [
        'notification: mail by post',
        () =>
          officer.request(RecordIncidentNotificationDocument, {
            input: { id: incidentId, channel: 'POST', sendMail: true },
          }),
        'BAD_USER_INPUT',
        'input.sendMail',
        'INVALID_VALUE',
      ],
      [
        'notification: control characters',
        () =>
          officer.request(RecordIncidentNotificationDocument, {
            input: { id: incidentId, channel: 'POST', note: 'x\u0000' },
          }),
        'BAD_USER_INPUT',
        'input.note',
        'CONTROL_CHARACTERS',
      ],
      [
        'note: not a note',
        () => officer.request(AddIncidentNoteDocument, { input: { id: incidentId, kind: 'OPENED', note: 'x' } }),
        'BAD_USER_INPUT',
        'input.kind',
        'INVALID_VALUE',
      ],
      [
        'note: empty',
        () => officer.request(AddIncidentNoteDocument, { input: { id: incidentId, kind: 'NOTE', note: ' \n ' } }),
        'BAD_USER_INPUT',
        'input.note',
        'REQUIRED',
      ],
      [
        'note: a viewer',
        () => viewer.request(AddIncidentNoteDocument, { input: { id: incidentId, kind: 'NOTE', note: 'x' } }),
        'FORBIDDEN',
        '',
      ],
    ];
    it.each(cases)('%s', async (_name, call, code, field, issue) => {
      const before = await stored(app);
      const res = await call();
      const error = errorOf(res as { errors?: never });
      expect(error.code).toBe(code);
      if (field) expect(error.field).toBe(field);
      if (issue) expect(error.issues?.find((i) => i.field === field)?.code).toBe(issue);
      expect(JSON.stringify(res)).not.toMatch(/INTERNAL|select |insert |at .*\.ts/);
      expect(await stored(app)).toEqual(before);
    });
  });
});
