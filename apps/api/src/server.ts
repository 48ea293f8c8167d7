import type { SqlEntityManager } from '@mikro-orm/knex';
import { PartnerScopeMonitor, partnerScopeMonitorPlugin } from './incidents/detectors/partner-scope.monitor.js';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import type { MikroORM } from '@mikro-orm/core';
import { parse as parseCookies, serialize as serializeCookie } from 'cookie';
import { importUploadRoute } from './imports/import-upload.route.js';
import express, { type Express } from 'express';
import { GraphQLError, type ValidationContext } from 'graphql';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import { join } from 'node:path';
import { AuthService } from './auth/auth.service.js';
import { apiKeyKindOf } from './common/api-key.js';
import { createErrorFormatter, requestError, UnauthenticatedError } from './common/errors.js';
import { bearerToken } from './common/key-auth.js';
import { inputBoundaryPlugin } from './common/input-boundary.js';
import { disclosurePlugin } from './ledger/disclosures.js';
import { rootFieldGuardPlugin, type RootFieldScope } from './common/root-field-guard.js';
import { RateLimits } from './common/rate-limit.js';
import { ChangeStamps } from './common/facts/change-stamps.js';
import { dialectOf } from './common/sql/dialect.js';
import { publicCaches } from './cookies/cookie-cache.js';
import { SecretAttempts } from './auth/secret-attempts.js';
import { SignInThrottle } from './auth/sign-in-throttle.js';
import type { AppDeps, Context, CookieJar } from './context.js';
import { withLazyEm } from './request-context.js';
import { authenticatePartner, PARTNER_SCOPE } from './partners/partner-auth.js';
import { authenticateSystem, SYSTEM_SCOPE } from './systems/system-auth.js';
import { stewardSchema } from './schema.js';
import { COOKIE_BANNER_PATH, serveCookieBanner } from './cookies/banner-route.js';
import { CROSS_ORIGIN_SCOPE, CookieOrigins, addCorsHeaders, cookieCors, isCrossOrigin } from './cookies/cookie-cors.js';
import { graphqlPostHandler, isGraphqlJsonPost } from './http/graphql-post.js';
import { answerLive, answerMetrics, answerReady, createMetricsServer } from './http/health.js';
import { noteErrorCode, observeRequests, requestTracePlugin, traceOf } from './http/request-log.js';
import { wantsAdminPage } from './http/spa-fallback.js';
import { exportRouter } from './exports/export.route.js';
import { PUBLIC_SITE_PATHS, publicSiteRouter } from './public-site/public-site.routes.js';
import { watchDatabasePool } from './common/metrics.js';
import proxyAddress from 'proxy-addr';

export const SESSION_COOKIE = 'steward_session';
/** Marks a browser that has signed in before: exempt from an account's sign-in slowdown, never a credential. */
export const DEVICE_COOKIE = 'steward_device';
const DEVICE_COOKIE_DAYS = 400;

/** Request limits: a query deeper, wider or costlier than any dashboard screen needs is refused before it runs. */
export const LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxCost: 20_000,
  maxTokens: 4000,
  bodyBytes: 256 * 1024,
} as const;

/**
 * graphql-armor throws from inside validation by default, which Apollo answers with a 500;
 * reported through the validation context it becomes a clean GRAPHQL_VALIDATION_FAILED (400).
 */
function reportInsteadOfThrow(message: string) {
  return {
    exposeLimits: false,
    propagateOnRejection: false,
    onReject: [(ctx: ValidationContext | null, _err: GraphQLError) => ctx?.reportError(new GraphQLError(message))],
  };
}

function cookieJar(res: ServerResponse, secure: boolean): CookieJar {
  const base = { httpOnly: true, sameSite: 'strict' as const, secure, path: '/' };
  return {
    setSession(token, expiresAt) {
      res.appendHeader('Set-Cookie', serializeCookie(SESSION_COOKIE, token, { ...base, expires: expiresAt }));
    },
    clearSession() {
      res.appendHeader('Set-Cookie', serializeCookie(SESSION_COOKIE, '', { ...base, expires: new Date(0) }));
    },
    setDevice(value) {
      const expires = new Date(Date.now() + DEVICE_COOKIE_DAYS * 86_400_000);
      res.appendHeader('Set-Cookie', serializeCookie(DEVICE_COOKIE, value, { ...base, expires }));
    },
  };
}

