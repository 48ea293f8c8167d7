import { RecordCollectionDocument } from '@steward/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../test/databases.js';
import { buildCollectionInput } from '../test/factories.js';
import { createTestApp, type TestApp, type TestClient } from '../test/test-app.js';
import { affectedSetHash, IncidentService } from './incident.service.js';

// The service seam other features call (detectors, the disclosure package, the home page of work):
// lean SQL for the affected set, so both databases.
describe.each(DATABASES)('incident seam on %s', (database) => {
  let app: TestApp;
  let owner: TestClient;
  const providers: string[] = [];
  const service = () => new IncidentService(app.em().fork(), null, app.deps);

  beforeAll(async () => {
    app = await createTestApp({ database });
    owner = await app.clientAs('OWNER');
    for (const language of ['ja', 'en'] as const) {
      const res = await owner.ok(RecordCollectionDocument, { input: buildCollectionInput({ language }) });
      providers.push(res.recordCollection.provider.id);
    }
  });
  afterAll(() => app?.close());

  it('opens a detected incident once per detector key, with one OPENED step and one ledger entry', async () => {
    const input = {
      detectorKey: 'ledger-verification:job-1',
      kind: 'FALSIFICATION' as const,
      discovery: 'LEDGER_VERIFICATION' as const,
      title: 'Ledger verification failed',
      description: 'Entry 42 does not match its hash.',
      cause: 'UNKNOWN' as const,
      wrongfulPurposeSuspected: true,
      awareAt: app.clock.now,
      affectedProviderIds: [...providers, '0190a0a0-0000-7000-8000-000000000000'],
    };
    const first = await service().openDetectedIncident(input);
    expect(first).toMatchObject({ created: true, reference: 'INC-2026-0001' });
    const again = await service().openDetectedIncident(input);
    expect(again).toEqual({ ...first, created: false });

    const conn = app.em().getConnection();
    const steps = await conn.execute<{ kind: string; actor: string | null; ledger_sequence: number }[]>(
      'select kind, actor, ledger_sequence from incident_step where incident_id = ?',
      [first.id],
    );
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ kind: 'OPENED', actor: null });
    const entries = await conn.execute<
      { sequence: number; kind: string; actor: string; basis: unknown; provider_id: unknown }[]
    >(
      "select sequence, kind, actor, basis, provider_id from ledger_entry where kind = 'INCIDENT' and subject_ref = ?",
      [first.id],
    );
    expect(entries).toHaveLength(1);
    expect(Number(entries[0]!.sequence)).toBe(Number(steps[0]!.ledger_sequence));
    const basis = typeof entries[0]!.basis === 'string' ? JSON.parse(entries[0]!.basis) : entries[0]!.basis;
    expect(basis).toEqual({
      step: 'OPENED',
      incidentReference: 'INC-2026-0001',
      status: 'OPEN',
      affectedCount: 2,
      affectedSetHash: affectedSetHash([...providers].sort()),
    });
    expect(entries[0]).toMatchObject({ actor: 'system', provider_id: null });
  });

  it('gives a provider the incidents that concern them, worded in their language', async () => {
    const [ja, en] = [
      await service().incidentsForProvider(providers[0]!),
      await service().incidentsForProvider(providers[1]!),
    ];
    expect(ja).toHaveLength(1);
    expect(ja[0]).toMatchObject({
      reference: 'INC-2026-0001',
      kind: 'FALSIFICATION',
      status: 'OPEN',
      notifiedAt: null,
    });
    expect(ja[0]!.steps.map((s) => s.summary)).toEqual(['事案を記録（改ざん、影響を受けた本人 2人）']);
    expect(en[0]!.steps.map((s) => s.summary)).toEqual(['Incident recorded (Falsification, 2 people affected)']);
    expect(await service().incidentsForProvider('0190a0a0-0000-7000-8000-000000000000')).toEqual([]);
  });

  it('lists open incidents whose deadlines are due soon or overdue', async () => {
    const now = app.clock.now;
    expect(await service().incidentsNeedingAttention(now)).toMatchObject({ overdue: 0, dueSoon: 0, next: [] });
    const day = 24 * 60 * 60 * 1000;
    const soon = await service().incidentsNeedingAttention(new Date(now.getTime() + 3 * day));
    expect(soon).toMatchObject({ overdue: 0, dueSoon: 1 });
    expect(soon.next[0]).toMatchObject({
      reference: 'INC-2026-0001',
      urgency: 'DUE_SOON',
      reportability: 'REPORTABLE',
    });
    const late = await service().incidentsNeedingAttention(new Date(now.getTime() + 6 * day));
    expect(late).toMatchObject({ overdue: 1, dueSoon: 0 });
    expect(late.next[0]!.preliminary).toMatchObject({ state: 'OVERDUE', day: 5 });
  });
});
