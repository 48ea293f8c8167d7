import { issue, toValidation, type Issue, type Validation } from '../issues.js';
import {
  COOKIE_CATEGORIES,
  COOKIE_CATEGORY_INFO,
  COOKIE_CATEGORY_RULES,
  isCookieCategory,
  type CookieCategory,
  type CookieChoice,
} from './cookie-categories.js';

/** The visitor's Global Privacy Control signal and whether the site honours it. */
export type GpcSignal = { gpc: boolean; honoursGpc: boolean };

const DAY = 86_400_000;

function fromEntries(f: (c: CookieCategory) => boolean): CookieChoice {
  return Object.fromEntries(COOKIE_CATEGORIES.map((c) => [c, f(c)])) as Record<CookieCategory, boolean>;
}

/**
 * The choice before the visitor decides: opt-in, so only required categories are on. GPC is
 * applied as well, which changes nothing here but keeps the rule in one place.
 */
export function defaultCookieChoice(signal: GpcSignal): CookieChoice {
  return applyGpc(
    fromEntries((c) => COOKIE_CATEGORY_RULES[c].required),
    signal,
  );
}

/** "Accept all": every category on, then GPC applied (where honoured, its categories stay off). */
export function acceptAllCookieChoice(signal: GpcSignal): CookieChoice {
  return applyGpc(
    fromEntries(() => true),
    signal,
  );
}

/** Whether a Global Privacy Control signal forces `category` off: the site honours it and GPC opts out of the category. */
export function gpcForcesOff(category: CookieCategory, signal: GpcSignal): boolean {
  return signal.gpc && signal.honoursGpc && COOKIE_CATEGORY_RULES[category].gpcOptOut;
}

/**
 * Applies a Global Privacy Control signal: where the site honours GPC, ANALYTICS and MARKETING are
 * forced off. FUNCTIONAL is left as chosen: GPC expresses "do not sell or share my data / do not
 * track me across sites", while functional cookies (language, remembered form settings) serve the
 * visitor on this site only and are not shared, so an explicit choice to keep them is respected.
 * Never turns a category on (and never touches STRICTLY_NECESSARY); idempotent; returns a copy.
 */
export function applyGpc(choice: CookieChoice, signal: GpcSignal): CookieChoice {
  return fromEntries((c) => !gpcForcesOff(c, signal) && choice[c]);
}

/**
 * Checks a submitted choice (e.g. from the banner). Issues, in this order: each category in
 * COOKIE_CATEGORIES order (`REQUIRED` when missing, `INVALID_VALUE` when not a boolean,
 * `REQUIRED_CATEGORY_REFUSED` when a required category is false), then unknown keys in
 * code-unit order (`UNKNOWN_CATEGORY`). A non-object is one `INVALID_VALUE` for field `choice`.
 */
export function validateCookieChoice(choice: unknown): Validation {
  if (typeof choice !== 'object' || choice === null || Array.isArray(choice)) {
    return toValidation([
      issue('choice', 'INVALID_VALUE', 'A cookie choice is an object with one boolean per category.'),
    ]);
  }
  const record = choice as Record<string, unknown>;
  const issues: Issue[] = [];
  for (const c of COOKIE_CATEGORIES) {
    const label = COOKIE_CATEGORY_INFO[c].label.en;
    if (!Object.hasOwn(record, c) || record[c] === undefined) {
      issues.push(issue(c, 'REQUIRED', `Choose on or off for ${label} cookies.`));
    } else if (typeof record[c] !== 'boolean') {
      issues.push(issue(c, 'INVALID_VALUE', `The choice for ${label} cookies must be true or false.`));
    } else if (COOKIE_CATEGORY_RULES[c].required && record[c] === false) {
      issues.push(
        issue(
          c,
          'REQUIRED_CATEGORY_REFUSED',
          `${label} cookies are required for the site to work and cannot be refused.`,
        ),
      );
    }
  }
  const unknown = Object.keys(record)
    .filter((k) => !isCookieCategory(k))
    .sort();
  for (const k of unknown) issues.push(issue(k, 'UNKNOWN_CATEGORY', `"${k}" is not a cookie category.`));
  return toValidation(issues);
}

/**
 * Whether a recorded choice has lapsed and the banner must ask again: expired once `lifetimeDays`
 * 24-hour days have elapsed since `recordedAt` (at exactly that instant it is expired). Elapsed time,
 * not calendar days, like a cookie's Max-Age. Lifetime 0 means "ask every time".
 * Throws a RangeError for an invalid Date or a negative or non-finite lifetime.
 */
export function isChoiceExpired(recordedAt: Date, lifetimeDays: number, at: Date): boolean {
  const recorded = recordedAt.getTime();
  const now = at.getTime();
  if (Number.isNaN(recorded) || Number.isNaN(now)) throw new RangeError('`recordedAt` and `at` must be valid Dates.');
  if (!Number.isFinite(lifetimeDays) || lifetimeDays < 0)
    throw new RangeError('`lifetimeDays` must be a finite number, 0 or more.');
  return now >= recorded + lifetimeDays * DAY;
}
