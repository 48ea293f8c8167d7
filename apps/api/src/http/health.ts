import type { MikroORM } from '@mikro-orm/core';
import { timingSafeEqual, createHash } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { KEY_CHECK } from '../bootstrap.js';
import type { AppDeps } from '../context.js';
import { registry } from '../common/metrics.js';
import { noteErrorCode } from './request-log.js';
import { appliedMigrationNames, databaseAnswers, storedKeyCheck } from './health.queries.js';

/** Why the server is not ready (the `reason` /readyz answers with 503). */
export type NotReadyReason =
  | 'DATABASE_UNREACHABLE'
  | 'DATABASE_TIMEOUT'
  | 'MIGRATIONS_PENDING'
  /** The database holds migrations this release does not know: it was migrated by a newer one. */
  | 'MIGRATIONS_UNKNOWN'
  | 'ENCRYPTION_KEY_NOT_LOADED';

const READY_TIMEOUT_MS = 3000;

const migrationName = (name: string) => name.replace(/\.[jt]s$/, '');

/**
 * Whether this instance can serve: the database answers, every migration this release ships is
 * applied (and none it does not know), and the key the server holds is the one the data was sealed
 * with. Reads only; a few milliseconds.
 */
export async function readiness(orm: MikroORM, deps: AppDeps): Promise<NotReadyReason | null> {
  const em = orm.em;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<NotReadyReason>((resolve) => {
    timer = setTimeout(() => resolve('DATABASE_TIMEOUT'), READY_TIMEOUT_MS);
  });
  const check = async (): Promise<NotReadyReason | null> => {
    try {
      if (!(await databaseAnswers(em))) return 'DATABASE_UNREACHABLE';
    } catch {
      return 'DATABASE_UNREACHABLE';
    }
    const options = orm.config.get('migrations');
    const shipped = new Set((options.migrationsList ?? []).map((m) => migrationName(m.name)));
    let applied: Set<string>;
    try {
      applied = new Set(
        (await appliedMigrationNames(em, options.tableName ?? 'mikro_orm_migrations')).map(migrationName),
      );
    } catch {
      return 'MIGRATIONS_PENDING';
    }
    for (const name of shipped) if (!applied.has(name)) return 'MIGRATIONS_PENDING';
    for (const name of applied) if (!shipped.has(name)) return 'MIGRATIONS_UNKNOWN';
    const stored = await storedKeyCheck(em, KEY_CHECK).catch(() => null);
    if (!stored?.startsWith(`${deps.cipher.keyId}:`)) return 'ENCRYPTION_KEY_NOT_LOADED';
    return null;
  };
  try {
    return await Promise.race([check(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function answerJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.setHeader('content-length', Buffer.byteLength(text));
  res.end(text);
}

/** `/livez`: the process is up and its event loop turns. Nothing else is checked (a restart would not help). */
export function answerLive(res: ServerResponse): void {
  answerJson(res, 200, { status: 'live' });
}

/** `/readyz`: 200 `{status: "ready"}`, or 503 `{status: "unavailable", reason}` (NotReadyReason). */
export async function answerReady(res: ServerResponse, orm: MikroORM, deps: AppDeps): Promise<void> {
  const reason = await readiness(orm, deps);
  if (reason) answerJson(res, 503, { status: 'unavailable', reason });
  else answerJson(res, 200, { status: 'ready' });
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Whether the request carries `Authorization: Bearer <token>` (compared in constant time). */
function bearerMatches(req: IncomingMessage, token: string): boolean {
  const match = /^Bearer ([^\s]+)$/i.exec(req.headers.authorization ?? '');
  return !!match && timingSafeEqual(digest(match[1]!), digest(token));
}

/**
 * `/metrics` in Prometheus' text format, for a scraper that sends `token` as a bearer token when one
 * is set (401 otherwise). Where /metrics is served at all is the caller's choice (server.ts).
 */
export async function answerMetrics(req: IncomingMessage, res: ServerResponse, token: string | null): Promise<void> {
  if (token !== null && !bearerMatches(req, token)) {
    res.setHeader('www-authenticate', 'Bearer');
    noteErrorCode(res, 'UNAUTHENTICATED');
    return answerJson(res, 401, { errors: [{ message: 'Unauthorized', extensions: { code: 'UNAUTHENTICATED' } }] });
  }
  const text = await registry.metrics();
  res.statusCode = 200;
  res.setHeader('content-type', registry.contentType);
  res.setHeader('cache-control', 'no-store');
  res.end(text);
}

/**
 * The metrics port (STEWARD_METRICS_PORT): `/metrics` (behind the token too when one is set), and
 * `/livez` and `/readyz` for probes that should not go through the public port; 404 for the rest.
 */
export function createMetricsServer(orm: MikroORM, deps: AppDeps): Server {
  return createHttpServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const done = (err: unknown) => {
      deps.log.error('Unhandled metrics error', err);
      if (!res.headersSent) answerJson(res, 500, { status: 'error' });
      else res.destroy();
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return answerJson(res, 405, { status: 'method not allowed' });
    if (path === '/metrics') return void answerMetrics(req, res, deps.config.metricsToken).catch(done);
    if (path === '/livez') return answerLive(res);
    if (path === '/readyz') return void answerReady(res, orm, deps).catch(done);
    answerJson(res, 404, { errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
  });
}
