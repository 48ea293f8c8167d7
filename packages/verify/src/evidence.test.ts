import { ed25519 } from '@noble/curves/ed25519.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// The reference builder is written apart from the verifier (its own JSON, tree, map and signing).
import { keyFromLabel, ReferenceLedger } from '../scripts/reference-evidence.mjs';
import { explainProblem, explainWarning, summarize } from './messages.js';
import { type EvidencePackage, type Problem, verifyPackage } from './package.js';
import { restoreStatement } from './restore.js';
import type { SignedTreeHead } from './signed-head.js';

const key = keyFromLabel('evidence test key (not a real key)');
const P = 'prov-m';

/** 40 entries, 6 about P among 5 other providers and some about no one. */
function ledger(): ReferenceLedger {
  const l = new ReferenceLedger();
  const others = ['prov-a', 'prov-c', 'prov-k', 'prov-q', 'prov-z'];
  for (let i = 0; i < 40; i++)
    l.append({ providerId: i % 7 === 3 ? P : i % 6 === 0 ? null : others[i % others.length] });
  return l;
}
const reasons = (problems: Problem[]) => problems.map((p) => p.reason);
const verify = (pkg: unknown) => verifyPackage(pkg, { publicKey: key.publicKey });
const evidenceOf = (l: ReferenceLedger, id = P, options = {}) => l.evidence(key, id, options) as EvidencePackage;

