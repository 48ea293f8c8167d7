import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Stable path of the embeddable banner; a breaking change gets a new version segment. */
export const COOKIE_BANNER_PATH = '/cookie-banner/v1/banner.js';

/** The built script: beside this module in dist/, or dist/ seen from src/ (tests, dev). */
const CANDIDATES = ['./banner/banner.js', '../../dist/cookies/banner/banner.js'].map((p) =>
  fileURLToPath(new URL(p, import.meta.url)),
);

async function loadBanner(): Promise<string | null> {
  const file = CANDIDATES.find((f) => existsSync(f));
  if (file) return readFileSync(file, 'utf8');
  try {
    // Not built (running from source): build it in memory once.
    const { buildBanner } = await import('../tools/build-banner.js');
    return await buildBanner();
  } catch {
    return null;
  }
}

/**
 * Serves the banner to other sites' pages: JavaScript with a strong ETag, cacheable for an hour
 * (a fix reaches every site within that), readable cross-origin (CORP cross-origin, CORS *: it is
 * public code, sent without credentials), never sniffed.
 */
export function serveCookieBanner() {
  let script: Promise<{ body: string; etag: string } | null> | null = null;
  return async (req: Request, res: Response) => {
    script ??= loadBanner().then((body) =>
      body === null ? null : { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` },
    );
    const loaded = await script;
    if (!loaded) {
      script = null;
      res.status(404).type('text/plain').send('The cookie banner is not built');
      return;
    }
    res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.setHeader('ETag', loaded.etag);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (req.headers['if-none-match'] === loaded.etag) {
      res.status(304).end();
      return;
    }
    res.send(loaded.body);
  };
}
