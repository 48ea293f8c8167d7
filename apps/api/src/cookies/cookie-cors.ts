import type { MikroORM } from '@mikro-orm/core';
import { normalizeOrigin } from '@steward/policy-core';
import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fromDbJson } from '../common/sql/dialect.js';
import { allowedOriginRows } from './cookie.queries.js';
import type { RootFieldScope } from '../common/root-field-guard.js';
import { StampedCache } from './cookie-cache.js';
import type { ChangeStamps } from '../common/facts/change-stamps.js';

/** The root fields a web page on another origin may reach: the public cookie consent API (plus `__typename`). */
export const PUBLIC_COOKIE_ROOT_FIELDS: ReadonlySet<string> = new Set([
  'cookieBanner',
  'cookieConsent',
  'recordCookieConsent',
  'withdrawCookieConsent',
]);
export const CROSS_ORIGIN_FORBIDDEN = 'Only the public cookie consent API can be called from another origin';

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

/**
 * The union of every site's allowed origins, cached per instance under the change stamp: a site's
 * change (committed on any instance) is seen by the next request (common/facts/change-stamps.ts).
 */
export class CookieOrigins {
  private readonly cache = new StampedCache<Set<string>>(1);

  constructor(
    private readonly orm: MikroORM,
    private readonly stamps: ChangeStamps,
  ) {
    stamps.subscribe((stamp) => this.cache.refresh(stamp));
  }

  /** Whether some cookie site allows `origin`, as of the change stamp `request` reads. */
  async allows(origin: string, request: object): Promise<boolean> {
    const normalized = normalizeOrigin(origin);
    if (!normalized) return false;
    const stamp = await this.stamps.of(request);
    return (await this.cache.get('all', stamp, () => this.load())).has(normalized);
  }

  private async load(): Promise<Set<string>> {
    const rows = await allowedOriginRows(this.orm.em.fork());
    const origins = new Set<string>();
    for (const row of rows) {
      const list = fromDbJson<unknown>(row.allowed_origins);
      if (Array.isArray(list)) for (const o of list) if (typeof o === 'string') origins.add(o);
    }
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
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (!origin || !isCrossOrigin(origin, host)) return;
  varyOnOrigin(res);
  if (await origins.allows(origin, req)) res.setHeader('Access-Control-Allow-Origin', origin);
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
    if (req.method !== 'OPTIONS') return addCorsHeaders(origins, origin, req.host, req, res).then(() => next(), next);
    if (!origin || !isCrossOrigin(origin, req.host)) return next();
    varyOnOrigin(res);
    let allowed = false;
    try {
      allowed = await origins.allows(origin, req);
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
