import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { logLevelFrom, type LogLevel } from './common/logger.js';
import { OperatorError } from './common/operator-error.js';

/** Everything Steward reads from the environment, parsed once at start-up. */
export interface AppConfig {
  port: number;
  host: string;
  production: boolean;
  /** PostgreSQL connection string; SQLite under dataDir when absent. */
  databaseUrl: string | null;
  dataDir: string;
  /** Base64 of 32 bytes; generated into dataDir for the embedded default when absent. */
  encryptionKey: string | null;
  adminEmail: string;
  adminPassword: string | null;
  seedDemo: boolean;
  cookieSecure: boolean;
  sessionTtlHours: number;
  adminDistDir: string;
  /** Multiplies every public rate-limit budget; 0 turns limiting off (benchmarks). */
  rateLimitScale: number;
  /** Express `trust proxy`: hops of reverse proxies whose X-Forwarded-For names the client (0 = none). */
  trustProxyHops: number;
  /** Seconds between automatic signatures of the ledger head when entries were appended since the last one (0 = only every 1,000 entries and on demand). */
  ledgerCheckpointSeconds: number;
  /**
   * A file outside the database where the server keeps the newest head it signed (the anchor that
   * verification checks), so someone who can rewrite the database but not this server's files
   * cannot cut off the end of the ledger unnoticed. Null: none.
   */
  ledgerAnchorFile: string | null;
  /**
   * The address people reach Steward at (STEWARD_PUBLIC_URL, e.g. https://steward.example.org),
   * for links Steward hands out (staff invitations). Null: links are relative to the admin's own address.
   */
  publicUrl: string | null;
  /** STEWARD_REQUIRE_MFA: owners and privacy officers must use a second factor, whatever the organisation's setting. */
  requireMfa: boolean;
  /** STEWARD_LOG_LEVEL: the quietest level written (`info` by default: one line per request). */
  logLevel: LogLevel;
  /** STEWARD_METRICS_PORT: a port of its own for /metrics (and /livez, /readyz), on HOST. Null: none. */
  metricsPort: number | null;
  /** STEWARD_METRICS_TOKEN: /metrics answers only with `Authorization: Bearer <token>` (on the main port when no metrics port is set). */
  metricsToken: string | null;
  /** STEWARD_SMTP_*: the server notification mail is sent through. Null: mail is kept in the outbox, marked not sent. */
  smtp: SmtpConfig | null;
  /** STEWARD_MAIL_FROM: the sender of every mail (`Steward <steward@example.org>`). */
  mailFrom: string;
}

