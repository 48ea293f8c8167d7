// The real Steward server, started in this process from apps/api/dist exactly as main.ts does
// (openDatabase → makeCipher → checkEncryptionKey → firstStart → createServer).
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkEncryptionKey, firstStart, makeCipher, openDatabase } from '@steward/api/dist/bootstrap.js';
import { loadConfig } from '@steward/api/dist/config.js';
import { createLogger } from '@steward/api/dist/common/logger.js';
import { SESSION_COOKIE, createServer } from '@steward/api/dist/server.js';
import { endpoint } from './endpoint.js';

/** Fixed so that the cached databases stay readable across runs (bench data only, never real data). */
export const BENCH_KEY = Buffer.alloc(32, 0x5b).toString('base64');
export const OWNER = { email: 'bench-owner@steward.local', password: 'bench-owner-password-1234' };

export const apiDist = fileURLToPath(new URL('.', import.meta.resolve('@steward/api/dist/bootstrap.js')));

/** Changes whenever the compiled migrations for `kind` change, so a stale seeded database is never reused. */
export function migrationsHash(kind) {
  const dir = `${apiDist}migrations/${kind}/`;
  const h = createHash('sha256');
  for (const f of readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .sort())
    h.update(f).update(readFileSync(dir + f));
  return h.digest('hex').slice(0, 10);
}

export const serverErrors = [];
// The server's own JSON logger at its default level, as production runs it (one line per request),
// into a stream that drops the lines: the bench pays for every log line production pays for.
const lines = createLogger('info', { write: () => undefined });
const log = {
  info: (message, fields) => lines.info(message, fields),
  error: (message, err, fields) => {
    lines.error(message, err, fields);
    serverErrors.push(`${message}: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err ?? '')}`);
    console.error(
      `[steward] ${message}`,
      err instanceof Error ? `${err.name}: ${err.message.slice(0, 500)}` : (err ?? fields ?? ''),
    );
  },
};

export function benchConfig({ databaseUrl, dataDir }) {
  return {
    ...loadConfig({}),
    databaseUrl,
    dataDir,
    adminEmail: OWNER.email,
    adminPassword: OWNER.password,
    seedDemo: false,
    encryptionKey: BENCH_KEY,
    cookieSecure: false,
    adminDistDir: '/nonexistent',
    // The bench's databases are not the one data/ledger-anchor.json anchors.
    ledgerAnchorFile: null,
  };
}

/** Opens (and migrates) the database, checks the key, runs the first-start seeding. */
export async function openSteward(target, config) {
  const orm = await openDatabase(target);
  const { cipher, masterKey } = makeCipher(config);
  await checkEncryptionKey(orm, cipher, masterKey);
  const deps = { config, cipher, now: () => new Date(), log };
  await firstStart(orm, deps);
  return { orm, deps };
}

export async function startStewardServer(orm, deps) {
  const { apollo, listen } = await createServer(orm, deps);
  return endpoint(await listen(0, '127.0.0.1'), () => apollo.stop());
}

/** A cookie site for the cookie-consent cases (created by the owner through the API). */
export function benchSiteInput(name, domain, origin) {
  return {
    name,
    domains: [domain],
    allowedOrigins: [origin],
    consentLifetimeDays: 180,
    honoursGpc: true,
    bannerTitle: { en: 'Cookies', ja: 'クッキー' },
    bannerText: { en: 'Cookies.', ja: 'クッキー。' },
  };
}

/** One GraphQL request; anything but a clean 200 with data throws. */
export async function gql(url, query, variables = {}, cookie = null) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* reported below */
  }
  if (res.status !== 200 || !json || json.errors?.length || !json.data) {
    throw new Error(`GraphQL request failed (HTTP ${res.status}): ${text.slice(0, 500)}`);
  }
  return { data: json.data, headers: res.headers };
}

/** Signs the bench owner in and returns the Cookie header value of the session. */
export async function login(url, credentials = OWNER) {
  const { headers } = await gql(url, 'mutation Login($input: LoginInput!) { login(input: $input) { id role } }', {
    input: credentials,
  });
  const session = headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!session) throw new Error('login answered without a session cookie');
  return session.split(';')[0];
}
