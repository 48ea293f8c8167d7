// Writes fixtures/package.json, the proof package the CLI test reads: a ledger of 30 chained
// entries (a restore's hole between sequences 10 and 16, so leaf index ≠ sequence), four of them
// about one provider, signed heads of sizes 21 and 30. Signed with node:crypto as the server signs
// (apps/api/src/crypto/keys.ts), so the verifier's noble Ed25519 is checked against OpenSSL's.
// Run after `npm run build -w @steward/verify`:  node packages/verify/scripts/make-fixture-package.mjs
import { createHash, createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import {
  bytesToHex,
  consistencyProof,
  entryHash,
  GENESIS_HASH,
  hashFromHex,
  inclusionProof,
  rootFromLeaves,
  treeHeadStatement,
} from '../dist/index.js';

const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const seed = createHash('sha256').update('steward-verify fixture key (not a real key)').digest();
const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
const publicKey = Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).x, 'base64url').toString('base64');

const PROVIDER = '0193a1b2-0000-7000-8000-0000000000b1';
const OTHER = '0193a1b2-0000-7000-8000-0000000000b2';
const ours = new Set([3, 7, 19, 29]);
const kinds = ['COLLECTION', 'CONSENT', 'DECISION', 'PROVISION'];

let prevHash = GENESIS_HASH;
const chain = Array.from({ length: 30 }, (_, leafIndex) => {
  const sequence = leafIndex < 10 ? leafIndex + 1 : leafIndex + 6;
  const mine = ours.has(leafIndex);
  const kind = kinds[leafIndex % kinds.length];
  const content = {
    sequence,
    id: `0193a1b2-0000-7000-8000-${String(sequence).padStart(12, '0')}`,
    recordedAt: new Date(Date.UTC(2026, 10, 1, 9, 0, sequence)).toISOString(),
    kind,
    actor: kind === 'PROVISION' ? 'partner:0193a1b2-0000-7000-8000-0000000000e2' : 'system',
    providerId: mine ? PROVIDER : OTHER,
    purposeKey: kind === 'COLLECTION' || kind === 'CONSENT' ? null : 'journal-delivery',
    recipientId: kind === 'PROVISION' ? '0193a1b2-0000-7000-8000-0000000000e1' : null,
    categories: ['NAME', 'POSTAL_ADDRESS'],
    outcome: kind === 'DECISION' || kind === 'PROVISION' ? 'ALLOWED' : 'RECORDED',
    basis: kind === 'DECISION' ? { kind: 'CONSENT', consentEventIds: [`ce-${sequence}`] } : null,
    policyVersion: 3,
    subjectRef: `${kind.toLowerCase()}:${sequence}`,
    payloadHash: createHash('sha256').update(`payload ${sequence}`).digest('hex'),
  };
  const hash = entryHash(prevHash, content);
  const entry = { leafIndex, prevHash, content, hash };
  prevHash = hash;
  return entry;
});
const leaves = chain.map((e) => hashFromHex(e.hash));

function head(size, timestamp) {
  const unsigned = {
    treeSize: size,
    rootHash: bytesToHex(rootFromLeaves(leaves.slice(0, size))),
    timestamp,
    providerMapRoot: '-',
  };
  const signature = sign(null, Buffer.from(treeHeadStatement(unsigned), 'utf8'), privateKey).toString('base64');
  return { ...unsigned, signature };
}

const pkg = {
  head: head(30, '2026-12-06T10:00:00.000Z'),
  publicKey,
  entries: chain
    .filter((e) => ours.has(e.leafIndex))
    .map((e) => ({ ...e, inclusionProof: inclusionProof(leaves, e.leafIndex).map(bytesToHex) })),
  earlierHead: head(21, '2026-11-01T09:30:00.000Z'),
  consistencyProof: consistencyProof(leaves, 21).map(bytesToHex),
};
const out = new URL('../fixtures/package.json', import.meta.url);
writeFileSync(out, JSON.stringify(pkg, null, 2) + '\n');
console.log(`wrote ${out.pathname}`);