/** Where mail goes: an SMTP server and, when it asks for them, credentials. */
export interface SmtpConfig {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string | null;
  password: string | null;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function intFrom(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new OperatorError(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return n;
}

function publicUrlFrom(value: string | undefined): string | null {
  if (value === undefined || value.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new OperatorError(`STEWARD_PUBLIC_URL must be an absolute http(s) address, got "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new OperatorError(`STEWARD_PUBLIC_URL must be an absolute http(s) address, got "${value}"`);
  }
  return url.toString().replace(/\/+$/, '');
}

function boolFrom(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

/** STEWARD_LEDGER_ANCHOR_FILE: a path, `off`, or (unset) `ledger-anchor.json` in the data directory. */
function anchorFileFrom(value: string | undefined, dataDir: string): string | null {
  if (value === undefined || value.trim() === '') return join(dataDir, 'ledger-anchor.json');
  return value.trim().toLowerCase() === 'off' ? null : resolve(value.trim());
}

function metricsTokenFrom(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  if (!/^[\x21-\x7e]{16,256}$/.test(value)) {
    throw new OperatorError('STEWARD_METRICS_TOKEN must be 16 to 256 printable characters without spaces');
  }
  return value;
}

/** STEWARD_SMTP_HOST (and its port, TLS and credentials); none without a host. */
function smtpFrom(env: NodeJS.ProcessEnv): SmtpConfig | null {
  const host = env.STEWARD_SMTP_HOST?.trim();
  if (!host) return null;
  const secure = boolFrom(env.STEWARD_SMTP_SECURE, false);
  const user = env.STEWARD_SMTP_USER?.trim() || null;
  const password = env.STEWARD_SMTP_PASSWORD || null;
  if ((user === null) !== (password === null)) {
    throw new OperatorError('STEWARD_SMTP_USER and STEWARD_SMTP_PASSWORD are set together or not at all');
  }
  return {
    host,
    port: intFrom('STEWARD_SMTP_PORT', env.STEWARD_SMTP_PORT, secure ? 465 : 587, 1, 65535),
    secure,
    user,
    password,
  };
}

/** STEWARD_MAIL_FROM: an address, or a name and an address in angle brackets. */
function mailFromOf(value: string | undefined): string {
  const from = value?.trim() || 'Steward <steward@localhost>';
  if (!/^([^<>\r\n]*<)?[^\s@<>]+@[^\s@<>]+>?$/.test(from)) {
    throw new OperatorError(`STEWARD_MAIL_FROM must be an e-mail address or "Name <address>", got "${from}"`);
  }
  return from;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  const databaseUrl = env.DATABASE_URL && env.DATABASE_URL.trim() !== '' ? env.DATABASE_URL.trim() : null;
  const adminDist = env.STEWARD_ADMIN_DIST ?? join(repoRoot, 'apps/admin/dist');
  const dataDir = resolve(env.STEWARD_DATA_DIR ?? join(repoRoot, 'data'));
  return {
    port: intFrom('PORT', env.PORT, 4000, 0, 65535),
    host: env.HOST ?? '127.0.0.1',
    production,
    databaseUrl,
    dataDir,
    encryptionKey: env.STEWARD_ENCRYPTION_KEY ?? null,
    adminEmail: env.STEWARD_ADMIN_EMAIL ?? 'admin@steward.local',
    adminPassword: env.STEWARD_ADMIN_PASSWORD ?? null,
    seedDemo: boolFrom(env.STEWARD_SEED_DEMO, true),
    cookieSecure: boolFrom(env.STEWARD_COOKIE_SECURE, production),
    sessionTtlHours: intFrom('STEWARD_SESSION_TTL_HOURS', env.STEWARD_SESSION_TTL_HOURS, 12, 1, 24 * 30),
    adminDistDir: adminDist,
    rateLimitScale: intFrom('STEWARD_RATE_LIMIT_SCALE', env.STEWARD_RATE_LIMIT_SCALE, 1, 0, 1000),
    trustProxyHops: intFrom('STEWARD_TRUST_PROXY_HOPS', env.STEWARD_TRUST_PROXY_HOPS, 0, 0, 10),
    ledgerCheckpointSeconds: intFrom(
      'STEWARD_LEDGER_CHECKPOINT_SECONDS',
      env.STEWARD_LEDGER_CHECKPOINT_SECONDS,
      60,
      0,
      86_400,
    ),
    ledgerAnchorFile: anchorFileFrom(env.STEWARD_LEDGER_ANCHOR_FILE, dataDir),
    publicUrl: publicUrlFrom(env.STEWARD_PUBLIC_URL),
    requireMfa: boolFrom(env.STEWARD_REQUIRE_MFA, false),
    logLevel: logLevelFrom(env.STEWARD_LOG_LEVEL),
    metricsPort:
      env.STEWARD_METRICS_PORT === undefined || env.STEWARD_METRICS_PORT === ''
        ? null
        : intFrom('STEWARD_METRICS_PORT', env.STEWARD_METRICS_PORT, 0, 0, 65535),
    metricsToken: metricsTokenFrom(env.STEWARD_METRICS_TOKEN),
    smtp: smtpFrom(env),
    mailFrom: mailFromOf(env.STEWARD_MAIL_FROM),
  };
}
