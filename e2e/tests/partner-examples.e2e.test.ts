import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_MAIN, REPO_ROOT, apiSession, freePort, stopServer, waitForHealthy } from './support.js';

// The partner examples (examples/courier, examples/internal-decision) as a partner runs them: child
// processes importing @steward/client by its name, against the built API with the demo data, with
// keys issued the way the admin issues them (no browser needed).

const OWNER = { email: 'owner@examples.steward.test', password: `Ex-${randomBytes(12).toString('base64url')}` };
const CLIENT_DIST = join(REPO_ROOT, 'packages/client/dist/index.js');
const JOURNAL = { purposeKey: 'JOURNAL_DELIVERY', categories: ['NAME', 'POSTAL_ADDRESS'] };

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Milliseconds from spawning to the first byte on stdout. */
  firstOutputMs: number | null;
}

function runExample(script: string, args: string[], env: Record<string, string>): Promise<Ran> {
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [join(REPO_ROOT, 'examples', script), ...args], {
    cwd: join(REPO_ROOT, 'examples', script.split('/')[0]!),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let firstOutputMs: number | null = null;
  child.stdout!.on('data', (chunk: Buffer) => {
    firstOutputMs ??= performance.now() - started;
    stdout += chunk.toString();
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr, firstOutputMs })));
}

