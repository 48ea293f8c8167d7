import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './cluster.js';
import { OWNER } from './test-app.js';

// The built server (apps/api/dist/main.js) as a child process, as an operator runs it: for what
// only a real process shows (signals, file modes under a umask, a second process on the same data).

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
export const API_DIST = join(REPO_ROOT, 'apps/api/dist');

export interface StewardProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Sends `signal` and waits for the exit; resolves to the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * The environment of a test server: the owner of test-app.ts, no demo data, and the database given
 * (SQLite in `dataDir` unless `databaseUrl`), whatever the developer's shell points at.
 */
export function stewardEnv(opts: { dataDir: string; databaseUrl?: string | null; key?: string }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    STEWARD_DATA_DIR: opts.dataDir,
    STEWARD_ADMIN_EMAIL: OWNER.email,
    STEWARD_ADMIN_PASSWORD: OWNER.password,
    STEWARD_SEED_DEMO: 'false',
    STEWARD_ADMIN_DIST: '/nonexistent',
    STEWARD_RATE_LIMIT_SCALE: '0',
  };
  delete env.DATABASE_URL;
  delete env.STEWARD_ENCRYPTION_KEY;
  delete env.STEWARD_LEDGER_ANCHOR_FILE;
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  if (opts.key) env.STEWARD_ENCRYPTION_KEY = opts.key;
  return env;
}

/** Starts dist/main.js with `env` (under `umask` when given) and waits until /healthz answers. */
export async function startSteward(env: NodeJS.ProcessEnv, opts: { umask?: string } = {}): Promise<StewardProcess> {
  const main = join(API_DIST, 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run npx turbo run build --filter=@steward/api`);
  const port = await freePort();
  const childEnv = { ...env, PORT: String(port), HOST: '127.0.0.1' };
  const child = opts.umask
    ? spawn('sh', ['-c', `umask ${opts.umask} && exec "$0" "$1"`, process.execPath, main], { env: childEnv })
    : spawn(process.execPath, [main], { env: childEnv });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Steward exited (${child.exitCode}) before it answered:\n${output}`);
    const ok = await fetch(`${url}/healthz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Steward did not answer within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
