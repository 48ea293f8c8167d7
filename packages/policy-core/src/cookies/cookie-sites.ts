import { validateText } from '../fields/field-formats.js';
import { issue, type Issue } from '../issues.js';
import { COOKIE_CATEGORIES, COOKIE_CATEGORY_RULES, type CookieCategory } from './cookie-categories.js';

/** Bounds of everything a site, a declaration or a visitor's request may carry (code points / items). */
export const COOKIE_LIMITS = {
  siteName: 120,
  host: 253,
  domains: 20,
  origins: 20,
  bannerTitle: 120,
  bannerText: 2000,
  /** Longest consent lifetime: 13 months, the usual ceiling for re-asking. */
  lifetimeDays: { min: 1, max: 395 },
  declarationName: 120,
  vendor: 120,
  purpose: 1000,
  /** Longest declared storage duration: 10 years (null = until the browser session ends). */
  durationDays: 3650,
  label: 60,
  categoryDescription: 1000,
  idempotencyKey: { min: 8, max: 64 },
} as const;

/** A visitor id as the banner makes it: `crypto.randomUUID()`, a version-4 UUID, lower case. */
const VISITOR_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]+$/;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const ORIGIN = /^(https?):\/\/([^/?#@:\s]+)(?::(\d{1,5}))?$/;

export function isVisitorId(value: unknown): value is string {
  return typeof value === 'string' && VISITOR_ID.test(value);
}

export function isIdempotencyKey(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length >= COOKIE_LIMITS.idempotencyKey.min &&
    value.length <= COOKIE_LIMITS.idempotencyKey.max &&
    IDEMPOTENCY_KEY.test(value)
  );
}

/** A host name (`www.example.org`, `localhost`), lower case; a leading dot is allowed for cookie domains. */
export function isHostName(value: string, opts: { leadingDot?: boolean } = {}): boolean {
  const host = opts.leadingDot && value.startsWith('.') ? value.slice(1) : value;
  if (host.length === 0 || host.length > COOKIE_LIMITS.host) return false;
  return host.split('.').every((label) => LABEL.test(label));
}

/**
 * The canonical form of a web origin, as browsers send it in the `Origin` header: scheme, host and
 * a non-default port, lower case, nothing else (no path, query, user or trailing slash). Null when
 * the value is not such an origin. Only http and https.
 */
export function normalizeOrigin(value: string): string | null {
  const match = ORIGIN.exec(value.trim().toLowerCase());
  if (!match) return null;
  const [, scheme, host, port] = match as unknown as [string, string, string, string | undefined];
  if (!isHostName(host)) return null;
  if (port !== undefined) {
    const n = Number(port);
    if (n < 1 || n > 65535 || String(n) !== port) return null;
    if ((scheme === 'https' && n === 443) || (scheme === 'http' && n === 80)) return `${scheme}://${host}`;
    return `${scheme}://${host}:${n}`;
  }
  return `${scheme}://${host}`;
}

function listIssues(
  values: readonly string[],
  field: string,
  max: number,
  check: (v: string) => boolean,
  what: string,
): Issue[] {
  const issues: Issue[] = [];
  if (values.length === 0) issues.push(issue(field, 'REQUIRED', `Give at least one ${what}.`));
  if (values.length > max)
    issues.push(issue(field, 'TOO_LONG', `At most ${max} entries (this has ${values.length}).`, { max }));
  const seen = new Set<string>();
  values.forEach((v, i) => {
    const at = `${field}[${i}]`;
    const text = validateText(v, { field: at, maxLength: COOKIE_LIMITS.host + 16 });
    if (text) issues.push(text);
    else if (!check(v)) issues.push(issue(at, 'INVALID_FORMAT', `"${v}" is not a valid ${what}.`));
    else if (seen.has(v)) issues.push(issue(at, 'DUPLICATE', `"${v}" is listed twice.`));
    seen.add(v);
  });
  return issues;
}

export type CookieSiteDraft = {
  name: string;
  domains: readonly string[];
  /** Already normalised with normalizeOrigin where possible. */
  allowedOrigins: readonly string[];
  consentLifetimeDays: number;
  honoursGpc: boolean;
  bannerTitle: { en: string; ja: string };
  bannerText: { en: string; ja: string };
};

/**
 * Checks a site: a name, 1–20 host names, 1–20 canonical origins (see normalizeOrigin), a lifetime
 * of 1–395 days, and a banner title and text in both languages (multi-line text allowed).
 */
export function validateCookieSite(site: CookieSiteDraft): Issue[] {
  const issues: Issue[] = [];
  const push = (i: Issue | null) => {
    if (i) issues.push(i);
  };
  push(validateText(site.name, { field: 'name', maxLength: COOKIE_LIMITS.siteName }));
  issues.push(...listIssues(site.domains, 'domains', COOKIE_LIMITS.domains, (v) => isHostName(v), 'host name'));
  issues.push(
    ...listIssues(
      site.allowedOrigins,
      'allowedOrigins',
      COOKIE_LIMITS.origins,
      (v) => normalizeOrigin(v) === v,
      'origin (scheme://host[:port])',
    ),
  );
  const { min, max } = COOKIE_LIMITS.lifetimeDays;
  if (!Number.isInteger(site.consentLifetimeDays) || site.consentLifetimeDays < min || site.consentLifetimeDays > max) {
    issues.push(issue('consentLifetimeDays', 'INVALID_VALUE', `A whole number of days from ${min} to ${max}.`));
  }
  for (const lang of ['en', 'ja'] as const) {
    push(validateText(site.bannerTitle[lang], { field: `bannerTitle.${lang}`, maxLength: COOKIE_LIMITS.bannerTitle }));
    push(
      validateText(site.bannerText[lang], {
        field: `bannerText.${lang}`,
        maxLength: COOKIE_LIMITS.bannerText,
        multiline: true,
      }),
    );
  }
  return issues;
}

export type CookieDeclarationDraft = {
  name: string;
  domain: string;
  vendor: string;
  purpose: { en: string; ja: string };
  /** Null: until the browser session ends. */
  durationDays: number | null;
};

/** Checks a declared cookie or storage entry: name, host (leading dot allowed), vendor, purpose in both languages, duration. */
export function validateCookieDeclaration(d: CookieDeclarationDraft): Issue[] {
  const issues: Issue[] = [];
  const push = (i: Issue | null) => {
    if (i) issues.push(i);
  };
  push(validateText(d.name, { field: 'name', maxLength: COOKIE_LIMITS.declarationName }));
  const domain = validateText(d.domain, { field: 'domain', maxLength: COOKIE_LIMITS.host });
  if (domain) issues.push(domain);
  else if (!isHostName(d.domain, { leadingDot: true }))
    issues.push(issue('domain', 'INVALID_FORMAT', `"${d.domain}" is not a valid host name.`));
  push(validateText(d.vendor, { field: 'vendor', maxLength: COOKIE_LIMITS.vendor }));
  push(validateText(d.purpose.en, { field: 'purpose.en', maxLength: COOKIE_LIMITS.purpose, multiline: true }));
  push(validateText(d.purpose.ja, { field: 'purpose.ja', maxLength: COOKIE_LIMITS.purpose, multiline: true }));
  if (
    d.durationDays !== null &&
    (!Number.isInteger(d.durationDays) || d.durationDays < 0 || d.durationDays > COOKIE_LIMITS.durationDays)
  ) {
    issues.push(
      issue(
        'durationDays',
        'INVALID_VALUE',
        `A whole number of days from 0 to ${COOKIE_LIMITS.durationDays}, or none for a session.`,
      ),
    );
  }
  return issues;
}

/** Checks a category's wording: a label and a description in both languages. */
export function validateCookieCategoryText(t: {
  label: { en: string; ja: string };
  description: { en: string; ja: string };
}): Issue[] {
  return [
    validateText(t.label.en, { field: 'label.en', maxLength: COOKIE_LIMITS.label }),
    validateText(t.label.ja, { field: 'label.ja', maxLength: COOKIE_LIMITS.label }),
    validateText(t.description.en, {
      field: 'description.en',
      maxLength: COOKIE_LIMITS.categoryDescription,
      multiline: true,
    }),
    validateText(t.description.ja, {
      field: 'description.ja',
      maxLength: COOKIE_LIMITS.categoryDescription,
      multiline: true,
    }),
  ].filter((i): i is Issue => i !== null);
}

/**
 * A choice given as a list of `{ category, accepted }` pairs (the public API's shape) turned into a
 * record for validateCookieChoice. A category listed twice is a DUPLICATE issue at its index.
 */
export function choiceFromList(
  list: readonly { category: string; accepted: unknown }[],
  field = 'choices',
): { record: Record<string, unknown>; issues: Issue[] } {
  const record: Record<string, unknown> = {};
  const issues: Issue[] = [];
  list.forEach((entry, i) => {
    if (Object.hasOwn(record, entry.category))
      issues.push(issue(`${field}[${i}]`, 'DUPLICATE', `${entry.category} is listed twice.`));
    else record[entry.category] = entry.accepted;
  });
  return { record, issues };
}

/** The optional categories a withdrawal turns off: everything but the required ones. */
export function withdrawnChoice(): Record<CookieCategory, boolean> {
  return Object.fromEntries(COOKIE_CATEGORIES.map((c) => [c, COOKIE_CATEGORY_RULES[c].required])) as Record<
    CookieCategory,
    boolean
  >;
}
