import { IssuePartnerKeyDocument, CreateRecipientDocument, RecordCollectionDocument } from '@steward/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_KINDS_RUN } from '../../jobs/job-kinds.js';
import { JobRunner } from '../../jobs/job-runner.js';
import { Job } from '../../jobs/job.entity.js';
import { DATABASES } from '../../test/databases.js';
import { buildCollectionInput } from '../../test/factories.js';
import { dropLedgerGuards } from '../../test/ledger-guards.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/test-app.js';
import { Incident, incidentSealContext } from '../incident.entity.js';

// Steward's own detectors against a real server: a ledger tampered with SQL fails its verification
// job and opens one FALSIFICATION incident; a partner key refused 20 times within 10 minutes opens
// one "suspected unauthorised access" incident. Lean SQL and triggers, so both databases.
describe.each(DATABASES)("Steward's own detectors on %s", (database) => {
  let app: TestApp;
  let owner: TestClient;

  beforeAll(async () => {
    app = await createTestApp({ database });
    owner = await app.clientAs('OWNER');
  }, 60_000);
  afterAll(() => app?.close());

  const runner = () => new JobRunner(app.orm, app.deps, { kinds: JOB_KINDS_RUN, workerId: 'test', random: () => 0.5 });
  const incidents = (discovery: string) =>
    app
      .em()
      .fork()
      .find(Incident, { discovery: discovery as never });
  const description = (i: Incident) =>
    app.deps.cipher.openText(i.descriptionSealed, incidentSealContext(i.id, 'description'));

  describe('repeated refused partner-scope attempts', () => {
    let n = 0;
    async function partnerKey(label: string): Promise<string> {
      n++;
      const recipient = await owner.ok(CreateRecipientDocument, {
        input: { name: `Probe Systems ${n}`, kind: 'THIRD_PARTY' },
      });
      return (await owner.ok(IssuePartnerKeyDocument, { input: { recipientId: recipient.createRecipient.id, label } }))
        .issuePartnerKey.key;
    }
    async function refused(key: string, times: number): Promise<void> {
      for (let i = 0; i < times; i++) {
        // Alternately a provider it does not cover (NOT_FOUND) and an admin field (FORBIDDEN).
        const query =
          i % 2 === 0
            ? '{ partnerProvider(id: "0190a0a0-0000-7000-8000-000000000000") { id } }'
            : '{ providers(first: 1) { totalCount } }';
        const res = await fetch(`${app.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
          body: JSON.stringify({ query }),
        });
        const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
        expect(['NOT_FOUND', 'FORBIDDEN']).toContain(body.errors?.[0]?.extensions?.code);
      }
    }

    it('opens nothing for 19 refusals', async () => {
      await refused(await partnerKey('Careful client'), 19);
      expect(await incidents('PARTNER_SCOPE_MONITOR')).toHaveLength(0);
    });

    it('opens one incident for 21 refusals, naming the key and the attempts', async () => {
      await refused(await partnerKey('Label printer'), 21);
      const [incident, ...more] = await incidents('PARTNER_SCOPE_MONITOR');
      expect(more).toHaveLength(0);
      expect(incident).toMatchObject({
        kind: 'LEAK',
        cause: 'UNAUTHORISED_ACCESS',
        wrongfulPurposeSuspected: true,
        createdBy: null,
      });
      expect(incident!.title).toContain('Label printer');
      expect(incident!.detectorKey).toMatch(/^partner-scope:[0-9a-f-]{36}:\d{4}-\d{2}-\d{2}$/);
      const text = description(incident!)!;
      expect(text).toContain('「Label printer」');
      expect(text).toContain('refused 20 times within 10 minutes');
      expect(text).toContain('NOT_FOUND partnerProvider × 10');
      expect(text).toContain('FORBIDDEN providers × 10');
    });

    it('refusals spread beyond the window open nothing', async () => {
      const key = await partnerKey('Slow retry loop');
      const start = app.clock.now;
      await refused(key, 15);
      app.clock.now = new Date(start.getTime() + 11 * 60_000);
      await refused(key, 15);
      app.clock.now = start;
      expect(await incidents('PARTNER_SCOPE_MONITOR')).toHaveLength(1);
    });
  });

  // Last: it tampers with the ledger for good.
  it('opens exactly one falsification incident when the ledger verification job fails', async () => {
    for (let i = 0; i < 2; i++) await owner.ok(RecordCollectionDocument, { input: buildCollectionInput() });
    const ok = await runner().enqueue('LEDGER_VERIFICATION', {});
    await runner().tick();
    expect((await app.em().fork().findOneOrFail(Job, { id: ok })).status).toBe('SUCCEEDED');
    expect(await incidents('LEDGER_VERIFICATION')).toHaveLength(0);

    await dropLedgerGuards(app, database);
    await app.em().getConnection().execute("update ledger_entry set actor = 'someone else' where sequence = 3");
    const failed = await runner().enqueue('LEDGER_VERIFICATION', {});
    await runner().tick();
    const job = await app.em().fork().findOneOrFail(Job, { id: failed });
    expect(job).toMatchObject({ status: 'FAILED', errorCode: 'LEDGER_VERIFICATION_FAILED' });

    const [incident, ...more] = await incidents('LEDGER_VERIFICATION');
    expect(more).toHaveLength(0);
    expect(incident).toMatchObject({
      kind: 'FALSIFICATION',
      cause: 'UNKNOWN',
      wrongfulPurposeSuspected: false,
      detectorKey: `ledger-verification:${failed}`,
      createdBy: null,
      title: '台帳の検証に失敗（項目 3） / Ledger verification failed at entry 3',
    });
    const text = description(incident!);
    expect(text).toContain('項目 3 が記録後に変更されています');
    expect(text).toContain('entry 3 was changed after it was written');
    expect(JSON.stringify(job.result)).toContain(incident!.reference);

    // The same verification read again opens nothing more (idempotent per job).
    const { openLedgerVerificationIncident } = await import('./ledger-verification.detector.js');
    const { LedgerService } = await import('../../ledger/ledger.service.js');
    const result = await new LedgerService(app.em().fork(), app.deps).verify();
    const again = await openLedgerVerificationIncident(app.em().fork(), app.deps, failed!, result);
    expect(again).toMatchObject({ created: false, reference: incident!.reference });
    expect(await incidents('LEDGER_VERIFICATION')).toHaveLength(1);
  });
});