/** The headers a middleware that does not look at the request sets (helmet's), captured once. */
function headersSetBy(
  middleware: (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void,
): [string, string][] {
  const headers = new Map<string, [string, string]>();
  const res = {
    setHeader: (name: string, value: string | number) => headers.set(name.toLowerCase(), [name, String(value)]),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
    getHeader: (name: string) => headers.get(name.toLowerCase())?.[1],
  };
  let done = false;
  middleware({ headers: {}, method: 'GET', url: '/' } as IncomingMessage, res as unknown as ServerResponse, (err) => {
    if (err) throw err;
    done = true;
  });
  if (!done) throw new Error('The security headers middleware did not finish synchronously');
  return [...headers.values()];
}

/** The root fields a restricted caller may select; null for an admin session or an anonymous same-origin request. */
function restrictedScope(context: Context): RootFieldScope | null {
  if (context.crossOrigin) return CROSS_ORIGIN_SCOPE;
  if (context.partner) return PARTNER_SCOPE;
  if (context.system) return SYSTEM_SCOPE;
  return null;
}

export interface StewardServer {
  app: Express;
  apollo: ApolloServer<Context>;
  /** The node:http listener: `POST /graphql` with a JSON body straight to Apollo (http/graphql-post.ts), the rest through express. */
  handler: RequestListener;
  /**
   * Listens on a port with `handler`, and on STEWARD_METRICS_PORT (on the same host) with the
   * metrics server when one is set; closing the returned server closes that one too.
   */
  listen(port: number, host?: string): Promise<Server>;
  /** The metrics port's server once `listen` started it (STEWARD_METRICS_PORT), else null. */
  metricsServer: Server | null;
}

/** Paths a request line names as they are; any other is named by the handler that answered it (http/request-log.ts). */
const FIXED_ROUTES = new Set([
  '/',
  '/graphql',
  '/livez',
  '/readyz',
  '/healthz',
  '/metrics',
  COOKIE_BANNER_PATH,
  ...PUBLIC_SITE_PATHS,
]);

const NOT_FOUND_BODY = { errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] };

/**
 * GraphQL at /graphql, the public privacy pages at /privacy, the built admin at /, /livez, /readyz
 * and /healthz, and /metrics behind a token (or on a port of its own): one port.
 */
