import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

// The built CLI in its own node process, as a provider runs it (turbo builds before it tests).
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../fixtures/package.json', import.meta.url));
// scripts/make-fixture-evidence.mjs (fixed seed key): evidence in a disclosure package, and across a restore.
const DISCLOSURE = fileURLToPath(new URL('../fixtures/disclosure.json', import.meta.url));
const ACROSS_RESTORE = fileURLToPath(new URL('../fixtures/evidence-restore.json', import.meta.url));

async function run(...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('steward-verify', () => {
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error('Build first: npm run build -w @steward/verify');
  });

  it('exits 0 with the summary in English and Japanese for a valid package', async () => {
    const { code, stdout } = await run(FIXTURE);
    expect(code).toBe(0);
    expect(stdout).toContain(
      '4 entries proven included in the ledger of size 30 signed 2026-12-06T10:00Z; consistent with your earlier head of size 21.',
    );
    expect(stdout).toContain(
      '4 件の記録が、2026-12-06T10:00Z に署名された台帳（大きさ 30）に含まれることを証明しました。',
    );
  });

  it('exits 1 naming the entry whose content was edited', async () => {
    const pkg = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    pkg.entries[1].content.categories.push('EMAIL');
    const edited = join(mkdtempSync(join(tmpdir(), 'steward-verify-')), 'edited.json');
    writeFileSync(edited, JSON.stringify(pkg));

    const { code, stdout } = await run(edited);
    expect(code).toBe(1);
    expect(stdout).toContain('NOT VERIFIED: 1 problem.');
    expect(stdout).toContain('- Entry 2 (sequence 8, id 0193a1b2-0000-7000-8000-000000000008): its content gives hash');
    expect(stdout).toContain('- 記録 2（連番 8、ID 0193a1b2-0000-7000-8000-000000000008）：内容から求めたハッシュ');

    const json = JSON.parse((await run('--json', edited)).stdout);
    expect(json).toMatchObject({
      ok: false,
      problems: [{ part: 'entry', reason: 'HASH_MISMATCH', entry: { position: 2 } }],
    });
    expect(json.summary.en[0]).toBe('NOT VERIFIED: 1 problem.');
  });

  it('prints a machine-readable result with --json', async () => {
    const { code, stdout } = await run('--json', FIXTURE);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, head: { treeSize: 30 }, consistent: true, problems: [] });
  });

  it('exits 2 on a usage error and 1 on a file it cannot read', async () => {
    expect((await run()).code).toBe(2);
    expect((await run('--nope', FIXTURE)).code).toBe(2);
    const missing = await run(join(tmpdir(), 'no-such-package.json'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('を JSON として読めませんでした');
  });

  it('verifies the evidence in a disclosure package against the published key', async () => {
    const { publicKey } = JSON.parse(readFileSync(DISCLOSURE, 'utf8')).evidence;
    const { code, stdout } = await run(DISCLOSURE, '--public-key', publicKey);
    expect(code).toBe(0);
    expect(stdout).toContain(
      '6 entries proven included and complete in the ledger of size 60 signed 2026-12-06T10:00Z; consistent with your earlier head of size 41.',
    );
    expect(stdout).toContain('あなたについての記録がこれですべてであることを証明しました。');
  });

  it('exits 1 naming what is missing when an entry is removed', async () => {
    const pkg = JSON.parse(readFileSync(DISCLOSURE, 'utf8'));
    pkg.evidence.entries.splice(2, 1);
    const edited = join(mkdtempSync(join(tmpdir(), 'steward-verify-')), 'removed.json');
    writeFileSync(edited, JSON.stringify(pkg));
    const { code, stdout } = await run(edited);
    expect(code).toBe(1);
    expect(stdout).toContain(
      '- Completeness: the package shows 5 entries about you, but the signed provider map records 6: 1 missing.',
    );
  });

  it('exits 1 with the restore as a warning, not a problem, in --json', async () => {
    const { code, stdout } = await run('--json', ACROSS_RESTORE);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({
      ok: false,
      status: 'restored',
      problems: [],
      warnings: [{ reason: 'EARLIER_HEAD_ACROSS_RESTORE', restores: [{ lostFrom: 37, lostTo: 50 }] }],
    });
  });
});
