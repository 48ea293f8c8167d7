import { CreateLedgerCheckpointDocument, RecordCollectionDocument, VerifyLedgerDocument } from '@steward/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCollectionInput } from '../test/factories.js';
import { appendDecisions } from '../test/scenarios.js';
import { createTestApp, errorOf, type TestApp, type TestClient } from '../test/test-app.js';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scheduleLedgerCheckpoints, witnessLedgerHead } from './checkpoint-schedule.js';
import { entryHash, GENESIS_HASH } from './ledger-hash.js';
import { CHECKPOINT_EVERY, LedgerService } from './ledger.service.js';
import { runLedgerVerify } from './verify-cli.js';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

/** A fresh app whose ledger holds `collections` × 3 entries (a collection and two consent events each). */
async function ledgerWith(
  collections: number,
  config: Parameters<typeof createTestApp>[0] = {},
): Promise<{ app: TestApp; owner: TestClient }> {
  app = await createTestApp(config);
  const owner = await app.clientAs('OWNER');
  for (let i = 0; i < collections; i++) await owner.ok(RecordCollectionDocument, { input: buildCollectionInput() });
  return { app, owner };
}

async function sql(a: TestApp, statement: string, params: unknown[] = []) {
  return a.em().getConnection().execute(statement, params);
}

/** What someone with direct database access (and no key) could do: the triggers are in their way first. */
async function dropGuards(a: TestApp) {
  await sql(a, 'drop trigger ledger_entry_no_update');
  await sql(a, 'drop trigger ledger_entry_no_delete');
  await sql(a, 'drop trigger ledger_checkpoint_no_update');
  await sql(a, 'drop trigger ledger_checkpoint_no_delete');
}

/** Deletes the entries after `keep` and rewinds the head to it: a truncated end that the chain alone cannot show. */
async function truncateTo(a: TestApp, keep: number) {
  const [row] = await sql(a, 'select hash from ledger_entry where sequence = ?', [keep]);
  await sql(a, 'delete from ledger_entry where sequence > ?', [keep]);
  await sql(a, 'delete from ledger_checkpoint where sequence > ?', [keep]);
  await sql(a, 'update ledger_head set sequence = ?, hash = ? where id = 1', [keep, row!.hash]);
}

async function verify(owner: TestClient) {
  return (await owner.ok(VerifyLedgerDocument)).verifyLedger;
}

