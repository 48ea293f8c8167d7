import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { createServer as createNetServer, connect } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../bootstrap.js';
import { createServer } from '../server.js';
import type { AppConfig } from '../config.js';
import { createPostgresDatabase, createTestApp, postgresUrl, type TestApp } from './test-app.js';

/**
 * Several Steward instances on one PostgreSQL database behind a real reverse proxy (nginx, round
 * robin), as an organisation runs them: the first instance is a normal TestApp (it owns the
 * database, the clock and the owner account); the others share its database and its deps.
 * `url` is nginx's; `instanceUrls` reach one instance each. Requests through nginx should carry
 * their client address in X-Forwarded-For: the instances trust two hops (the test's and nginx's).
 */
export interface TestCluster {
  app: TestApp;
  /** With `startTogether`: every instance as a TestApp of its own (`apps[0]` is `app`); otherwise only `app`. */
  apps: TestApp[];
  url: string;
  instanceUrls: string[];
  close(): Promise<void>;
}

export const NGINX = process.env.STEWARD_NGINX ?? '/usr/sbin/nginx';

/**
 * `startTogether`: the instances start at once on a new, empty database, each as a TestApp of its
 * own (its own ORM, clock and deps; same key and configuration), as when an orchestrator starts
 * several replicas of a new deployment. `config` is added to every instance's configuration.
 */
export async function createTestCluster(
  opts: { instances?: number; startTogether?: boolean; config?: Partial<AppConfig> } = {},
): Promise<TestCluster> {
  if (opts.startTogether) return startTogether(opts.instances ?? 2, opts.config ?? {});
  const app = await createTestApp({ database: 'postgresql', config: { trustProxyHops: 2, ...opts.config } });
  const others: { server: Server; close(): Promise<void>; url: string }[] = [];
  let proxy: { url: string; close(): Promise<void> } | null = null;
  try {
    for (let i = 1; i < (opts.instances ?? 2); i++) {
      const orm = await openDatabase({ kind: 'postgresql', url: app.deps.config.databaseUrl! });
      const server: Server = await (await createServer(orm, app.deps)).listen(0, '127.0.0.1');
      server.keepAliveTimeout = 10 * 60_000;
      others.push({
        server,
        url: urlOf(server),
        async close() {
          await new Promise<void>((resolve) => server.close(() => resolve()));
          await orm.close(true);
        },
      });
    }
    const instanceUrls = [app.url, ...others.map((o) => o.url)];
    proxy = await startNginx(instanceUrls);
    const started = proxy;
    return {
      app,
      apps: [app],
      url: started.url,
      instanceUrls,
      async close() {
        await started.close();
        for (const o of others) await o.close();
        await app.close();
      },
    };
  } catch (err) {
    await proxy?.close();
    for (const o of others) await o.close();
    await app.close();
    throw err;
  }
}

async function startTogether(instances: number, config: Partial<AppConfig>): Promise<TestCluster> {
  if (!postgresUrl) throw new Error('DATABASE_URL is not set');
  const database = await createPostgresDatabase(postgresUrl);
  const started = await Promise.allSettled(
    Array.from({ length: instances }, () =>
      createTestApp({
        database: 'postgresql',
        postgresDatabaseUrl: database.url,
        config: { trustProxyHops: 2, ...config },
      }),
    ),
  );
  const apps = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const closeAll = async () => {
    for (const a of apps) await a.close();
    await database.drop();
  };
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await closeAll();
    throw failed.reason;
  }
  let proxy: { url: string; close(): Promise<void> };
  try {
    proxy = await startNginx(apps.map((a) => a.url));
  } catch (err) {
    await closeAll();
    throw err;
  }
  return {
    app: apps[0]!,
    apps,
    url: proxy.url,
    instanceUrls: apps.map((a) => a.url),
    async close() {
      await proxy.close();
      await closeAll();
    },
  };
}

function urlOf(server: Server): string {
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

/** A port free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

async function waitForPort(port: number, child: ChildProcess, log: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${existsSync(log) ? readFileSync(log, 'utf8') : ''}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => (socket.end(), resolve(true)));
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('nginx did not start listening');
}

/** nginx in the foreground with its own prefix directory, round robin over `upstreams`. */
async function startNginx(upstreams: string[]): Promise<{ url: string; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'steward-nginx-'));
  const port = await freePort();
  const servers = upstreams.map((u) => `    server ${new URL(u).host};`).join('\n');
  writeFileSync(
    join(dir, 'nginx.conf'),
    `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream steward {
${servers}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://steward;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    }
  }
}
`,
  );
  const child = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
  await waitForPort(port, child, join(dir, 'error.log'));
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGQUIT');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
