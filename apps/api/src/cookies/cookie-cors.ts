import type { MikroORM } from '@mikro-orm/core';
import { normalizeOrigin } from '@steward/policy-core';
import type { NextFunction, Request, Response } from 'express';
import type { ServerResponse } from 'node:http';
import { fromDbJson } from '../common/sql/dialect.js';
import { allowedOriginRows } from './cookie.queries.js';
import type { RootFieldScope } from '../common/root-field-guard.js';
import { invalidatePublicCaches } from './cookie-cache.js';

/** The root fields a web page on another origin may reach: the public cookie consent API (plus `__typename`). */
export const PUBLIC_COOKIE_ROOT_FIELDS: ReadonlySet<string> = new Set([
  'cookieBanner',
  'cookieConsent',
  'recordCookieConsent',
  'withdrawCookieConsent',
]);
export const CROSS_ORIGIN_FORBIDDEN = 'Only the public cookie consent API can be called from another origin';

/** How long an instance trusts its copy of the allowed origins (other instances' edits show up after this). */
const ORIGINS_TTL_MS = 30_000;

let generation = 0;

/** Called after a site is created or changed: this instance reloads the allowed origins at once. */
export function cookieSitesChanged(): void {
  generation++;
  invalidatePublicCaches();
}

/**
 * Whether a request comes from a page on another origin than Steward's own: its `Origin` header
 * names a different host than the `Host` it was sent to. No Origin (server-to-server, same-origin
 * GET) is not cross-origin.
 */
export function isCrossOrigin(origin: string | undefined | null, host: string | undefined | null): boolean {
  if (!origin) return false;
  const normalized = normalizeOrigin(origin);
  if (!normalized || !host) return true;
  return normalized.replace(/^https?:\/\//, '') !== host.toLowerCase().replace(/:(80|443)$/, '');
}

/** The union of every site's allowed origins, cached per instance. */
export class CookieOrigins {
  private cached: { at: number; generation: number; origins: Set<string> } | null = null;
  private loading: Promise<Set<string>> | null = null;

  constructor(private readonly orm: MikroORM) {}

  async allows(origin: string): Promise<boolean> {
    const normalized = normalizeOrigin(origin);
    if (!normalized) return false;
    return (await this.current()).has(normalized);
  }

  private async current(): Promise<Set<string>> {
    const c = this.cached;
    if (c && c.generation === generation && Date.now() - c.at < ORIGINS_TTL_MS) return c.origins;
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async load(): Promise<Set<string>> {
    const at = Date.now();
    const seen = generation;
    const rows = await allowedOriginRows(this.orm.em.fork());
    const origins = new Set<string>();
    for (const row of rows) {
      const list = fromDbJson<unknown>(row.allowed_origins);
      if (Array.isArray(list)) for (const o of list) if (typeof o === 'string') origins.add(o);
    }
    this.cached = { at, generation: seen, origins };
    return origins;
  }
}

/** Adds `Origin` to the response's `Vary` (the answer's CORS headers depend on it). */
function varyOnOrigin(res: ServerResponse): void {
  const current = res.getHeader('Vary');
  const list = current === undefined ? '' : String(current);
  if (!/(^|,)\s*(origin|\*)\s*(,|$)/i.test(list)) res.setHeader('Vary', list ? `${list}, Origin` : 'Origin');
}

/**
 * CORS for a (non-preflight) /graphql request: a request from another origin gets
 * `Access-Control-Allow-Origin` only if some cookie site allows that origin; never
 * `Access-Control-Allow-Credentials`, so a browser sends no cookies and reads no answer meant for a
 * signed-in admin. `host`: the Host header, or X-Forwarded-Host behind trusted proxies.
 */
export async function addCorsHeaders(
  origins: CookieOrigins,
  origin: string | undefined,
  host: string | undefined,
  res: ServerResponse,
): Promise<void> {
  if (!origin || !isCrossOrigin(origin, host)) return;
  varyOnOrigin(res);
  if (await origins.allows(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
}

/**
 * CORS for /graphql as express middleware: the above, and a preflight answered for an allowed
 * origin (204) or refused (403). Anything else gets no CORS headers (the browser then refuses to
 * let the page read the answer).
 */
export function cookieCors(origins: CookieOrigins) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    // req.host: the Host header, or X-Forwarded-Host behind trusted proxies (STEWARD_TRUST_PROXY_HOPS).
    if (req.method !== 'OPTIONS') return addCorsHeaders(origins, origin, req.host, res).then(() => next(), next);
    if (!origin || !isCrossOrigin(origin, req.host)) return next();
    varyOnOrigin(res);
    let allowed = false;
    try {
      allowed = await origins.allows(origin);
    } catch (err) {
      return next(err);
    }
    if (!allowed) return res.status(403).end();
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Methods', 'POST, GET');
    res.setHeader('Access-Control-Allow-Headers', 'content-type');
    res.setHeader('Access-Control-Max-Age', '600');
    return res.status(204).end();
  };
}

/**
 * A request from another origin reaches only the public cookie fields, queries and mutations: any
 * other root field (admin queries and mutations, partner fields, introspection) refuses the whole
 * operation with FORBIDDEN before anything runs (common/root-field-guard.ts). The context gives
 * such a request no admin session or key either.
 */
export const CROSS_ORIGIN_SCOPE: RootFieldScope = {
  fields: PUBLIC_COOKIE_ROOT_FIELDS,
  queryOnly: false,
  refusal: CROSS_ORIGIN_FORBIDDEN,
};