describe('the partner examples against a demo Steward', () => {
  let server: ChildProcess | undefined;
  let dataDir = '';
  let url = '';
  let call: Awaited<ReturnType<typeof apiSession>>;
  let partnerKey = '';
  let systemKey = '';
  let recipientId = '';
  let providers: { id: string; reference: string; displayName: string | null }[] = [];

  beforeAll(async () => {
    for (const file of [API_MAIN, CLIENT_DIST]) {
      if (!existsSync(file)) throw new Error(`${file} is missing: run npx turbo run build --filter=@steward/e2e...`);
    }
    dataDir = await mkdtemp(join(tmpdir(), 'steward-examples-'));
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      STEWARD_DATA_DIR: dataDir,
      STEWARD_ADMIN_EMAIL: OWNER.email,
      STEWARD_ADMIN_PASSWORD: OWNER.password,
      STEWARD_SEED_DEMO: 'true',
      STEWARD_ADMIN_DIST: '/nonexistent',
    };
    delete env.DATABASE_URL;
    delete env.STEWARD_ENCRYPTION_KEY;
    let output = '';
    server = spawn(process.execPath, [API_MAIN], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
    server.stdout!.on('data', keep);
    server.stderr!.on('data', keep);
    await waitForHealthy(url, server, () => output);

    // Keys as the owner issues them on the Recipients and Internal systems pages (shown once).
    call = await apiSession(url, OWNER.email, OWNER.password);
    const { recipients } = await call<{ recipients: { id: string; name: string }[] }>('{ recipients { id name } }');
    recipientId = recipients.find((r) => r.name.includes('Yamabuki'))!.id;
    partnerKey = (
      await call<{ issuePartnerKey: { key: string } }>(
        'mutation($input: IssuePartnerKeyInput!) { issuePartnerKey(input: $input) { key } }',
        { input: { recipientId, label: 'Examples test' } },
      )
    ).issuePartnerKey.key;
    systemKey = (
      await call<{ issueSystemKey: { key: string } }>(
        'mutation($input: IssueSystemKeyInput!) { issueSystemKey(input: $input) { key } }',
        { input: { systemName: 'Membership database', label: 'Examples test' } },
      )
    ).issueSystemKey.key;
    providers = (
      await call<{ providers: { edges: { node: (typeof providers)[number] }[] } }>(
        '{ providers(first: 100) { edges { node { id reference displayName } } } }',
      )
    ).providers.edges.map((e) => e.node);
  });

  afterAll(async () => {
    if (server) await stopServer(server);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('courier: reads every page and prints a label for each provider in scope, and no one else', async () => {
    // Who is in scope, asked another way: the owner's decision on providing name and address to the courier.
    const inScope = new Set<string>();
    for (const p of providers) {
      const { decision } = await call<{ decision: { allowed: boolean } }>(
        'query($input: DecisionRequestInput!) { decision(input: $input) { allowed } }',
        { input: { action: 'PROVIDE', providerId: p.id, recipientId, ...JOURNAL } },
      );
      if (decision.allowed) inScope.add(p.displayName!);
    }
    expect(inScope.size).toBeGreaterThan(1);
    expect(inScope.size).toBeLessThan(providers.length);

    const ran = await runExample('courier/courier.mjs', ['--page-size', '1', '--run', '2026年12月号'], {
      STEWARD_URL: url,
      STEWARD_PARTNER_KEY: partnerKey,
    });
    expect(ran.stderr).not.toMatch(/error/i);
    expect(ran.code).toBe(0);
    // One page per provider with --page-size 1: the cursors were followed to the end.
    expect(ran.stderr).toContain(
      `${inScope.size} ページ目 / page ${inScope.size}: ${inScope.size} / ${inScope.size} 件`,
    );
    expect(ran.stdout.split('\n')[0]).toBe(`配送ラベル / Shipping labels — 2026年12月号 便 — ${inScope.size} 件`);
    const printed = [...ran.stdout.matchAll(/^\u3000\u3000(.+) 様$/gmu)].map((m) => m[1]);
    expect(new Set(printed)).toEqual(inScope);
    expect(printed).toHaveLength(inScope.size);
    // Japanese layout: 〒 postal code, then the address, then the name.
    expect(ran.stdout).toMatch(/^〒113-8656\n東京都文京区本郷7-3-1\n\n\u3000\u3000山田 太郎 様$/mu);
    console.log(`[examples] courier: first output ${ran.firstOutputMs?.toFixed(0)} ms after start`);
  });

  it('courier: a key that is not valid is refused with UNAUTHENTICATED and exit code 1', async () => {
    const ran = await runExample('courier/courier.mjs', [], {
      STEWARD_URL: url,
      STEWARD_PARTNER_KEY: `stw_${'0'.repeat(16)}_${'0'.repeat(64)}`,
    });
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain('エラー / error UNAUTHENTICATED');
    expect(ran.stdout).toBe('');
  });

  it('internal decision: prints allowed with its basis, and denied with its reasons', async () => {
    const hanako = providers.find((p) => p.reference === 'JSPE-M-000102')!;
    const env = { STEWARD_URL: url, STEWARD_SYSTEM_KEY: systemKey };
    const allowed = await runExample(
      'internal-decision/decision.mjs',
      [
        '--provider',
        hanako.id,
        '--action',
        'PROVIDE',
        '--recipient',
        recipientId,
        '--purpose',
        JOURNAL.purposeKey,
      ].concat(['--categories', JOURNAL.categories.join(',')]),
      env,
    );
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toMatch(
      /^ALLOWED 許可\n {2}permitted: NAME, POSTAL_ADDRESS {2}refused: —\n {2}basis: EXCEPTION \(OUTSOURCING: /u,
    );
    expect(allowed.stdout).toMatch(/ledger #\d+/);

    // Hanako Sato refused event news when she renewed online.
    const denied = await runExample(
      'internal-decision/decision.mjs',
      ['--provider', hanako.id, '--purpose', 'EVENT_NEWS', '--categories', 'NAME,EMAIL'],
      env,
    );
    expect(denied.code).toBe(0);
    expect(denied.stdout).toMatch(/^DENIED 不可\n/u);
    expect(denied.stdout).toMatch(/^ {2}- [A-Z_]+( \[[A-Z_]+\])?: .+$/mu);

    // The system key reaches decisions only: the partner read is refused before anything runs.
    const refused = await runExample('courier/courier.mjs', [], { STEWARD_URL: url, STEWARD_PARTNER_KEY: systemKey });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('error FORBIDDEN');
  });
});