describe('the ledger', () => {
  it('records every collection and consent event in an unbroken chain', async () => {
    const { owner } = await ledgerWith(3);
    const result = await verify(owner);
    expect(result).toMatchObject({ ok: true, checkedEntries: 9, headSequence: 9, firstFailure: null });
    const rows = await sql(app!, 'select kind, payload_hash from ledger_entry order by sequence');
    expect(rows.map((r) => r.kind)).toEqual(
      Array.from({ length: 3 }, () => ['COLLECTION', 'CONSENT', 'CONSENT']).flat(),
    );
    // References and hashes only: no personal value is in the ledger.
    expect(JSON.stringify(await sql(app!, 'select * from ledger_entry'))).not.toMatch(/Aiko|fujimoto|Optics/i);
  });

  it('is refused UPDATE and DELETE by the database itself', async () => {
    await ledgerWith(1);
    await expect(sql(app!, "update ledger_entry set actor = 'someone' where sequence = 1")).rejects.toThrow(
      /append-only/,
    );
    await expect(sql(app!, 'delete from ledger_entry where sequence = 1')).rejects.toThrow(/append-only/);
    expect((await sql(app!, 'select count(*) as n from ledger_entry'))[0]!.n).toBe(3);
  });

  it('detects an edited entry', async () => {
    const { owner } = await ledgerWith(3);
    await dropGuards(app!);
    await sql(app!, `update ledger_entry set categories = '["NAME"]' where sequence = 5`);
    expect((await verify(owner)).firstFailure).toEqual({
      sequence: 5,
      reason: 'The entry was changed after it was written',
    });
  });

  it('detects an entry rewritten with its own hash recomputed', async () => {
    const { owner } = await ledgerWith(3);
    await dropGuards(app!);
    const [row] = await sql(app!, 'select * from ledger_entry where sequence = 4');
    const forged = entryHash(String(row!.prev_hash), {
      sequence: 4,
      id: String(row!.id),
      recordedAt: new Date(Number(row!.recorded_at)),
      kind: 'COLLECTION',
      actor: 'admin:forger',
      providerId: row!.provider_id as string,
      purposeKey: null,
      recipientId: null,
      categories: ['NAME'],
      outcome: 'RECORDED',
      basis: JSON.parse(String(row!.basis)),
      policyVersion: 1,
      subjectRef: row!.subject_ref as string,
      payloadHash: String(row!.payload_hash),
    });
    await sql(
      app!,
      `update ledger_entry set actor = 'admin:forger', categories = '["NAME"]', hash = ? where sequence = 4`,
      [forged],
    );
    expect((await verify(owner)).firstFailure).toEqual({
      sequence: 5,
      reason: 'The entry does not follow the one before it',
    });
  });

  it('detects a deleted entry and a truncated end', async () => {
    const { owner } = await ledgerWith(3);
    await dropGuards(app!);
    await sql(app!, 'delete from ledger_entry where sequence = 7');
    expect((await verify(owner)).firstFailure).toEqual({ sequence: 7, reason: 'Entry 7 is missing' });

    await sql(app!, 'delete from ledger_entry where sequence >= 7');
    expect((await verify(owner)).firstFailure).toEqual({ sequence: 7, reason: 'Entries 7 to 9 are missing' });
  });

  it('detects truncation hidden by rewinding the head, through a signed checkpoint', async () => {
    const { owner } = await ledgerWith(3);
    expect((await owner.ok(CreateLedgerCheckpointDocument)).createLedgerCheckpoint).toMatchObject({ sequence: 9 });
    await dropGuards(app!);
    const [six] = await sql(app!, 'select hash from ledger_entry where sequence = 6');
    await sql(app!, 'delete from ledger_entry where sequence > 6');
    await sql(app!, 'update ledger_head set sequence = 6, hash = ? where id = 1', [six!.hash]);
    expect((await verify(owner)).firstFailure).toEqual({
      sequence: 7,
      reason: 'A signed checkpoint covers entry 9, which is missing',
    });
  });

  it('detects a whole chain recomputed after a change, and a forged checkpoint', async () => {
    const { owner } = await ledgerWith(2);
    await owner.ok(CreateLedgerCheckpointDocument);
    await dropGuards(app!);
    // Rewrite entry 2 and re-chain everything after it, head included: only the signature can tell.
    const rows = await sql(app!, 'select * from ledger_entry order by sequence');
    let prev = GENESIS_HASH;
    for (const row of rows) {
      const content = {
        sequence: Number(row.sequence),
        id: String(row.id),
        recordedAt: new Date(Number(row.recorded_at)),
        kind: String(row.kind),
        actor: row.sequence === 2 ? 'admin:forger' : String(row.actor),
        providerId: row.provider_id as string | null,
        purposeKey: row.purpose_key as string | null,
        recipientId: null,
        categories: JSON.parse(String(row.categories)) as string[],
        outcome: String(row.outcome),
        basis: JSON.parse(String(row.basis)) as Record<string, unknown>,
        policyVersion: Number(row.policy_version),
        subjectRef: row.subject_ref as string | null,
        payloadHash: String(row.payload_hash),
      };
      const hash = entryHash(prev, content);
      await sql(app!, 'update ledger_entry set actor = ?, prev_hash = ?, hash = ? where sequence = ?', [
        content.actor,
        prev,
        hash,
        content.sequence,
      ]);
      prev = hash;
    }
    await sql(app!, 'update ledger_head set hash = ? where id = 1', [prev]);
    expect((await verify(owner)).firstFailure).toEqual({
      sequence: 6,
      reason: 'The entry differs from its signed checkpoint',
    });

    await sql(app!, "update ledger_checkpoint set hash = ?, signature = 'AAAA' where sequence = 6", [prev]);
    expect((await verify(owner)).firstFailure).toEqual({
      sequence: 6,
      reason: 'The checkpoint signature does not verify',
    });
  });

  it('refuses UPDATE and DELETE of signed checkpoints', async () => {
    const { owner } = await ledgerWith(1);
    await owner.ok(CreateLedgerCheckpointDocument);
    await expect(sql(app!, "update ledger_checkpoint set signature = 'AAAA'")).rejects.toThrow(/append-only/);
    await expect(sql(app!, 'delete from ledger_checkpoint')).rejects.toThrow(/append-only/);
    expect((await sql(app!, 'select count(*) as n from ledger_checkpoint'))[0]!.n).toBe(1);
  });

  it('signs a checkpoint every 1,000 entries and misses none of them', async () => {
    const { owner } = await ledgerWith(0);
    await appendDecisions(app!, CHECKPOINT_EVERY * 2 + 5);
    const result = await verify(owner);
    expect(result).toMatchObject({
      ok: true,
      headSequence: 2005,
      checkpoints: 2,
      unsignedEntries: 5,
      lastCheckpoint: { sequence: 2000 },
    });

    // Deleting a checkpoint is the first step of re-chaining a ledger without the key.
    await dropGuards(app!);
    await sql(app!, 'delete from ledger_checkpoint where sequence = ?', [CHECKPOINT_EVERY]);
    expect((await verify(owner)).firstFailure).toEqual({
      sequence: 1000,
      reason: 'The signed checkpoint of entry 1000 is missing',
    });
  });

  it('catches a truncated, rewound end through an anchor kept outside Steward', async () => {
    const { owner } = await ledgerWith(3);
    const before = await verify(owner);
    expect(before).toMatchObject({
      ok: true,
      headSequence: 9,
      unsignedEntries: 9,
      anchorChecked: false,
      lastCheckpoint: null,
    });
    const anchor = { sequence: before.headSequence, hash: before.headHash };
    expect((await owner.ok(VerifyLedgerDocument, { anchor })).verifyLedger).toMatchObject({
      ok: true,
      anchorChecked: true,
    });

    // Entries after the newest checkpoint: without the anchor, the shorter chain looks whole.
    await dropGuards(app!);
    await truncateTo(app!, 6);
    expect(await verify(owner)).toMatchObject({ ok: true, headSequence: 6 });
    expect((await owner.ok(VerifyLedgerDocument, { anchor })).verifyLedger).toMatchObject({
      ok: false,
      anchorChecked: false,
      firstFailure: { sequence: 7, reason: 'The anchor recorded outside Steward covers entry 9, which is missing' },
    });
    // An anchor on an entry that is still there but different (rewritten end): caught at that entry.
    const six = { sequence: 6, hash: 'a'.repeat(64) };
    expect((await owner.ok(VerifyLedgerDocument, { anchor: six })).verifyLedger.firstFailure).toEqual({
      sequence: 6,
      reason: 'The entry differs from the anchor recorded outside Steward',
    });
  });

  it('refuses a malformed anchor with the offending field', async () => {
    const { owner } = await ledgerWith(1);
    const cases = [
      [{ sequence: 0, hash: 'a'.repeat(64) }, 'anchor.sequence'],
      [{ sequence: 1, hash: 'not-a-hash' }, 'anchor.hash'],
      [{ sequence: 1, hash: `${'a'.repeat(64)}'; drop table ledger_entry; --` }, 'anchor.hash'],
    ] as const;
    for (const [anchor, field] of cases) {
      const error = errorOf(await owner.request(VerifyLedgerDocument, { anchor }));
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await verify(owner)).toMatchObject({ ok: true, headSequence: 3 });
  });

  it('signs the head on a timer only when entries were appended since the last checkpoint', async () => {
    const { owner } = await ledgerWith(1);
    const ledger = new LedgerService(app!.em(), app!.deps);
    expect(await ledger.checkpointIfBehind()).toMatchObject({ sequence: 3 });
    expect(await ledger.checkpointIfBehind()).toBeNull();

    await owner.ok(RecordCollectionDocument, { input: buildCollectionInput() });
    const stop = scheduleLedgerCheckpoints(app!.orm, app!.deps, 0.05);
    try {
      await expect.poll(async () => (await verify(owner)).lastCheckpoint?.sequence, { timeout: 5000 }).toBe(6);
    } finally {
      stop();
    }
    expect(await verify(owner)).toMatchObject({ ok: true, checkpoints: 2, unsignedEntries: 0 });
  });

  it('moves the anchor to a head signed another way (on demand, every 1,000th entry)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'steward-witness-'));
    const file = join(dir, 'ledger-anchor.json');
    try {
      const { owner } = await ledgerWith(1, { config: { ledgerAnchorFile: file } });
      expect(await owner.ok(CreateLedgerCheckpointDocument)).toMatchObject({ createLedgerCheckpoint: { sequence: 3 } });
      expect(await witnessLedgerHead(app!.orm, app!.deps)).toBe('unchanged');
      expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ sequence: 3 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the signed head in an anchor file outside the database, and never signs a cut-off end', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'steward-witness-'));
    const file = join(dir, 'ledger-anchor.json');
    try {
      const { owner } = await ledgerWith(2, { config: { ledgerAnchorFile: file } });
      expect(await witnessLedgerHead(app!.orm, app!.deps)).toBe('signed');
      expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ sequence: 6 });
      expect(await witnessLedgerHead(app!.orm, app!.deps)).toBe('unchanged');
      await owner.ok(RecordCollectionDocument, { input: buildCollectionInput() });
      expect(await witnessLedgerHead(app!.orm, app!.deps)).toBe('signed');
      expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ sequence: 9 });
      // verifyLedger checks the kept anchor without being given one.
      expect(await verify(owner)).toMatchObject({ ok: true, anchorChecked: true });

      // Entries and the checkpoints after 6 deleted, the head rewound: the chain alone looks whole.
      await dropGuards(app!);
      await truncateTo(app!, 6);
      expect((await verify(owner)).firstFailure).toEqual({
        sequence: 7,
        reason: 'The anchor recorded outside Steward covers entry 9, which is missing',
      });
      const lines: string[] = [];
      expect(await runLedgerVerify(app!.em(), app!.deps, [], (line) => lines.push(line))).toBe(1);
      // The server refuses to sign on top of it, and the kept anchor stays where it was.
      expect(await witnessLedgerHead(app!.orm, app!.deps)).toBe('refused');
      expect(app!.logged.at(-1)).toMatch(/does not extend the anchor/);
      (app!.logged as string[]).length = 0;
      expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ sequence: 9 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sets aside the anchor of a deleted database when it sets a new one up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'steward-witness-'));
    const file = join(dir, 'ledger-anchor.json');
    try {
      writeFileSync(file, JSON.stringify({ sequence: 40, hash: 'e'.repeat(64) }));
      const { owner } = await ledgerWith(1, { config: { ledgerAnchorFile: file } });
      expect(readdirSync(dir)).toEqual([expect.stringMatching(/^ledger-anchor\.json\.before-/)]);
      expect(await verify(owner)).toMatchObject({ ok: true, anchorChecked: false });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is verified from the command line, with an anchor file kept between runs', async () => {
    await ledgerWith(2);
    const dir = mkdtempSync(join(tmpdir(), 'steward-anchor-'));
    const file = join(dir, 'ledger-anchor.json');
    const run = async (...argv: string[]) => {
      const lines: string[] = [];
      const code = await runLedgerVerify(app!.em(), app!.deps, argv, (line) => lines.push(line));
      return { code, out: lines.join('\n') };
    };
    try {
      expect(await run()).toMatchObject({ code: 0, out: expect.stringContaining('ledger OK') });
      // First run with a file: nothing to check yet, the head is written.
      expect((await run('--anchor-file', file)).code).toBe(0);
      const written = JSON.parse(readFileSync(file, 'utf8')) as { sequence: number; hash: string };
      expect(written.sequence).toBe(6);
      expect(await run('--anchor', `${written.sequence}:${written.hash}`)).toMatchObject({
        code: 0,
        out: expect.stringContaining('holds'),
      });

      await dropGuards(app!);
      await truncateTo(app!, 3);
      expect(await run('--anchor-file', file)).toMatchObject({
        code: 1,
        out: expect.stringContaining('FAILED at entry 4'),
      });
      // A failed run leaves the anchor as it was.
      expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ sequence: 6 });

      expect((await run('--anchor', '6:nothex')).code).toBe(2);
      expect((await run('--unknown')).code).toBe(2);
      writeFileSync(file, '{"sequence": "six"}');
      expect(await run('--anchor-file', file)).toMatchObject({
        code: 2,
        out: expect.stringContaining('does not hold an anchor'),
      });
      const json = await run('--json');
      expect(JSON.parse(json.out)).toMatchObject({ ok: true, headSequence: 3 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stays valid when personal data is erased (entries hold no values)', async () => {
    const { owner } = await ledgerWith(2);
    await sql(app!, 'delete from personal_data_item');
    expect(await verify(owner)).toMatchObject({ ok: true, checkedEntries: 6 });
  });

  it('numbers concurrent appends without gaps or duplicates', async () => {
    const { owner } = await ledgerWith(0);
    await Promise.all(
      Array.from({ length: 8 }, () => owner.ok(RecordCollectionDocument, { input: buildCollectionInput() })),
    );
    expect(await verify(owner)).toMatchObject({ ok: true, checkedEntries: 24, headSequence: 24 });
  });

  it('is verified and checkpointed by owners and privacy officers only', async () => {
    await ledgerWith(1);
    const viewer = await app!.clientAs('VIEWER');
    expect(errorOf(await viewer.request(VerifyLedgerDocument)).code).toBe('FORBIDDEN');
    expect(errorOf(await viewer.request(CreateLedgerCheckpointDocument)).code).toBe('FORBIDDEN');
    expect(errorOf(await app!.client().request(VerifyLedgerDocument)).code).toBe('UNAUTHENTICATED');
  });
});

