import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type GraphQLFormattedError } from 'graphql';
import type { Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { checkEncryptionKey, firstStart, openDatabase } from '../bootstrap.js';
import { loadConfig, type AppConfig } from '../config.js';
import type { AppDeps } from '../context.js';
import { createLogger, type LogLevel } from '../common/logger.js';
import { FieldCipher } from '../crypto/field-cipher.js';
import { deriveKeyRing } from '../crypto/keys.js';
import type { DatabaseTarget } from '../mikro-orm.config.js';
import { createServer, SESSION_COOKIE } from '../server.js';

export const OWNER = { email: 'owner@steward.test', password: 'owner-password-1234' };
export const TEST_KEY = Buffer.alloc(32, 7).toString('base64');

/** PostgreSQL suites run only where DATABASE_URL is set (always in CI). */
export const postgresUrl = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : null;

export interface TestClock {
  now: Date;
  advance(ms: number): void;
}

export interface TestApp {
  url: string;
  orm: MikroORM;
  deps: AppDeps;
  clock: TestClock;
  /** What the server logged as errors so far, as `message` or `message: Class:code` (printed when the app closes). */
  logged: readonly string[];
  /** Every line the server's logger wrote, as written (JSON): what the log canary test searches. */
  logLines: readonly string[];
  /** The metrics port's address when `config.metricsPort` was set (0: any free port). */
  metricsUrl: string | null;
  em(): SqlEntityManager;
  client(): TestClient;
  /** A signed-in client for a new admin with this role (created through the API by the owner). */
  clientAs(role: 'OWNER' | 'PRIVACY_OFFICER' | 'VIEWER'): Promise<TestClient>;
  close(): Promise<void>;
}

/**
 * A real Steward server on an ephemeral port over a fresh database: in-memory SQLite by default,
 * or a database of its own on the PostgreSQL server. Requests go through HTTP, Apollo, the
 * resolvers and the ORM exactly as in production.
 */
export async function createTestApp(
  opts: {
    database?: 'sqlite' | 'postgresql';
    /** A SQLite database file (WAL, as in production) instead of an in-memory one. */
    sqliteFile?: string;
    seedDemo?: boolean;
    production?: boolean;
    config?: Partial<AppConfig>;
    /** PostgreSQL: a database made by the caller (createPostgresDatabase), which the app neither makes nor drops. */
    postgresDatabaseUrl?: string;
    /** The logger's level (`info`: one line per request, as in production). */
    logLevel?: LogLevel;
  } = {},
): Promise<TestApp> {
  const kind = opts.database ?? 'sqlite';
  let target: DatabaseTarget;
  let dropDatabase: (() => Promise<void>) | null = null;
  if (kind === 'postgresql') {
    if (!postgresUrl) throw new Error('DATABASE_URL is not set');
    if (opts.postgresDatabaseUrl) {
      target = { kind: 'postgresql', url: opts.postgresDatabaseUrl };
    } else {
      const made = await createPostgresDatabase(postgresUrl);
      target = { kind: 'postgresql', url: made.url };
      dropDatabase = made.drop;
    }
  } else {
    target = { kind: 'sqlite', url: opts.sqliteFile ?? ':memory:' };
  }
  const config: AppConfig = {
    ...loadConfig({}),
    databaseUrl: kind === 'postgresql' ? target.url : null,
    adminEmail: OWNER.email,
    adminPassword: OWNER.password,
    seedDemo: opts.seedDemo ?? false,
    // Tests never touch the repository's data/ folder; ledger tests give a file of their own.
    ledgerAnchorFile: null,
    encryptionKey: TEST_KEY,
    adminDistDir: '/nonexistent',
    production: opts.production ?? false,
    ...opts.config,
  };
  const clock: TestClock = {
    now: new Date('2026-04-01T09:00:00Z'),
    advance(ms) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  // Real time moves forward too, so events recorded in one test stay strictly ordered.
  let ticks = 0;
  const deps: AppDeps = {
    config,
    cipher: new FieldCipher(deriveKeyRing(TEST_KEY)),
    now: () => new Date(clock.now.getTime() + ticks++),
    // The server's own logger, writing into memory: tests see exactly the lines production writes.
    log: createLogger(opts.logLevel ?? 'info', {
      write(line: string) {
        logLines.push(line);
        const parsed = JSON.parse(line) as { level: string; msg: string; err?: { class: string; code?: string } };
        if (parsed.level === 'error' || parsed.level === 'fatal')
          logged.push(
            parsed.err
              ? `${parsed.msg}: ${parsed.err.class}${parsed.err.code ? `:${parsed.err.code}` : ''}`
              : parsed.msg,
          );
      },
    }),
  };
  const logged: string[] = [];
  const logLines: string[] = [];
  const orm = await openDatabase(target);
  await checkEncryptionKey(orm, deps.cipher, TEST_KEY);
  await firstStart(orm, deps);
  const steward = await createServer(orm, deps);
  const server: Server = await steward.listen(0, '127.0.0.1');
  // Clients reuse idle connections. A test that holds the event loop for seconds (bulk SQLite writes
  // on a loaded machine) must not find the server closing one as it is reused (ECONNRESET): the
  // timer that closes it would run only after the test's next request has been written to it.
  server.keepAliveTimeout = 10 * 60_000;
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const metricsAddress = steward.metricsServer?.address();
  const metricsUrl =
    metricsAddress && typeof metricsAddress === 'object' ? `http://127.0.0.1:${metricsAddress.port}` : null;

  const testApp: TestApp = {
    url,
    orm,
    deps,
    clock,
    logged,
    logLines,
    metricsUrl,
    em: () => orm.em.fork() as SqlEntityManager,
    client: () => new TestClient(url),
    async clientAs(role) {
      if (role === 'OWNER') {
        const c = new TestClient(url);
        await c.login(OWNER.email, OWNER.password);
        return c;
      }
      const owner = new TestClient(url);
      await owner.login(OWNER.email, OWNER.password);
      const email = `${role.toLowerCase()}-${randomBytes(4).toString('hex')}@steward.test`;
      const password = 'a-long-enough-password';
      const created = await owner.raw(
        'mutation($input: CreateAdminUserInput!) { createAdminUser(input: $input) { id } }',
        { input: { email, displayName: `Test ${role}`, role, password } },
      );
      if (created.errors) throw new Error(JSON.stringify(created.errors));
      const c = new TestClient(url);
      await c.login(email, password);
      return c;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await orm.close(true);
      if (dropDatabase) await dropDatabase();
      if (logged.length) console.warn('server logged errors:\n' + logged.join('\n'));
    },
  };
  return testApp;
}

/** A test app and its owner, signed in: where a suite that needs nobody else starts. */
export async function createTestAppWithOwner(
  opts: Parameters<typeof createTestApp>[0] = {},
): Promise<{ app: TestApp; owner: TestClient }> {
  const app = await createTestApp(opts);
  return { app, owner: await app.clientAs('OWNER') };
}

export interface GraphQLResult<T> {
  status: number;
  data: T | null | undefined;
  errors?: GraphQLFormattedError[];
}

/** A browser-like client: JSON POSTs, keeps the session cookie it is given. */
export class TestClient {
  cookie: string | null = null;

  constructor(readonly url: string) {}

  async login(email: string, password: string): Promise<void> {
    const res = await this.raw('mutation($input: LoginInput!) { login(input: $input) { id } }', {
      input: { email, password },
    });
    if (res.errors) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
  }

  request<R, V>(doc: TypedDocumentNode<R, V>, variables?: V): Promise<GraphQLResult<R>> {
    return this.raw(print(doc), variables as Record<string, unknown> | undefined) as Promise<GraphQLResult<R>>;
  }

  /** Like request, but fails the test on any error, returning the data. */
  async ok<R, V>(doc: TypedDocumentNode<R, V>, variables?: V): Promise<R> {
    const res = await this.request(doc, variables);
    if (res.errors?.length || !res.data) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
    return res.data;
  }

  async raw(
    query: string,
    variables?: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<GraphQLResult<unknown>> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.cookie ? { cookie: `${SESSION_COOKIE}=${this.cookie}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    for (const header of res.headers.getSetCookie()) {
      const match = new RegExp(`^${SESSION_COOKIE}=([^;]*)`).exec(header);
      if (match) this.cookie = match[1] || null;
    }
    const text = await res.text();
    const body = JSON.parse(text) as { data?: unknown; errors?: GraphQLFormattedError[] };
    return { status: res.status, data: body.data, ...(body.errors ? { errors: body.errors } : {}) };
  }
}

/** A new, empty database on the PostgreSQL server of `baseUrl`, and the function that drops it. */
export async function createPostgresDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const { MikroORM } = await import('@mikro-orm/core');
  const { ormOptions } = await import('../mikro-orm.config.js');
  const name = `steward_test_${randomBytes(5).toString('hex')}`;
  const admin = await MikroORM.init({
    ...ormOptions({ kind: 'postgresql', url: baseUrl }),
    entities: [],
    discovery: { warnWhenNoEntities: false },
  });
  await admin.em.getConnection().execute(`create database ${name}`);
  await admin.close(true);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const again = await MikroORM.init({
        ...ormOptions({ kind: 'postgresql', url: baseUrl }),
        entities: [],
        discovery: { warnWhenNoEntities: false },
      });
      await again.em.getConnection().execute(`drop database if exists ${name} with (force)`);
      await again.close(true);
    },
  };
}

/** The first error's code and field: what a client acts on. */
export function errorOf(res: { errors?: readonly GraphQLFormattedError[] }) {
  const e = res.errors?.[0];
  return {
    code: e?.extensions?.code,
    field: e?.extensions?.field,
    message: e?.message,
    issues: e?.extensions?.issues as { field: string; code: string; params?: Record<string, unknown> }[] | undefined,
    restriction: e?.extensions?.restriction,
  };
}
