import { CreateLedgerCheckpointDocument, RecordCollectionDocument, VerifyLedgerDocument } from '@steward/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCollectionInput } from '../test/factories.js';
import { createTestApp, errorOf, type TestApp, type TestClient } from '../test/test-app.js';
import { entryHash, GENESIS_HASH } from './ledger-hash.js';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

/** A fresh app whose ledger holds `collections` × 3 entries (a collection and two consent events each). */
async function ledgerWith(collections: number): Promise<{ app: TestApp; owner: TestClient }> {
  app = await createTestApp();
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
    expect(rows.map((r) => r.kind)).toEqual(Array.from({ length: 3 }, () => ['COLLECTION', 'CONSENT', 'CONSENT']).flat());
    // References and hashes only: no personal value is in the ledger.
    expect(JSON.stringify(await sql(app!, 'select * from ledger_entry'))).not.toMatch(/Aiko|fujimoto|Optics/i);
  });

  it('is refused UPDATE and DELETE by the database itself', async () => {
    await ledgerWith(1);
    await expect(sql(app!, "update ledger_entry set actor = 'someone' where sequence = 1")).rejects.toThrow(/append-only/);
    await expect(sql(app!, 'delete from ledger_entry where sequence = 1')).rejects.toThrow(/append-only/);
    expect((await sql(app!, 'select count(*) as n from ledger_entry'))[0]!.n).toBe(3);
  });

  it('detects an edited entry', async () => {
    const { owner } = await ledgerWith(3);
    await dropGuards(app!);
    await sql(app!, `update ledger_entry set categories = '["NAME"]' where sequence = 5`);
    expect((await verify(owner)).firstFailure).toEqual({ sequence: 5, reason: 'The entry was changed after it was written' });
  });

  it('detects an entry rewritten with its own hash recomputed', async () => {
    const { owner } = await ledgerWith(3);
    await dropGuards(app!);
    const [row] = await sql(app!, 'select * from ledger_entry where sequence = 4');
    const forged = entryHash(String(row!.prev_hash), {
      sequence: 4, id: String(row!.id), recordedAt: new Date(Number(row!.recorded_at)), kind: 'COLLECTION', actor: 'admin:forger',
      providerId: row!.provider_id as string, purposeKey: null, recipientId: null, categories: ['NAME'], outcome: 'RECORDED',
      basis: JSON.parse(String(row!.basis)), policyVersion: 1, subjectRef: row!.subject_ref as string, payloadHash: String(row!.payload_hash),
    });
    await sql(app!, `update ledger_entry set actor = 'admin:forger', categories = '["NAME"]', hash = ? where sequence = 4`, [forged]);
    expect((await verify(owner)).firstFailure).toEqual({ sequence: 5, reason: 'The entry does not follow the one before it' });
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
    expect((await verify(owner)).firstFailure).toEqual({ sequence: 7, reason: 'A signed checkpoint covers entry 9, which is missing' });
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
        sequence: Number(row.sequence), id: String(row.id), recordedAt: new Date(Number(row.recorded_at)), kind: String(row.kind),
        actor: row.sequence === 2 ? 'admin:forger' : String(row.actor), providerId: row.provider_id as string | null,
        purposeKey: row.purpose_key as string | null, recipientId: null, categories: JSON.parse(String(row.categories)) as string[],
        outcome: String(row.outcome), basis: JSON.parse(String(row.basis)) as Record<string, unknown>, policyVersion: Number(row.policy_version),
        subjectRef: row.subject_ref as string | null, payloadHash: String(row.payload_hash),
      };
      const hash = entryHash(prev, content);
      await sql(app!, 'update ledger_entry set actor = ?, prev_hash = ?, hash = ? where sequence = ?', [content.actor, prev, hash, content.sequence]);
      prev = hash;
    }
    await sql(app!, 'update ledger_head set hash = ? where id = 1', [prev]);
    expect((await verify(owner)).firstFailure).toEqual({ sequence: 6, reason: 'The entry differs from its signed checkpoint' });

    await sql(app!, "update ledger_checkpoint set hash = ?, signature = 'AAAA' where sequence = 6", [prev]);
    expect((await verify(owner)).firstFailure).toEqual({ sequence: 6, reason: 'The checkpoint signature does not verify' });
  });

  it('stays valid when personal data is erased (entries hold no values)', async () => {
    const { owner } = await ledgerWith(2);
    await sql(app!, 'delete from personal_data_item');
    expect(await verify(owner)).toMatchObject({ ok: true, checkedEntries: 6 });
  });

  it('numbers concurrent appends without gaps or duplicates', async () => {
    const { owner } = await ledgerWith(0);
    await Promise.all(Array.from({ length: 8 }, () => owner.ok(RecordCollectionDocument, { input: buildCollectionInput() })));
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
