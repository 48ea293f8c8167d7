import { CreateLedgerCheckpointDocument, RecordCollectionDocument } from '@steward/schema';
import { dropLedgerGuards } from '../test/ledger-guards.js';
import { afterEach, describe, expect, it } from 'vitest';
import { dialectOf } from '../common/sql/dialect.js';
import { buildCollectionInput } from '../test/factories.js';
import { DATABASES } from '../test/databases.js';
import { appendDecisions } from '../test/scenarios.js';
import { createTestApp, errorOf, type TestApp } from '../test/test-app.js';
import { witnessLedgerHead } from './checkpoint-schedule.js';
import { checkpointStatement, entryHash, type LedgerEntryContent } from './ledger-hash.js';
import { CHECKPOINT_EVERY, LedgerService } from './ledger.service.js';

// Attacks by someone with direct database access but without the key, and verification under
// concurrent appends: lean SQL, triggers and locking, so on both databases.

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

async function sql(a: TestApp, statement: string, params: unknown[] = []) {
  return a.em().getConnection().execute(statement, params);
}

/** The append-only triggers are the attacker's first obstacle. */
const dropGuards = dropLedgerGuards;

describe.each(DATABASES)('the ledger against a forged restore (%s)', (database) => {
  it('hides no signed entry behind a RESTORE entry written without the key', async () => {
    app = await createTestApp({ database });
    const owner = await app.clientAs('OWNER');
    for (let i = 0; i < 3; i++) await owner.ok(RecordCollectionDocument, { input: buildCollectionInput() });
    // Head 9 signed and anchored (kept outside Steward).
    expect((await owner.ok(CreateLedgerCheckpointDocument)).createLedgerCheckpoint).toMatchObject({ sequence: 9 });
    const [nine] = await sql(app, 'select hash from ledger_entry where sequence = 9');
    const anchor = { sequence: 9, hash: String(nine!.hash) };

    // The attacker: entries 7–9 and checkpoint 9 deleted, a RESTORE entry at 10 claiming 7–9 lost.
    await dropGuards(app, database);
    const [six] = await sql(app, 'select hash from ledger_entry where sequence = 6');
    await sql(app, 'delete from ledger_entry where sequence > 6');
    await sql(app, 'delete from ledger_checkpoint where sequence > 6');
    const content: LedgerEntryContent = {
      sequence: 10,
      id: '00000000-0000-4000-8000-000000000010',
      recordedAt: new Date('2026-04-02T00:00:00.000Z'),
      kind: 'RESTORE',
      actor: 'system',
      providerId: null,
      purposeKey: null,
      recipientId: null,
      categories: [],
      outcome: 'RECORDED',
      basis: {
        restore: {
          lostFrom: 7,
          lostTo: 9,
          anchor,
          backup: { manifestHash: 'c'.repeat(64), createdAt: '2026-04-01T08:00:00.000Z' },
        },
      },
      policyVersion: 0,
      subjectRef: null,
      payloadHash: 'c'.repeat(64),
    };
    const hash = entryHash(String(six!.hash), content);
    await sql(
      app,
      'insert into ledger_entry (sequence, id, recorded_at, kind, actor, provider_id, purpose_key, recipient_id, categories, outcome, basis, policy_version, subject_ref, payload_hash, prev_hash, hash) values (?, ?, ?, ?, ?, null, null, null, ?, ?, ?, ?, null, ?, ?, ?)',
      [
        10,
        content.id,
        dialectOf(app.em()).toDbDate(content.recordedAt),
        'RESTORE',
        'system',
        '[]',
        'RECORDED',
        JSON.stringify(content.basis),
        0,
        content.payloadHash,
        six!.hash,
        hash,
      ],
    );
    await sql(app, 'update ledger_head set sequence = 10, hash = ? where id = 1', [hash]);

    // An owner presses "sign checkpoint": refused, the head does not continue from a signed one.
    expect(errorOf(await owner.request(CreateLedgerCheckpointDocument))).toMatchObject({ code: 'CONFLICT' });
    // Nor does the timer sign it (no anchor file set).
    expect(await witnessLedgerHead(app.orm, app.deps)).toBe('refused');
    expect(app.logged.at(-1)).toMatch(/does not continue unbroken/);
    (app.logged as string[]).length = 0;
    const ledger = new LedgerService(app.em(), app.deps);
    await expect(ledger.checkpoint()).rejects.toThrow(/does not continue unbroken/);

    // Even with an ordinary checkpoint signature on the RESTORE entry (as the server used to give any
    // head), the gap is not accepted, and the anchor inside it is not taken on the entry's word.
    await sql(
      app,
      'insert into ledger_checkpoint (sequence, hash, signed_at, key_id, signature) values (?, ?, ?, ?, ?)',
      [
        10,
        hash,
        dialectOf(app.em()).toDbDate(new Date()),
        app.deps.cipher.keyId,
        app.deps.cipher.signCheckpoint(checkpointStatement(10, hash)),
      ],
    );
    expect(await ledger.verify(anchor)).toMatchObject({
      ok: false,
      anchorChecked: false,
      gaps: [],
      firstFailure: { sequence: 7, code: 'ENTRY_MISSING', reason: 'Entry 7 is missing' },
    });
  });

  it('still accepts the gap a real restore recorded and signed, with its anchor', async () => {
    app = await createTestApp({ database });
    await appendDecisions(app, 6);
    const ledger = new LedgerService(app.em(), app.deps);
    const anchor = { sequence: 9, hash: 'b'.repeat(64) };
    const gap = await ledger.recordRestoreGap(anchor, { manifestHash: 'c'.repeat(64), createdAt: '2026-04-01' });
    expect(gap).toMatchObject({ sequence: 10, from: 7, to: 9 });
    await appendDecisions(app, 2);
    expect(await ledger.checkpoint()).toMatchObject({ sequence: 12 });
    expect(await ledger.verify(anchor)).toMatchObject({ ok: true, anchorChecked: true, gaps: [{ sequence: 10 }] });

    // The restore's signature covers what the entry says: another anchor in the basis is not it.
    await dropGuards(app, database);
    const [row] = await sql(app, 'select restore_signature from ledger_checkpoint where sequence = 10');
    expect(row!.restore_signature).toEqual(expect.any(String));
    await sql(app, 'update ledger_checkpoint set restore_signature = null where sequence = 10');
    expect((await ledger.verify(anchor)).firstFailure).toEqual({
      sequence: 7,
      code: 'ENTRY_MISSING',
      reason: 'Entry 7 is missing',
    });
  });

  it('refuses to sign a head whose newest checkpoint was forged or whose chain was rewritten since', async () => {
    app = await createTestApp({ database });
    await appendDecisions(app, 4);
    const ledger = new LedgerService(app.em(), app.deps);
    expect(await ledger.checkpoint()).toMatchObject({ sequence: 4 });
    await appendDecisions(app, 2);
    await dropGuards(app, database);
    await sql(app, "update ledger_entry set actor = 'someone else' where sequence = 5");
    await expect(ledger.checkpoint()).rejects.toThrow(/entry 4/);
  });
});

