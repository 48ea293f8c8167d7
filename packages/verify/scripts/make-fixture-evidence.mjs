// Writes the evidence fixtures the CLI test reads, with the reference builder and a fixed seed key
// (reproducible: same bytes on every run):
// - fixtures/disclosure.json: a disclosure package (steward.disclosure/6) carrying a steward-evidence/1
//   package for one provider — 5 of a ledger's 60 entries — with a consistent earlier head;
// - fixtures/evidence-restore.json: evidence whose earlier head lies across a recorded restore.
// Run: node packages/verify/scripts/make-fixture-evidence.mjs
import { writeFileSync } from 'node:fs';
import { format } from 'prettier';
import { keyFromLabel, ReferenceLedger } from './reference-evidence.mjs';

const key = keyFromLabel('steward-verify evidence fixture key (not a real key)');
const PROVIDER = '0193a1b2-0000-7000-8000-0000000000b1';
const others = [
  '0193a1b2-0000-7000-8000-0000000000a0',
  '0193a1b2-0000-7000-8000-0000000000c4',
  '0193a1b2-0000-7000-8000-0000000000f9',
];
const owner = (i) => (i % 11 === 4 ? PROVIDER : i % 4 === 0 ? null : others[i % 3]);

const ledger = new ReferenceLedger();
for (let i = 0; i < 60; i++) ledger.append({ providerId: owner(i) });
const earlier = { head: ledger.head(key, { size: 41, timestamp: '2026-11-01T09:30:00.000Z' }), ledger };
const evidence = ledger.evidence(key, PROVIDER, { earlier, timestamp: '2026-12-06T10:00:00.000Z' });
const disclosure = { formatVersion: 'steward.disclosure/6', language: 'en', evidence };

// The lost ledger reached 50 entries, the provider kept a head of 45, a backup of 36 was restored.
const lost = new ReferenceLedger();
for (let i = 0; i < 50; i++) lost.append({ providerId: owner(i) });
const kept = lost.head(key, { size: 45, timestamp: '2026-11-20T00:00:00.000Z' });
const restoredLedger = lost.backup(36);
const anchor = lost.entries[49];
const restore = restoredLedger.recordRestore(
  key,
  { sequence: anchor.content.sequence, hash: anchor.hash },
  {
    recordedAt: '2026-12-01T03:00:00.000Z',
    backupCreatedAt: '2026-11-15T00:00:00.000Z',
  },
);
for (let i = 50; i < 60; i++) restoredLedger.append({ providerId: owner(i) });
const acrossRestore = restoredLedger.evidence(key, PROVIDER, { earlier: { head: kept }, restores: [restore] });

for (const [name, value] of [
  ['disclosure.json', disclosure],
  ['evidence-restore.json', acrossRestore],
]) {
  const out = new URL(`../fixtures/${name}`, import.meta.url);
  // As the repository's formatter leaves it, so a rerun changes no byte.
  writeFileSync(out, await format(JSON.stringify(value), { parser: 'json' }));
  console.log(`wrote ${out.pathname}`);
}