export async function createServer(orm: MikroORM, deps: AppDeps): Promise<StewardServer> {
  const schema = await stewardSchema();
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: !deps.config.production,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(deps.log),
    parseOptions: { maxTokens: LIMITS.maxTokens },
    validationRules: [
      maxDepthRule({ n: LIMITS.maxDepth, flattenFragments: true, ...reportInsteadOfThrow('Query is too deep') }),
      maxAliasesRule({ n: LIMITS.maxAliases, ...reportInsteadOfThrow('Query uses too many aliases') }),
      costLimitRule({
        maxCost: LIMITS.maxCost,
        flattenFragments: true,
        ...reportInsteadOfThrow('Query is too costly'),
      }),
    ],
    // No cache hints anywhere and every /graphql answer is `Cache-Control: no-store` (set in the
    // context below), so the default cache-control plugin only adds per-field work (DESIGN.md §5).
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      rootFieldGuardPlugin(restrictedScope),
      // Repeated refusals of one partner key open a "suspected unauthorised access" incident (incidents/detectors/).
      partnerScopeMonitorPlugin(new PartnerScopeMonitor(orm, deps)),
      // The operation's name and the error codes for the request's log line (http/request-log.ts).
      requestTracePlugin<Context>(),
      // What the final body discloses (a partner's values) is recorded before it is sent (ledger/disclosures.ts).
      disclosurePlugin<Context>(deps.log),
      // Every string of every operation, before any resolver (common/input-boundary.ts).
      inputBoundaryPlugin(),
      ...(deps.config.production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.config.trustProxyHops === 0 ? false : deps.config.trustProxyHops);
  // One budget across every instance on PostgreSQL; SQLite is one instance, so its budgets stay in memory.
  const rateLimits = new RateLimits(
    deps.config.rateLimitScale,
    dialectOf(orm.em).name === 'postgresql'
      ? { em: orm.em, now: deps.now, keyOf: (key) => deps.cipher.blindIndex('public-rate-limit', key) }
      : null,
  );
  // Cached facts (sites, origins, the policy version in force) follow the change stamp (common/facts/change-stamps.ts).
  const stamps = new ChangeStamps(orm.em);
  const caches = publicCaches(orm.em.getConnection());
  stamps.subscribe((stamp) => {
    caches.sites.refresh(stamp);
    caches.policy.refresh(stamp);
  });
  const signInThrottle = new SignInThrottle(orm.em, deps.cipher, deps.now);
  const secretAttempts = new SecretAttempts(orm.em, deps.now);
  // The banner script is loaded by other sites' pages: before helmet, with its own headers.
  app.get(COOKIE_BANNER_PATH, serveCookieBanner());
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Mantine injects style attributes; scripts stay same-origin only.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: deps.config.cookieSecure ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: deps.config.cookieSecure,
  });
  app.use(securityHeaders);

  watchDatabasePool(orm.em);
  app.get('/livez', (_req, res) => answerLive(res));
  app.get('/readyz', (_req, res) => answerReady(res, orm, deps));
  // On the main port only behind a token, and only when no port of its own is set (README, Operations).
  if (deps.config.metricsToken !== null && deps.config.metricsPort === null)
    app.get('/metrics', (req, res) => answerMetrics(req, res, deps.config.metricsToken));

  app.get('/healthz', async (_req, res) => {
    try {
      await orm.em.fork().getConnection().execute('select 1');
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });

  /** The context of a /graphql request; `host` and `clientAddress` as express reads them behind STEWARD_TRUST_PROXY_HOPS proxies. */
  const contextOf = async (
    req: IncomingMessage,
    res: ServerResponse,
    host: string | undefined,
    clientAddress: string,
  ): Promise<Context> => {
    res.setHeader('Cache-Control', 'no-store');
    const trace = traceOf(res);
    const cookieValues = parseCookies(req.headers.cookie ?? '');
    const token = cookieValues[SESSION_COOKIE];
    const cookies = cookieJar(res, deps.config.cookieSecure);
    const userAgent = req.headers['user-agent'] ?? null;
    const crossOrigin = isCrossOrigin(req.headers.origin, host);
    const db = orm.em as SqlEntityManager;
    const request = {
      db,
      deps,
      cookies,
      userAgent,
      clientAddress,
      origin: req.headers.origin ?? null,
      rateLimits,
      changeStamp: () => stamps.of(req),
      signInThrottle,
      secretAttempts,
      deviceCookie: cookieValues[DEVICE_COOKIE] ?? null,
      crossOrigin,
      trace,
    };
    // A page on another origin reaches only the public cookie API (CROSS_ORIGIN_SCOPE): no admin session, no key.
    if (crossOrigin) return withLazyEm(orm, { ...request, actor: null, partner: null, system: null });
    const bearer = bearerToken(req.headers.authorization);
    if (bearer !== undefined) {
      // A key is the whole identity of its request: never together with an admin session.
      if (token)
        throw requestError(new UnauthenticatedError('Send either a session cookie or an API key, not both'), 400);
      // `sys_…` is an internal system's key; anything else is answered as a partner key would be.
      if (apiKeyKindOf(bearer) === 'system') {
        const system = await authenticateSystem(db, deps, bearer);
        return withLazyEm(orm, { ...request, actor: null, partner: null, system });
      }
      const partner = await authenticatePartner(db, deps, bearer);
      return withLazyEm(orm, { ...request, actor: null, partner, system: null });
    }
    const session = await new AuthService(db, deps).resolveSession(token);
    if (session?.renewed) cookies.setSession(token!, session.expiresAt);
    return withLazyEm(orm, { ...request, actor: session?.actor ?? null, partner: null, system: null });
  };

  const origins = new CookieOrigins(orm, stamps);
  // Import files (personal data): an authenticated upload of its own, not through GraphQL's 256 kB body.
  app.use(importUploadRoute(orm, deps, SESSION_COOKIE));
  app.use(
    '/graphql',
    cookieCors(origins),
    express.json({ limit: LIMITS.bodyBytes }),
    expressMiddleware(apollo, {
      context: ({ req, res }) =>
        noteContextError(res, contextOf(req, res, req.host, req.ip ?? req.socket.remoteAddress ?? 'unknown')),
    }),
  );

  // The same host and address express gives req.host / req.ip, from its own compiled trust setting.
  const trust = app.get('trust proxy fn') as (address: string | undefined, hop: number) => boolean;
  const hostOf = (req: IncomingMessage): string | undefined => {
    const forwarded = String(req.headers['x-forwarded-host'] ?? '');
    const value =
      forwarded && trust(req.socket.remoteAddress, 0) ? forwarded.split(',')[0]!.trimEnd() : req.headers.host;
    return value || undefined;
  };
  const graphqlPost = graphqlPostHandler<Context>({
    apollo,
    headers: headersSetBy(securityHeaders),
    cors: (req, res) => addCorsHeaders(origins, req.headers.origin, hostOf(req), req, res),
    context: (req, res) =>
      noteContextError(res, contextOf(req, res, hostOf(req), proxyAddress(req, trust) ?? 'unknown')),
    bodyLimitBytes: LIMITS.bodyBytes,
    onError: (err) => deps.log.error('Unhandled HTTP error', err),
  });
  // One log line and one duration sample per request, whichever path answers it (http/request-log.ts).
  const handler: RequestListener = observeRequests(deps.log, FIXED_ROUTES, (req, res) => {
    // The handler answers its own errors; should even that fail, the connection is dropped, never the process.
    if (isGraphqlJsonPost(req)) graphqlPost(req, res).catch(() => res.destroy());
    else app(req, res);
  });

  // CSV exports' downloads, by the session cookie (exports/export.route.ts).
  app.use(exportRouter({ orm, deps, sessionCookie: SESSION_COOKIE }));

  // The public pages, rendered here whatever the Accept and whether or not the admin is built (public-site/).
  app.use(publicSiteRouter({ orm, deps, rateLimits, bodyLimitBytes: LIMITS.bodyBytes }));

  const adminDir = deps.config.adminDistDir;
  if (existsSync(join(adminDir, 'index.html'))) {
    app.use(express.static(adminDir, { index: false, maxAge: '1h', immutable: false }));
    // Client-side routes load the single page: browsers' navigations to paths that are not files or reserved (http/spa-fallback.ts).
    app.get('/{*path}', (req, res, next) => {
      if (!wantsAdminPage(req)) return next();
      const trace = traceOf(res);
      if (trace) trace.route = 'admin';
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(join(adminDir, 'index.html'));
    });
  } else {
    app.get('/', (_req, res) => {
      res
        .type('text/plain')
        .send('Steward API is running. The admin is not built: run `npm start` from the repository root.');
    });
  }
  // Anything else: a 404 in JSON, never the admin's page.
  app.use((_req, res) => {
    const trace = traceOf(res);
    if (trace) trace.route = 'not-found';
    noteErrorCode(res, 'NOT_FOUND');
    res.status(404).json(NOT_FOUND_BODY);
  });
  // Malformed JSON and oversized bodies: a clean 4xx, never a stack trace.
  app.use((err: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(err);
    const status = (err as { status?: number }).status ?? 500;
    if (status >= 500) deps.log.error('Unhandled HTTP error', err);
    const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
    noteErrorCode(res, code);
    res
      .status(status)
      .json({ errors: [{ message: status < 500 ? 'Bad request' : 'Internal server error', extensions: { code } }] });
  });
  const steward: StewardServer = {
    app,
    apollo,
    handler,
    metricsServer: null,
    async listen(port, host) {
      const server = await listenOn(createHttpServer(handler), port, host);
      // PostgreSQL: hear other instances' changes early (a no-op on SQLite); stop when the server closes.
      stamps.listen((err) => deps.log.error('The change-stamp listener lost its connection; reconnecting', err));
      server.once('close', () => void stamps.close());
      if (deps.config.metricsPort !== null) {
        const metrics = await listenOn(createMetricsServer(orm, deps), deps.config.metricsPort, host).catch(
          (err: unknown) => {
            server.close();
            throw err;
          },
        );
        steward.metricsServer = metrics;
        server.once('close', () => metrics.close());
      }
      return server;
    },
  };
  return steward;
}

function listenOn(server: Server, port: number, host: string | undefined): Promise<Server> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    const ready = () => resolve(server);
    if (host === undefined) server.listen(port, ready);
    else server.listen(port, host, ready);
  });
}

/** A context that could not be made (a bad key, a refused origin) answers an error: its code goes in the request's log line. */
function noteContextError<T>(res: ServerResponse, context: Promise<T>): Promise<T> {
  return context.catch((err: unknown) => {
    const code = err instanceof GraphQLError ? err.extensions.code : undefined;
    noteErrorCode(res, typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR');
    throw err;
  });
}
