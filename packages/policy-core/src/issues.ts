import type { MessageParams } from './messages/format.js';
import { memberOf } from './vocabulary/guard.js';

/** Every code a policy-core validation can report; clients switch on these, never on messages. */
export const ISSUE_CODES = [
  'REQUIRED',
  'TOO_LONG',
  'TOO_SHORT',
  'INVALID_FORMAT',
  'CONTROL_CHARACTERS',
  'DUPLICATE',
  'UNKNOWN_PURPOSE',
  'RETIRED_PURPOSE',
  'NO_PURPOSE',
  'CONSENT_MISSING',
  'CATEGORY_NOT_NEEDED',
  'CATEGORY_ONLY_FOR_REFUSED_PURPOSE',
  'POLICY_VERSION_NOT_CURRENT',
  'NO_ITEMS',
  'NO_CHANGE',
  'NOT_GRANTED',
  'PROVENANCE_REQUIRED',
  // Added beyond the contract's minimum list:
  'INVALID_TRANSITION',
  'INVALID_VALUE',
  // requests/, cookies/:
  'IDENTITY_NOT_VERIFIED',
  'UNKNOWN_CATEGORY',
  'REQUIRED_CATEGORY_REFUSED',
  // exceptions/: activation roles, four-eyes, scope against evidence.
  'ROLE_NOT_ALLOWED',
  'SELF_APPROVAL',
  'SCOPE_MISMATCH',
  // Evidence of something that has not happened yet (an order not issued, a meeting not held): fine in a draft, not for approval.
  'NOT_YET_HAPPENED',
  // accounts/: the organisation keeps an active owner; an owner does not act on their own account here.
  'LAST_OWNER',
  'SELF_ACTION',
  // A password long enough but easy to guess (common, a pattern, the account's own name or e-mail).
  'WEAK_PASSWORD',
  // import/: a cell a spreadsheet would run as a formula (=, +, -, @ and not a telephone number).
  'FORMULA',
  // ledger/: a signed tree head whose signature does not verify, or that names more entries than the ledger holds.
  'BAD_SIGNATURE',
  'AHEAD_OF_LEDGER',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];
export const isIssueCode = memberOf(ISSUE_CODES);

/**
 * One problem with one input. `field` is a path such as "items[2].value" or "purposes". `message`
 * is a specific English sentence; the catalogue's `issue.<code>` (messages/) is the generic phrase
 * in every language, with `params` as its arguments where the issue has any.
 */
export type Issue = { field: string; code: IssueCode; message: string; params?: MessageParams };

export type Validation = { ok: true } | { ok: false; issues: Issue[] };

export function issue(field: string, code: IssueCode, message: string, params?: MessageParams): Issue {
  return params === undefined ? { field, code, message } : { field, code, message, params };
}

/** Folds a list of issues into a Validation: ok only when the list is empty. */
export function toValidation(issues: readonly Issue[]): Validation {
  return issues.length === 0 ? { ok: true } : { ok: false, issues: [...issues] };
}
