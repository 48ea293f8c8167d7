import {
  CancelJobDocument,
  LedgerStatusDocument,
  RecordCollectionDocument,
  RunLedgerVerificationDocument,
} from '@steward/schema';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_KINDS_RUN } from '../jobs/job-kinds.js';
import { JobRunner } from '../jobs/job-runner.js';
import { buildCollectionInput } from '../test/factories.js';
import { DATABASES } from '../test/databases.js';
import { createTestApp, errorOf, type TestApp, type TestClient } from '../test/test-app.js';
import { writeAnchorFile } from './anchor-file.js';

// `ledgerStatus` is what the ledger page opens with: it reads the head and the verification jobs'
// rows, never walks the chain, and its last result is the last finished job's (so a restart or
// another instance reads the same). Both databases: the job rows are ordered and filtered in SQL.

describe.each(DATABASES)('the ledger status on %s', (database) => {
  let app: TestApp;
  let owner: TestClient;
  beforeAll(async () => {
    app = await createTestApp({ database });
    owner = await app.clientAs('OWNER');
  }, 60_000);
  afterAll(() => app.close());

  const status = async (client = owner) => (await client.ok(LedgerStatusDocument)).ledgerStatus;
  const runner = (deps = app.deps, worker = 'a') =>
    new JobRunner(app.orm, deps, { kinds: JOB_KINDS_RUN, workerId: worker });

  it('says nothing was verified yet, and shows the stored head', async () => {
    for (let i = 0; i < 2; i++) await owner.ok(RecordCollectionDocument, { input: buildCollectionInput() });
    const s = await status();
    expect(s.lastVerification).toBeNull();
    expect(s.runningVerification).toBeNull();
    expect(s.headSequence).toBeGreaterThan(0);
    expect(s.headHash).toMatch(/^[0-9a-f]{64}$/);
    expect(s.checkpointPublicKey).toBeTruthy();
    expect(s.unsignedEntries).toBe(s.headSequence - (s.lastCheckpoint?.sequence ?? 0));
  });

  it('shows the queued verification, then its result with its time once a runner finished it', async () => {
    const head = (await status()).headSequence;
    const started = (await owner.ok(RunLedgerVerificationDocument)).runLedgerVerification;
    const queued = await status();
    expect(queued.runningVerification).toMatchObject({ id: started.id, status: 'QUEUED' });
    expect(queued.lastVerification).toBeNull();

    app.clock.advance(60_000);
    const before = app.clock.now.getTime();
    // Another instance's runner does the work; this server reads the result from the job table.
    expect(await runner(app.deps, 'other-instance').tick()).toBe(1);
    const done = await status();
    expect(done.runningVerification).toBeNull();
    expect(done.lastVerification).toMatchObject({
      jobId: started.id,
      ok: true,
      checkedEntries: head,
      headSequence: head,
      firstFailureSequence: null,
      errorCode: null,
      startedBy: expect.stringMatching(/\S/),
    });
    // The time the runner finished it (the test clock moves a few ms per call).
    const finishedAt = Date.parse(done.lastVerification!.finishedAt);
    expect(finishedAt - before).toBeGreaterThanOrEqual(0);
    expect(finishedAt - before).toBeLessThan(1_000);
    expect(done.lastVerification!.headHash).toBe(done.headHash);

    // A privacy officer reads it too; a viewer does not.
    const officer = await app.clientAs('PRIVACY_OFFICER');
    expect((await status(officer)).lastVerification?.jobId).toBe(started.id);
    const viewer = await app.clientAs('VIEWER');
    expect(errorOf(await viewer.request(LedgerStatusDocument)).code).toBe('FORBIDDEN');
  });

  it('names the failing entry of a ledger that does not verify, and ignores a cancelled run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'steward-ledger-status-'));
    try {
      const file = join(dir, 'anchor.json');
      writeAnchorFile(file, { sequence: 1, hash: 'ab'.repeat(32) }, app.deps.now());
      const failing = (await owner.ok(RunLedgerVerificationDocument)).runLedgerVerification;
      app.clock.advance(60_000);
      const deps = { ...app.deps, config: { ...app.deps.config, ledgerAnchorFile: file } };
      expect(await runner(deps).tick()).toBe(1);

      const cancelled = (await owner.ok(RunLedgerVerificationDocument)).runLedgerVerification;
      app.clock.advance(60_000);
      await owner.ok(CancelJobDocument, { input: { id: cancelled.id } });

      const s = await status();
      expect(s.runningVerification).toBeNull();
      expect(s.lastVerification).toMatchObject({
        jobId: failing.id,
        ok: false,
        firstFailureSequence: 1,
        errorCode: 'LEDGER_VERIFICATION_FAILED',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a run that ended without a verdict as such', async () => {
    const broken = (await owner.ok(RunLedgerVerificationDocument)).runLedgerVerification;
    app.clock.advance(60_000);
    const crashing = new JobRunner(app.orm, app.deps, {
      kinds: [
        {
          kind: 'LEDGER_VERIFICATION',
          maxAttempts: 1,
          backoffSeconds: 1,
          run: () => Promise.reject(new Error('disk gone')),
        },
      ],
      workerId: 'a',
    });
    // Retried with backoff until the job's attempts run out.
    for (let attempt = 0; attempt < broken.maxAttempts; attempt++) {
      expect(await crashing.tick()).toBe(1);
      app.clock.advance(3_600_000);
    }
    expect((await status()).lastVerification).toMatchObject({
      jobId: broken.id,
      ok: null,
      checkedEntries: null,
      errorCode: 'INTERNAL',
    });
  });
});
