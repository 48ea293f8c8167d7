// Builds the ledger's Merkle tree for BENCH_TREE_LEAVES (default 1,000,000) synthetic leaves in a
// SQLite file with the API's own storage code (LedgerTreeService.appendLeaves, the statements of
// ledger-tree.queries.ts, in batches as the build job writes them), then times inclusion and
// consistency proofs and roots. Not part of CI: `npm run bench:merkle -w @steward/bench` (after
// `npm run build -w @steward/api`).
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@steward/api/dist/bootstrap.js';
import { inTransaction } from '@steward/api/dist/common/transaction.js';
import { FieldCipher } from '@steward/api/dist/crypto/field-cipher.js';
import { deriveKeyRing } from '@steward/api/dist/crypto/keys.js';
import { setTreeState } from '@steward/api/dist/ledger/ledger-tree.queries.js';
import { LedgerTreeService } from '@steward/api/dist/ledger/ledger-tree.service.js';

const LEAVES = Number(process.env.BENCH_TREE_LEAVES ?? 1_000_000);
// Each entry names one of this many providers (as decisions and provisions do), so the build also
// keeps the provider states the provider map is made of.
const PROVIDERS = Number(process.env.BENCH_TREE_PROVIDERS ?? 10_000);
const providerOf = (i) => `00000000-0000-7000-8000-${(i % PROVIDERS).toString(16).padStart(12, '0')}`;
const BATCH = 10_000;
const PROOFS = 200;
const dir = mkdtempSync(join(tmpdir(), 'steward-merkle-'));
const file = join(dir, 'tree.sqlite');
const deps = {
  now: () => new Date(),
  cipher: new FieldCipher(deriveKeyRing(Buffer.alloc(32, 0x5b).toString('base64'))),
};
const hashOf = (i) => createHash('sha256').update(`entry ${i}`).digest('hex');
const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6;

const orm = await openDatabase({ kind: 'sqlite', url: file });
try {
  let t = process.hrtime.bigint();
  let size = 0;
  while (size < LEAVES) {
    const n = Math.min(BATCH, LEAVES - size);
    const entries = Array.from({ length: n }, (_, i) => ({
      sequence: size + i + 1,
      hash: hashOf(size + i + 1),
      providerId: providerOf(size + i + 1),
    }));
    size = await inTransaction(orm.em.fork(), async (em) => {
      const last = size ? hashOf(size) : '0'.repeat(64);
      const next = await new LedgerTreeService(em, deps).appendLeaves(size, last, entries);
      await setTreeState(em, next, next);
      return next;
    });
    if (size % 100_000 === 0) console.error(`· ${size.toLocaleString('en')} leaves (${(ms(t) / 1000).toFixed(1)} s)`);
  }
  const buildMs = ms(t);
  // The proved entry needs its ledger row (the proof returns its chain hash); the rest are leaves only.
  const conn = orm.em.getConnection();
  const target = Math.floor(LEAVES * 0.37) + 1;
  await conn.execute(
    `insert into ledger_entry (sequence, id, recorded_at, kind, actor, categories, outcome, policy_version, payload_hash, prev_hash, hash) values (?, 'bench', 0, 'DECISION', 'system', '[]', 'DENIED', 1, ?, ?, ?)`,
    [target, 'f'.repeat(64), '0'.repeat(64), hashOf(target)],
  );
  await conn.execute('update ledger_head set sequence = ?, tree_size = ?, tree_sequence = ? where id = 1', [
    LEAVES,
    LEAVES,
    LEAVES,
  ]);
  const tree = new LedgerTreeService(orm.em.fork(), deps);
  const time = async (label, fn) => {
    await fn(); // once to prepare the statements
    const samples = [];
    for (let i = 0; i < PROOFS; i++) {
      const s = process.hrtime.bigint();
      await fn(i);
      samples.push(ms(s));
    }
    samples.sort((a, b) => a - b);
    console.log(
      `| ${label} | ${samples[0].toFixed(3)} | ${samples[PROOFS >> 1].toFixed(3)} | ${samples[Math.floor(PROOFS * 0.99)].toFixed(3)} |`,
    );
  };
  t = process.hrtime.bigint();
  const proof = await tree.inclusionProof(target, null);
  const firstMs = ms(t);
  console.log(
    `\nMerkle tree of ${LEAVES.toLocaleString('en')} leaves (SQLite file, ${(statSync(file).size / 1e6).toFixed(0)} MB)`,
  );
  console.log(
    `built in ${(buildMs / 1000).toFixed(1)} s (${Math.round(LEAVES / (buildMs / 1000)).toLocaleString('en')} leaves/s, batches of ${BATCH.toLocaleString('en')}), ` +
      `with the states of ${PROVIDERS.toLocaleString('en')} providers`,
  );
  console.log(`first inclusion proof (cold statements): ${firstMs.toFixed(2)} ms, ${proof.auditPath.length} hashes\n`);
  console.log('| operation | min ms | p50 ms | p99 ms |');
  console.log('|---|---:|---:|---:|');
  await time('inclusion proof, whole tree', () => tree.inclusionProof(target, null));
  await time('consistency proof (random sizes)', (i = 0) =>
    tree.consistencyProof(1 + ((i * 7919) % (LEAVES - 1)), LEAVES),
  );
  await time('root of a random size', (i = 0) => tree.root(1 + ((i * 104729) % LEAVES)));
} finally {
  await orm.close(true);
  rmSync(dir, { recursive: true, force: true });
}
