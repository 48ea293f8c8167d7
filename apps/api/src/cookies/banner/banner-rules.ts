// The cookie banner's decisions that need no page: ids, retries, the language, which choice a receipt
// holds, and what to delete when a category is refused. Bundled into banner.js; no DOM types here, so
// the API's tests run them under Node (banner-rules.test.ts). The categories and the GPC rule are
// policy-core's.

import {
  COOKIE_CATEGORIES,
  defaultCookieChoice,
  isCookieCategory,
  type CookieCategory,
  type CookieChoice,
} from '@steward/policy-core';

/** What the banner needs of `crypto`: `randomUUID` exists only in secure contexts (https, localhost). */
export interface RandomSource {
  randomUUID?: () => string;
  getRandomValues(array: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer>;
}

/** A version-4 UUID from 16 random bytes (RFC 9562: version nibble 4, variant bits 10). */
export function uuidFromBytes(bytes: Uint8Array): string {
  const b = Array.from(bytes.subarray(0, 16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A random version-4 UUID, on plain-http pages too (where browsers give no `crypto.randomUUID`). */
export function newUuid(source: RandomSource): string {
  return typeof source.randomUUID === 'function'
    ? source.randomUUID()
    : uuidFromBytes(source.getRandomValues(new Uint8Array(16)));
}

/** Why a request failed: no answer at all (`status` null), an HTTP status, or a GraphQL error code. */
export interface Failure {
  status: number | null;
  code?: string;
  retryAfterSeconds?: number;
}

/** Attempts per request, the first included. */
export const MAX_ATTEMPTS = 3;
/** A retry that would have to wait longer than this is left to the visitor (the banner says it failed). */
const MAX_WAIT_MS = 10_000;

/**
 * How long to wait before attempt `attempt + 1` after `failure` (attempts count from 0), or null when
 * a retry cannot help: only a lost answer, a server error or a rate limit is retried, with
 * exponential backoff and jitter (`random` in [0, 1)). A refused answer — CONFLICT, BAD_USER_INPUT,
 * FORBIDDEN, any other 4xx — would be refused again.
 */
export function retryDelay(failure: Failure, attempt: number, random: number): number | null {
  if (attempt + 1 >= MAX_ATTEMPTS) return null;
  const { status, code } = failure;
  const limited = status === 429 || code === 'TOO_MANY_REQUESTS';
  const transient = status === null || status >= 500 || code === 'INTERNAL_SERVER_ERROR';
  if (!limited && !transient) return null;
  const backoff = 500 * 2 ** attempt + Math.floor(random * 250);
  const wait = limited ? Math.max(backoff, (failure.retryAfterSeconds ?? 0) * 1000) : backoff;
  return wait > MAX_WAIT_MS ? null : wait;
}

/** A declared cookie or storage item, as the banner query gives it. */
export interface Declared {
  name: string;
  domain: string;
  category: string;
  storageKind: string;
}

/** A declared name matches itself, or every name it is a prefix of when it ends in `*` (`_ga_*`). */
export function nameMatches(declared: string, actual: string): boolean {
  return declared.endsWith('*') ? actual.startsWith(declared.slice(0, -1)) : declared === actual;
}

/**
 * The items of one storage kind present on the page (`present`) that are declared only for refused
 * categories: they go when the visitor refuses. Never the banner's own records, never a name also
 * declared for a category the visitor accepted.
 */
export function refusedItems(
  declarations: readonly Declared[],
  accepted: Readonly<Record<string, boolean>>,
  storageKind: string,
  present: readonly string[],
): { name: string; domain: string }[] {
  const out: { name: string; domain: string }[] = [];
  for (const name of present) {
    if (name.startsWith('steward_cookie_')) continue;
    const declared = declarations.filter((d) => d.storageKind === storageKind && nameMatches(d.name, name));
    if (!declared.length || declared.some((d) => accepted[d.category])) continue;
    for (const d of declared) out.push({ name, domain: d.domain });
  }
  return out;
}

/** The names of the cookies a page can see (`document.cookie`). */
export function cookieNames(documentCookie: string): string[] {
  return documentCookie
    .split(';')
    .map((pair) => pair.split('=')[0]!.trim())
    .filter((name) => name !== '');
}

/**
 * The `document.cookie` assignments that expire cookie `name` as the page could have set it: on the
 * current host (host-only) and on the declared domain when the host is in it, each at `/` and at the
 * page's default path (the directory of `pathname`). HttpOnly cookies and other sites' cookies are
 * out of a page's reach: those the site's server or the vendor must remove.
 */
export function cookieExpiries(name: string, declaredDomain: string, host: string, pathname: string): string[] {
  const domain = declaredDomain.trim().toLowerCase().replace(/^\./, '');
  const inDomain = domain !== '' && (host === domain || host.endsWith(`.${domain}`));
  const dir = pathname.slice(0, pathname.lastIndexOf('/'));
  const paths = dir && dir !== '/' ? ['/', dir] : ['/'];
  const out: string[] = [];
  for (const path of paths) {
    out.push(`${name}=; Max-Age=0; Path=${path}`);
    if (inDomain) out.push(`${name}=; Max-Age=0; Path=${path}; Domain=${domain}`);
  }
  return out;
}

/** The banner's language: the script's `data-locale`, else the browser's; Japanese or English. */
export function bannerLocale(requested: string | undefined, browser: string | undefined): 'en' | 'ja' {
  return (requested ?? browser ?? 'en').toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** The category a tagged script names (`data-cookie-category="analytics"` → ANALYTICS), or null. */
export function taggedCategory(attribute: string): CookieCategory | null {
  const category = attribute.toUpperCase().replace(/-/g, '_');
  return isCookieCategory(category) ? category : null;
}

/** The choice a receipt records: its categories as listed, any category it leaves out as by default (off unless required). */
export function choiceFromReceipt(choices: readonly { category: CookieCategory; accepted: boolean }[]): CookieChoice {
  const choice: Record<CookieCategory, boolean> = { ...defaultCookieChoice({ gpc: false, honoursGpc: false }) };
  for (const { category, accepted } of choices) choice[category] = accepted;
  return choice;
}

/** Whether a category whose scripts already ran on this page is now refused: they stop only on a reload. */
export function refusedAfterRunning(ran: ReadonlySet<CookieCategory>, choice: CookieChoice): boolean {
  return COOKIE_CATEGORIES.some((c) => ran.has(c) && !choice[c]);
}