describe('a restore of an older backup', () => {
  const backup = { manifestHash: 'c'.repeat(64), createdAt: '2026-04-01T08:00:00.000Z' };
  const lostAnchor = { sequence: 9, hash: 'b'.repeat(64) };

  it('records the lost range in one signed entry that verification accepts, and numbers on after the anchor', async () => {
    const { app: a, owner } = await ledgerWith(2);
    const gap = await new LedgerService(a.em(), a.deps).recordRestoreGap(lostAnchor, backup);
    expect(gap).toMatchObject({ sequence: 10, from: 7, to: 9 });
    const [row] = await sql(a, 'select kind, actor, prev_hash, payload_hash from ledger_entry where sequence = 10');
    const [six] = await sql(a, 'select hash from ledger_entry where sequence = 6');
    expect(row).toMatchObject({
      kind: 'RESTORE',
      actor: 'system',
      prev_hash: six!.hash,
      payload_hash: backup.manifestHash,
    });
    await owner.ok(RecordCollectionDocument, { input: buildCollectionInput() });
    const result = await verify(owner);
    expect(result).toMatchObject({ ok: true, headSequence: 13, checkedEntries: 10, firstFailure: null });
    expect(result.gaps).toEqual([
      { sequence: 10, from: 7, to: 9, manifestHash: backup.manifestHash, backupCreatedAt: backup.createdAt },
    ]);
    // The anchor the restore found holds; another one inside the lost range cannot be checked.
    const ledger = new LedgerService(a.em(), a.deps);
    expect(await ledger.verify(lostAnchor)).toMatchObject({ ok: true, anchorChecked: true });
    expect(await ledger.verify({ sequence: 8, hash: 'd'.repeat(64) })).toMatchObject({
      ok: true,
      anchorChecked: false,
    });
    // Nothing to record when the anchor is not ahead.
    expect(await ledger.recordRestoreGap({ sequence: 13, hash: result.headHash }, backup)).toBeNull();

    await dropGuards(a);
    await sql(a, 'delete from ledger_entry where sequence = 12');
    expect((await verify(owner)).firstFailure).toEqual({ sequence: 12, reason: 'Entry 12 is missing' });
  });

  /** A ledger of 6 entries restored with entries 7 to 9 lost (RESTORE entry 10), its guards dropped. */
  async function restoredWithoutGuards() {
    const { app: a, owner } = await ledgerWith(2);
    await new LedgerService(a.em(), a.deps).recordRestoreGap(lostAnchor, backup);
    await dropGuards(a);
    return { a, owner };
  }

  it('accepts no gap that a signed RESTORE entry does not record exactly', async () => {
    const { a, owner } = await restoredWithoutGuards();
    // Without its signature (someone without the key wrote it), the RESTORE entry hides nothing.
    await sql(a, 'delete from ledger_checkpoint where sequence = 10');
    expect((await verify(owner)).firstFailure).toEqual({ sequence: 7, reason: 'Entry 7 is missing' });
  });

  it('leaves an unrecorded gap before a RESTORE entry failing', async () => {
    const { a, owner } = await restoredWithoutGuards();
    await sql(a, 'delete from ledger_entry where sequence = 6');
    expect((await verify(owner)).firstFailure).toEqual({ sequence: 6, reason: 'Entry 6 is missing' });
  });
});
