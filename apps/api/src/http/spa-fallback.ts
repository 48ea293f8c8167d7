import type { IncomingMessage } from 'node:http';

/** First path segments that are never the admin's: the API, health, metrics, and the conventional API and well-known prefixes. */
const NOT_THE_ADMIN = new Set(['graphql', 'livez', 'readyz', 'healthz', 'metrics', 'api', 'privacy']);

/**
 * Whether a request the static files did not answer gets the admin's page (index.html, whose
 * client-side router then shows the route or its own "not found"): a GET or HEAD that is a
 * browser's navigation (`Accept` names text/html), to a path that is not reserved (NOT_THE_ADMIN)
 * and has no dot in any segment (a file: `/assets/x.js`, `/favicon.ico`, `/.well-known/…`, `/.env`;
 * the admin's routes are words and ids, never with a dot). Everything else is a 404, so a monitor,
 * a scraper or a script asking for something that is not there is told so, not handed a page.
 * The root is the front door: it is the admin's page whatever the `Accept` (`curl http://host/`).
 */
export function wantsAdminPage(req: IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const url = req.url ?? '/';
  if (url === '/' || url.startsWith('/?')) return true;
  if (!/\btext\/html\b/i.test(req.headers.accept ?? '')) return false;
  const query = url.indexOf('?');
  const segments = (query < 0 ? url : url.slice(0, query)).split('/').filter(Boolean);
  if (segments.length && NOT_THE_ADMIN.has(segments[0]!.toLowerCase())) return false;
  return !segments.some((segment) => segment.includes('.') || segment.toLowerCase().includes('%2e'));
}
