import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainProblem, summarize } from './messages.js';
import { type ProofPackage, verifyPackage } from './package.js';

// scripts/make-fixture-package.mjs: 30 entries, 4 about one provider, heads of 21 and 30 signed by OpenSSL.
const FIXTURE = readFileSync(new URL('../fixtures/package.json', import.meta.url), 'utf8');
const fixture = () => JSON.parse(FIXTURE) as ProofPackage;

describe('verifyPackage', () => {
  it('proves every entry and the consistency with the earlier head', () => {
    const result = verifyPackage(fixture());
    expect(result).toMatchObject({
      ok: true,
      keyPinned: false,
      head: { treeSize: 30, timestamp: '2026-12-06T10:00:00.000Z', providerMapRoot: null },
      earlierHead: { treeSize: 21 },
      consistent: true,
      problems: [],
    });
    expect(result.entries.map((e) => [e.leafIndex, e.sequence, e.proven])).toEqual([
      [3, 4, true],
      [7, 8, true],
      [19, 25, true],
      [29, 35, true],
    ]);
    expect(summarize(result, 'en')[0]).toBe(
      '4 entries proven included in the ledger of size 30 signed 2026-12-06T10:00Z; consistent with your earlier head of size 21.',
    );
    expect(summarize(result, 'ja')[0]).toBe(
      '4 件の記録が、2026-12-06T10:00Z に署名された台帳（大きさ 30）に含まれることを証明しました。お手元の以前のヘッド（大きさ 21）とも整合しています。',
    );
  });

  it('names an entry whose content was edited', () => {
    const pkg = fixture();
    pkg.entries[2]!.content.outcome = 'DENIED';
    const result = verifyPackage(pkg);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({
        part: 'entry',
        reason: 'HASH_MISMATCH',
        entry: expect.objectContaining({ position: 3, sequence: 25 }),
      }),
    ]);
    expect(explainProblem(result.problems[0]!, 'en')).toMatch(
      /^Entry 3 \(sequence 25, id 0193a1b2-0000-7000-8000-000000000025\): its content gives hash [0-9a-f]{16}…, not the stated [0-9a-f]{16}…: the content was changed\.$/,
    );
    expect(explainProblem(result.problems[0]!, 'ja')).toMatch(
      /^記録 3（連番 25、ID .+）：内容から求めたハッシュ .+内容が変更されています。$/,
    );
  });

  it('refuses an entry moved to another leaf, or whose hash and content were both replaced', () => {
    const pkg = fixture();
    pkg.entries[0]!.leafIndex = 4;
    pkg.entries[1]!.prevHash = pkg.entries[0]!.hash;
    const result = verifyPackage(pkg);
    expect(result.problems.map((p) => [p.entry?.position, p.reason])).toEqual([
      [1, 'ROOT_MISMATCH'],
      [2, 'HASH_MISMATCH'],
    ]);
  });

  it('refuses a rewritten earlier head, and a package with no consistency proof', () => {
    const forged = fixture();
    forged.earlierHead!.rootHash = forged.head.rootHash;
    expect(verifyPackage(forged).problems).toEqual([{ part: 'earlierHead', reason: 'BAD_SIGNATURE' }]);

    const missing = fixture();
    delete missing.consistencyProof;
    const result = verifyPackage(missing);
    expect(result).toMatchObject({ ok: false, consistent: false });
    expect(result.problems).toEqual([{ part: 'consistency', reason: 'CONSISTENCY_PROOF_MISSING' }]);
  });

  it('checks against a key the reader supplies', () => {
    const pkg = fixture();
    expect(verifyPackage(pkg, { publicKey: pkg.publicKey })).toMatchObject({ ok: true, keyPinned: true });
    const other = Buffer.alloc(32, 7).toString('base64');
    const result = verifyPackage(pkg, { publicKey: other });
    expect(result.problems[0]).toEqual({ part: 'package', reason: 'KEY_NOT_TRUSTED' });
    expect(result.entries.every((e) => !e.proven)).toBe(true);
  });

  it('names malformed parts instead of throwing', () => {
    expect(verifyPackage('nope').problems).toEqual([
      { part: 'package', reason: 'MALFORMED_PACKAGE', field: 'package' },
    ]);
    expect(verifyPackage({ ...fixture(), entries: {} }).problems).toEqual([
      { part: 'package', reason: 'MALFORMED_PACKAGE', field: 'entries' },
    ]);
    const pkg = fixture() as unknown as { entries: Record<string, unknown>[] };
    pkg.entries[0] = { ...pkg.entries[0], inclusionProof: ['xyz'], leafIndex: -1 };
    expect(verifyPackage(pkg).problems).toEqual([
      expect.objectContaining({ reason: 'MALFORMED_ENTRY', fields: ['leafIndex', 'inclusionProof'] }),
    ]);
  });
});