describe('evidence packages', () => {
  it("proves a provider's entries included and complete, consistent with an earlier head", () => {
    const l = ledger();
    const earlier = { head: l.head(key, { size: 25, timestamp: '2026-11-20T00:00:00.000Z' }), ledger: l };
    const pkg = evidenceOf(l, P, { earlier });
    const result = verify(pkg);
    expect(result).toMatchObject({
      ok: true,
      status: 'verified',
      format: 'evidence',
      providerId: P,
      completeness: { proven: true, absent: false, entryCount: 6 },
      consistent: true,
      problems: [],
      warnings: [],
    });
    expect(summarize(result, 'en')).toEqual([
      '6 entries proven included and complete in the ledger of size 40 signed 2026-12-06T10:00Z; consistent with your earlier head of size 25.',
    ]);
    expect(summarize(result, 'ja')[0]).toBe(
      '6 件の記録が、2026-12-06T10:00Z に署名された台帳（大きさ 40）に含まれ、あなたについての記録がこれですべてであることを証明しました。お手元の以前のヘッド（大きさ 25）とも整合しています。',
    );
  });

  it('reads the evidence inside a disclosure package', () => {
    const pkg = { formatVersion: 'steward.disclosure/6', evidence: evidenceOf(ledger()) };
    expect(verify(pkg)).toMatchObject({ ok: true, disclosure: true, format: 'evidence' });
    expect(verify({ formatVersion: 'steward.disclosure/6', evidence: { format: 'other' } }).problems).toEqual([
      { part: 'package', reason: 'MALFORMED_PACKAGE', field: 'evidence.format' },
    ]);
  });

  it.each([0, 2, 5])('refuses the package without entry %i: INCOMPLETE', (i) => {
    const pkg = evidenceOf(ledger());
    pkg.entries.splice(i, 1);
    const result = verify(pkg);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      { part: 'completeness', reason: 'INCOMPLETE', cause: 'COUNT', found: 5, recorded: 6 },
    ]);
    expect(explainProblem(result.problems[0]!, 'en')).toBe(
      'Completeness: the package shows 5 entries about you, but the signed provider map records 6: 1 missing.',
    );
    expect(explainProblem(result.problems[0]!, 'ja')).toContain('1 件が欠けています');
  });

  it('refuses two entries swapped', () => {
    const pkg = evidenceOf(ledger());
    [pkg.entries[1], pkg.entries[2]] = [pkg.entries[2]!, pkg.entries[1]!];
    expect(verify(pkg).problems).toEqual([{ part: 'completeness', reason: 'INCOMPLETE', cause: 'ORDER', position: 3 }]);
  });

  it("refuses another provider's entry, added or in place of one", () => {
    const l = ledger();
    const foreign = l.withProof(
      l.entries.find((e: { content: { providerId: string } }) => e.content.providerId === 'prov-q'),
      40,
    );
    const added = evidenceOf(l);
    added.entries.push(foreign);
    expect(reasons(verify(added).problems)).toEqual(['NOT_ABOUT_PROVIDER']);
    const replaced = evidenceOf(l);
    replaced.entries[3] = foreign;
    const result = verify(replaced);
    expect(reasons(result.problems)).toEqual(['NOT_ABOUT_PROVIDER', 'INCOMPLETE']);
    expect(explainProblem(result.problems[0]!, 'en')).toMatch(
      /about another provider \(prov-q\), not the one this evidence is for/,
    );
  });

  it('refuses a flipped bit in the map proof: MAP_PROOF_FAILED', () => {
    const pkg = evidenceOf(ledger());
    const proof = pkg.completeness.present!.mapProof;
    proof[1] = (parseInt(proof[1]![0]!, 16) ^ 1).toString(16) + proof[1]!.slice(1);
    expect(verify(pkg).problems).toEqual([
      expect.objectContaining({ part: 'completeness', reason: 'MAP_PROOF_FAILED', leaf: 'present' }),
    ]);
  });

  it('refuses completeness under a v1 head: HEAD_HAS_NO_MAP', () => {
    const pkg = evidenceOf(ledger(), P, { version: 1 });
    const result = verify(pkg);
    expect(result.problems).toEqual([{ part: 'head', reason: 'HEAD_HAS_NO_MAP' }]);
    expect(result.entries.every((e) => e.proven)).toBe(true);
    expect(summarize(result, 'en')[1]).toMatch(/version 1 head, which commits to no provider map/);
  });

  it('proves a provider absent between adjacent neighbours, and at either end', () => {
    const l = ledger();
    for (const id of ['prov-b', 'prov-0', 'zzz']) {
      const result = verify(evidenceOf(l, id));
      expect(result).toMatchObject({ ok: true, completeness: { proven: true, absent: true, entryCount: 0 } });
      expect(summarize(result, 'en')[0]).toBe(
        'No entries about you: proven absent from the ledger of size 40 signed 2026-12-06T10:00Z.',
      );
    }
    const empty = new ReferenceLedger();
    empty.append({ providerId: null });
    expect(verify(evidenceOf(empty, 'anyone')).ok).toBe(true);
  });

  it('refuses absence shown by neighbours that are not adjacent, or do not bracket the id', () => {
    const l = ledger();
    const map = l.providerMap();
    const gap = evidenceOf(l, 'prov-b');
    gap.completeness.absent!.right = map.leaf(map.indexOf('prov-k'));
    expect(verify(gap).problems).toEqual([
      { part: 'completeness', reason: 'ABSENCE_NOT_PROVEN', cause: 'NOT_ADJACENT' },
    ]);
    // Hiding P: its neighbours are both included, but P's leaf lies between them.
    const hidden = evidenceOf(l, 'prov-m');
    hidden.entries = [];
    hidden.completeness = {
      present: null,
      absent: { left: map.leaf(map.indexOf('prov-k')), right: map.leaf(map.indexOf('prov-q')) },
    };
    expect(reasons(verify(hidden).problems)).toEqual(['ABSENCE_NOT_PROVEN']);
    const edge = evidenceOf(l, 'zzz');
    edge.completeness.absent!.left = map.leaf(map.size - 2);
    expect(verify(edge).problems).toEqual([
      { part: 'completeness', reason: 'ABSENCE_NOT_PROVEN', cause: 'NOT_AT_EDGE' },
    ]);
    const wrongSide = evidenceOf(l, 'prov-b');
    wrongSide.providerId = 'prov-d';
    expect(verify(wrongSide).problems).toEqual([
      { part: 'completeness', reason: 'ABSENCE_NOT_PROVEN', cause: 'NOT_BRACKETING' },
    ]);
  });

  describe('an earlier head across a restore', () => {
    // The lost ledger reached 30 entries and the provider kept a head of 28; a backup of 22 was restored.
    function restored() {
      const lost = ledger().backup(30);
      const kept = lost.head(key, { size: 28, timestamp: '2026-11-20T00:00:00.000Z' });
      const l = lost.backup(22);
      const last = lost.entries[29]!;
      const restore = l.recordRestore(
        key,
        { sequence: last.content.sequence, hash: last.hash },
        {
          recordedAt: '2026-12-01T03:00:00.000Z',
        },
      );
      for (let i = 0; i < 5; i++) l.append({ providerId: i % 2 ? P : 'prov-a' });
      return evidenceOf(l, P, { earlier: { head: kept }, restores: [restore] });
    }

    it('warns with the recorded range and date: EARLIER_HEAD_ACROSS_RESTORE, not ok', () => {
      const result = verify(restored());
      expect(result).toMatchObject({ ok: false, status: 'restored', problems: [], consistent: false });
      expect(result.warnings).toEqual([
        {
          reason: 'EARLIER_HEAD_ACROSS_RESTORE',
          earlierTreeSize: 28,
          earlierTimestamp: '2026-11-20T00:00:00.000Z',
          restores: [
            {
              sequence: 31,
              lostFrom: 23,
              lostTo: 30,
              recordedAt: '2026-12-01T03:00:00.000Z',
              backupCreatedAt: '2026-11-15T00:00:00.000Z',
            },
          ],
        },
      ]);
      expect(explainWarning(result.warnings[0]!, 'en')).toContain(
        'a restore recorded 2026-12-01T03:00Z (RESTORE entry, sequence 31) lost entries 23–30',
      );
      const en = summarize(result, 'en');
      expect(en[0]).toMatch(/^NOT VERIFIED: a restore from an older backup/);
      expect(en[2]).toBe(
        'What did verify: 5 entries proven included and complete in the ledger of size 28 signed 2026-12-06T10:00Z.',
      );
      expect(summarize(result, 'ja')[1]).toContain('連番 23〜30 の記録が失われました');
    });

    it('fails hard on a forged restore signature, or a range the entry does not record', () => {
      const forged = restored();
      const r = forged.restores[0]!;
      const statement = restoreStatement({ ...r, sequence: r.entry.content.sequence, hash: r.entry.hash });
      // The right statement, signed with a key that is not the ledger's.
      r.restoreSignature = Buffer.from(ed25519.sign(utf8ToBytes(statement), keyFromLabel('forger').secretKey)).toString(
        'base64',
      );
      const result = verify(forged);
      expect(result.status).toBe('failed');
      expect(result.warnings).toEqual([]);
      expect(result.problems).toEqual([
        expect.objectContaining({ part: 'restore', reason: 'RESTORE_NOT_PROVEN', cause: 'SIGNATURE' }),
        { part: 'consistency', reason: 'INCONSISTENT', cause: { reason: 'CONSISTENCY_PROOF_MISSING' } },
      ]);
      expect(explainProblem(result.problems[0]!, 'en')).toMatch(
        /^Restore 1 \(RESTORE entry, sequence 31\): its restore signature does not verify/,
      );

      const widened = restored();
      widened.restores[0]!.lostFrom = 20;
      expect(reasons(verify(widened).problems)).toEqual(['RESTORE_NOT_PROVEN', 'INCONSISTENT']);
    });

    it('refuses a restore recorded before the earlier head was signed', () => {
      const pkg = restored();
      const l = ledger().backup(30);
      pkg.earlierHead = l.head(key, { size: 28, timestamp: '2026-12-02T00:00:00.000Z' }) as SignedTreeHead;
      expect(verify(pkg).problems).toEqual([
        expect.objectContaining({ part: 'restore', reason: 'RESTORE_NOT_PROVEN', cause: 'BEFORE_EARLIER_HEAD' }),
        { part: 'consistency', reason: 'INCONSISTENT', cause: { reason: 'CONSISTENCY_PROOF_MISSING' } },
      ]);
    });

    it('refuses an inconsistent earlier head with no restore: INCONSISTENT', () => {
      const pkg = restored();
      pkg.restores = [];
      expect(verify(pkg).problems).toEqual([
        { part: 'consistency', reason: 'INCONSISTENT', cause: { reason: 'CONSISTENCY_PROOF_MISSING' } },
      ]);
    });
  });

  it('names a malformed completeness instead of throwing', () => {
    const both = evidenceOf(ledger());
    both.completeness.absent = { left: null, right: null };
    expect(verify(both).problems).toEqual([{ part: 'package', reason: 'MALFORMED_PACKAGE', field: 'completeness' }]);
    const bad = evidenceOf(ledger());
    bad.completeness.present!.chainHash = 'nope';
    expect(verify(bad).problems).toEqual([
      { part: 'package', reason: 'MALFORMED_PACKAGE', field: 'completeness.present.chainHash' },
    ]);
  });

  it('every valid package verifies, and every single-entry removal fails (random ledgers)', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.constantFrom(...ids), { nil: null }), { minLength: 1, maxLength: 40 }),
        fc.constantFrom(...ids),
        (owners, id) => {
          const l = new ReferenceLedger();
          for (const providerId of owners) l.append({ providerId });
          const pkg = evidenceOf(l, id);
          expect(verify(pkg).problems).toEqual([]);
          for (let i = 0; i < pkg.entries.length; i++) {
            const removed = structuredClone(pkg);
            removed.entries.splice(i, 1);
            expect(reasons(verify(removed).problems)).toEqual(['INCOMPLETE']);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
