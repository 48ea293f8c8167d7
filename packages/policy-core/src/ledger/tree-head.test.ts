import { describe, expect, it } from 'vitest';
import { parseTreeHead, treeHeadFromStatement, TREE_HEAD_MAX_LENGTH } from './tree-head.js';

const root = 'ab'.repeat(32);
const sig = `${'A'.repeat(85)}Q==`;
const v1 = {
  version: 1,
  treeSize: 1000,
  rootHash: root,
  timestamp: '2026-12-06T10:00:00.000Z',
  providerMapRoot: '-',
  signature: sig,
};
const v2 = { ...v1, version: 2, providerMapSize: 3, providerMapRoot: 'cd'.repeat(32) };
const codes = (text: string) => {
  const p = parseTreeHead(text);
  return p.ok ? [] : p.issues.map((i) => `${i.field}:${i.code}`);
};

describe('parseTreeHead', () => {
  it('reads v1 and v2 heads, in the wire order, with version absent meaning 1', () => {
    const { version: _, ...noVersion } = v1;
    expect(parseTreeHead(JSON.stringify(noVersion))).toEqual({ ok: true, head: v1 });
    const { signature, ...unsigned } = v2;
    const p = parseTreeHead(`  ${JSON.stringify({ signature, ...unsigned }, null, 2)}\n`);
    expect(p.ok && Object.keys(p.head)).toEqual([
      'version',
      'treeSize',
      'rootHash',
      'timestamp',
      'providerMapSize',
      'providerMapRoot',
      'signature',
    ]);
  });
  it('accepts the public tree-head.json answer ({ head, publicKey })', () => {
    expect(parseTreeHead(JSON.stringify({ head: v2, publicKey: 'x' }))).toEqual({ ok: true, head: v2 });
  });
  it.each([
    ['not JSON', '{treeSize: 1'],
    ['an array', '[]'],
    ['version 3', JSON.stringify({ ...v1, version: 3 })],
    ['size 0', JSON.stringify({ ...v1, treeSize: 0 })],
    ['size 1.5', JSON.stringify({ ...v1, treeSize: 1.5 })],
    ['size as text', JSON.stringify({ ...v1, treeSize: '1000' })],
    ['upper-case root', JSON.stringify({ ...v1, rootHash: root.toUpperCase() })],
    ['short root', JSON.stringify({ ...v1, rootHash: 'ab' })],
    ['time without ms', JSON.stringify({ ...v1, timestamp: '2026-12-06T10:00:00Z' })],
    ['no such day', JSON.stringify({ ...v1, timestamp: '2026-02-30T10:00:00.000Z' })],
    ['signature not base64', JSON.stringify({ ...v1, signature: `${'*'.repeat(86)}==` })],
    ['signature too short', JSON.stringify({ ...v1, signature: 'AAAA' })],
    ['v1 with a map root', JSON.stringify({ ...v1, providerMapRoot: root })],
    ['v2 without a map size', JSON.stringify({ ...v2, providerMapSize: undefined })],
    ['v2 with map root "-"', JSON.stringify({ ...v2, providerMapRoot: '-' })],
  ])('refuses %s as INVALID_FORMAT on the field', (_, text) => {
    expect(codes(text)).toEqual(['earlierHead:INVALID_FORMAT']);
  });
  it('refuses an oversized text before parsing it', () => {
    expect(codes(' '.repeat(TREE_HEAD_MAX_LENGTH + 1))).toEqual(['earlierHead:TOO_LONG']);
    expect(codes(' '.repeat(TREE_HEAD_MAX_LENGTH - 300) + JSON.stringify(v1))).toEqual([]);
  });
});

describe('treeHeadFromStatement', () => {
  it('rebuilds v1 and v2 heads from what was signed', () => {
    expect(treeHeadFromStatement(`steward-tree-head/1\n1000\n${root}\n${v1.timestamp}\n-`, sig)).toEqual(v1);
    expect(
      treeHeadFromStatement(`steward-tree-head/2\n1000\n${root}\n${v1.timestamp}\n3\n${v2.providerMapRoot}`, sig),
    ).toEqual(v2);
  });
  it('is null for anything else', () => {
    expect(treeHeadFromStatement('steward-ledger-checkpoint/1\n5\nabc', sig)).toBeNull();
    expect(treeHeadFromStatement(`steward-tree-head/1\n1000\n${root}\n${v1.timestamp}`, sig)).toBeNull();
    expect(treeHeadFromStatement(`steward-tree-head/1\nten\n${root}\n${v1.timestamp}\n-`, sig)).toBeNull();
  });
});