describe.each(DATABASES)('verification under concurrent appends (%s)', (database) => {
  it('verifies a healthy ledger while entries are appended during the walk', async () => {
    app = await createTestApp({ database });
    const a = app;
    await appendDecisions(a, CHECKPOINT_EVERY - 3);
    // Appended between the walk's last batch and the end of the verification (deterministic), …
    let appended = false;
    const during = await new LedgerService(a.em(), a.deps).verify(null, async () => {
      if (appended) return;
      appended = true;
      await appendDecisions(a, 5);
    });
    expect(during).toMatchObject({ ok: true, checkedEntries: CHECKPOINT_EVERY - 3, firstFailure: null });

    // … and racing the walk, across the 1,000th entry's checkpoint and beyond.
    let stop = false;
    const writer = (async () => {
      let n = 0;
      while (!stop && n < 200) {
        await appendDecisions(a, 3);
        n += 1;
      }
    })();
    try {
      for (let i = 0; i < 5; i++) {
        const result = await new LedgerService(a.em(), a.deps).verify(null);
        expect(result).toMatchObject({ ok: true, firstFailure: null });
      }
    } finally {
      stop = true;
      await writer;
    }
    expect(await new LedgerService(a.em(), a.deps).verify(null)).toMatchObject({ ok: true, checkpoints: 1 });
  });
});
