// Writes fixtures/entry-hash-vectors.json: (prevHash, content) → hash computed by the API's own
// `entryHash` (apps/api/src/ledger/ledger-hash.ts), so the verifier's reimplementation is checked
// against the server's code, not against itself. Run once after `npm run build -w @steward/api`:
//   node packages/verify/scripts/entry-hash-vectors.mjs
// The fixture is committed; rerun only if the server's hash definition changes (it must not).
import { writeFileSync } from 'node:fs';

const { entryHash, GENESIS_HASH } = await import(
  new URL('../../../apps/api/dist/ledger/ledger-hash.js', import.meta.url).href
);

const base = {
  actor: 'system',
  providerId: null,
  purposeKey: null,
  recipientId: null,
  categories: [],
  outcome: 'RECORDED',
  basis: null,
  policyVersion: 1,
  subjectRef: null,
};
const contents = [
  {
    ...base,
    sequence: 1,
    id: '0193a1b2-0000-7000-8000-000000000001',
    recordedAt: '2026-04-01T09:00:00.000Z',
    kind: 'POLICY',
    subjectRef: 'policy:1',
    payloadHash: 'a'.repeat(64),
  },
  {
    ...base,
    sequence: 2,
    id: '0193a1b2-0000-7000-8000-000000000002',
    recordedAt: '2026-04-01T09:05:12.345Z',
    kind: 'COLLECTION',
    actor: 'admin:0193a1b2-0000-7000-8000-0000000000aa',
    providerId: '0193a1b2-0000-7000-8000-0000000000b1',
    categories: ['NAME', 'EMAIL', 'POSTAL_ADDRESS'],
    policyVersion: 3,
    subjectRef: 'collection:0193a1b2-0000-7000-8000-0000000000c1',
    payloadHash: '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
  },
  {
    ...base,
    sequence: 3,
    id: '0193a1b2-0000-7000-8000-000000000003',
    recordedAt: '2026-05-10T23:59:59.999Z',
    kind: 'DECISION',
    actor: 'system:0193a1b2-0000-7000-8000-0000000000d1',
    providerId: '0193a1b2-0000-7000-8000-0000000000b1',
    purposeKey: 'journal-delivery',
    recipientId: '0193a1b2-0000-7000-8000-0000000000e1',
    categories: ['NAME', 'POSTAL_ADDRESS'],
    outcome: 'ALLOWED',
    // Keys out of order at every level, integer-like keys, Japanese text, escapes, numbers.
    basis: {
      zeta: [3, 1, 2],
      kind: 'EXCEPTION',
      exception: {
        title: '学会誌の発送（会員規程 第5条）',
        statute: '個人情報保護法 第27条第5項第1号',
        10: 'ten',
        2: 'two',
      },
      quotes: 'say "hi" \\ tab\t newline\n sep\u2028 ctl\u0001 lone\ud800 emoji😀',
      numbers: { small: 0.1, big: 1e21, negativeZero: -0, int: 9007199254740991 },
      nothing: null,
      truth: false,
    },
    policyVersion: 3,
    subjectRef: 'decision:0193a1b2-0000-7000-8000-0000000000f1',
    payloadHash: 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
  },
  {
    ...base,
    sequence: 4,
    id: '0193a1b2-0000-7000-8000-000000000004',
    recordedAt: '2026-05-11T00:00:00.000Z',
    kind: 'PROVISION',
    actor: 'partner:0193a1b2-0000-7000-8000-0000000000e2',
    providerId: '0193a1b2-0000-7000-8000-0000000000b1',
    purposeKey: 'membership-directory',
    recipientId: '0193a1b2-0000-7000-8000-0000000000e1',
    categories: ['NAME'],
    outcome: 'DENIED',
    // A parsed document may hold a "__proto__" key as data; it must hash as a key.
    basis: JSON.parse(
      '{"reasons":[{"code":"NO_CONSENT","params":{"purpose":"membership-directory"}}],"__proto__":{"x":1}}',
    ),
    policyVersion: 4,
    payloadHash: 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
  },
  {
    ...base,
    sequence: 9,
    id: '0193a1b2-0000-7000-8000-000000000009',
    recordedAt: '2026-06-01T12:00:00.000Z',
    kind: 'RESTORE',
    outcome: 'RECORDED',
    basis: {
      restore: {
        lostFrom: 5,
        lostTo: 8,
        anchor: { sequence: 8, hash: 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7' },
        backup: { manifestHash: 'e'.repeat(64), takenAt: '2026-05-31T00:00:00.000Z' },
      },
    },
    policyVersion: 4,
    payloadHash: '0'.repeat(64),
  },
];

let prevHash = GENESIS_HASH;
const vectors = contents.map((content) => {
  const hash = entryHash(prevHash, { ...content, recordedAt: new Date(content.recordedAt) });
  const vector = { prevHash, content, hash };
  prevHash = hash;
  return vector;
});
// One link whose predecessor is not the previous vector: the hash covers whatever prevHash says.
const orphan = { ...contents[0], sequence: 1001, id: '0193a1b2-0000-7000-8000-000000001001' };
const orphanPrev = '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d';
vectors.push({
  prevHash: orphanPrev,
  content: orphan,
  hash: entryHash(orphanPrev, { ...orphan, recordedAt: new Date(orphan.recordedAt) }),
});

const out = new URL('../fixtures/entry-hash-vectors.json', import.meta.url);
writeFileSync(out, JSON.stringify({ source: 'apps/api/src/ledger/ledger-hash.ts entryHash', vectors }, null, 2) + '\n');
console.log(`wrote ${vectors.length} vectors to ${out.pathname}`);
