import { normalizeLineBreaks, validateDataItemValue, validateText } from '../fields/field-formats.js';
import { issue, toValidation, type Issue, type Validation } from '../issues.js';
import type { CollectionChannel } from '../vocabulary/channels.js';
import type { ConsentMethod } from '../vocabulary/consent.js';
import { DATA_CATEGORIES, type DataCategory } from '../vocabulary/data-categories.js';
import { memberOf } from '../vocabulary/guard.js';
import {
  isClosedRequestStatus,
  isRequestKind,
  type RequestChannel,
  type RequestKind,
  type RequestStatus,
} from './request-vocabulary.js';

/** Bounds on what a requester and staff may write into a request (code points / entries). */
export const REQUEST_LIMITS = {
  requesterName: 120,
  contact: 254,
  details: 4000,
  cookieConsentId: 64,
  cookieConsentIds: 10,
  note: 1000,
  amendmentChanges: 50,
} as const;

/** A cookie-banner consent id as the banner shows it: letters, digits, '-' and '_'. */
const COOKIE_CONSENT_ID = /^[A-Za-z0-9_-]{8,64}$/;

export type RequestSubmission = {
  kind: string;
  requesterName: string;
  contact: string;
  details?: string | null;
  cookieConsentIds?: readonly string[] | null;
};

/**
 * Checks a request as a provider submits it on the public form (or staff enter it): a known kind,
 * a name and a way to reach the requester on one line each, optional details (multi-line), and up
 * to ten cookie-consent ids copied from the cookie banner. Every problem is reported; nothing
 * hostile (control or text-direction characters, oversized text) passes. Normalise line breaks in
 * `details` with normalizeLineBreaks first.
 */
export function validateRequestSubmission(input: RequestSubmission): Validation {
  const issues: Issue[] = [];
  if (!isRequestKind(input.kind))
    issues.push(issue('kind', 'INVALID_VALUE', 'Choose disclosure, amendment or cessation of use.'));
  const name = validateText(input.requesterName, { field: 'requesterName', maxLength: REQUEST_LIMITS.requesterName });
  if (name) issues.push(name);
  const contact = validateText(input.contact, { field: 'contact', maxLength: REQUEST_LIMITS.contact });
  if (contact) issues.push(contact);
  const details = validateText(input.details ?? null, {
    field: 'details',
    maxLength: REQUEST_LIMITS.details,
    required: false,
    multiline: true,
  });
  if (details) issues.push(details);
  const ids = input.cookieConsentIds ?? [];
  if (ids.length > REQUEST_LIMITS.cookieConsentIds) {
    issues.push(
      issue('cookieConsentIds', 'TOO_LONG', `At most ${REQUEST_LIMITS.cookieConsentIds} cookie consent ids.`, {
        max: REQUEST_LIMITS.cookieConsentIds,
      }),
    );
  } else {
    ids.forEach((id, i) => {
      if (!COOKIE_CONSENT_ID.test(id)) {
        issues.push(
          issue(`cookieConsentIds[${i}]`, 'INVALID_FORMAT', 'Copy the id exactly as the cookie banner shows it.'),
        );
      }
    });
  }
  return toValidation(issues);
}

/** The same text, trimmed and with CRLF normalised: what is checked and stored. */
export function normalizeSubmission<T extends RequestSubmission>(input: T): T {
  return {
    ...input,
    requesterName: input.requesterName.trim(),
    contact: input.contact.trim(),
    details: input.details == null ? null : normalizeLineBreaks(input.details).trim() || null,
    cookieConsentIds: [...new Set((input.cookieConsentIds ?? []).map((id) => id.trim()))],
  };
}

/** The work done on a request once the requester is known to be the provider. */
export type RequestWork = 'DISCLOSURE' | 'AMENDMENT' | 'CESSATION';

export type RequestWorkFacts = {
  kind: RequestKind;
  status: RequestStatus;
  /** A provider is linked to the request. */
  providerLinked: boolean;
  identityVerified: boolean;
};

/**
 * Whether `work` may be done for this request now: it must be of that kind, linked to a provider,
 * the requester's identity verified, and the request IN_PROGRESS (a disclosure package may be
 * produced again once COMPLETED, e.g. to reprint it). Nothing is disclosed or changed for an
 * impostor. Issues in order: `kind`, `providerId`, `identityVerified`, `status`.
 */
export function validateRequestWork(request: RequestWorkFacts, work: RequestWork): Validation {
  const issues: Issue[] = [];
  if (request.kind !== work) {
    issues.push(
      issue(
        'kind',
        'INVALID_VALUE',
        `This is a ${request.kind.toLowerCase()} request, not a ${work.toLowerCase()} request.`,
      ),
    );
  }
  if (!request.providerLinked) {
    issues.push(issue('providerId', 'REQUIRED', 'Link the request to the provider it concerns first.'));
  }
  if (!request.identityVerified) {
    issues.push(issue('identityVerified', 'IDENTITY_NOT_VERIFIED', "Verify the requester's identity first."));
  }
  const statusOk = request.status === 'IN_PROGRESS' || (work === 'DISCLOSURE' && request.status === 'COMPLETED');
  if (!statusOk) {
    issues.push(
      issue(
        'status',
        'INVALID_TRANSITION',
        `The request is ${request.status.toLowerCase().replace('_', ' ')}; move it to in progress first.`,
      ),
    );
  }
  return toValidation(issues);
}

/**
 * Identity is verified for an open request that is linked to a provider; a closed one is final.
 * Issues: `providerId` (REQUIRED), `status` (INVALID_TRANSITION).
 */
export function validateVerification(request: { status: RequestStatus; providerLinked: boolean }): Validation {
  const issues: Issue[] = [];
  if (!request.providerLinked)
    issues.push(issue('providerId', 'REQUIRED', 'Link the request to the provider whose identity is verified.'));
  if (isClosedRequestStatus(request.status)) {
    issues.push(issue('status', 'INVALID_TRANSITION', 'The request is closed.'));
  } else if (request.status === 'IN_PROGRESS') {
    issues.push(
      issue('status', 'INVALID_TRANSITION', 'The identity was verified already: the request is in progress.'),
    );
  }
  return toValidation(issues);
}

export const REQUEST_URGENCIES = ['OVERDUE', 'DUE_SOON', 'ON_TRACK', 'CLOSED'] as const;
export type RequestUrgency = (typeof REQUEST_URGENCIES)[number];
export const isRequestUrgency = memberOf(REQUEST_URGENCIES);

/** Open requests due within this many days count as DUE_SOON. */
export const DUE_SOON_DAYS = 3;

/**
 * How urgent a request is at `at`: CLOSED once completed or rejected, OVERDUE after its due instant
 * (see isOverdue), DUE_SOON when due within `soonDays` × 24 hours, ON_TRACK otherwise.
 */
export function requestUrgency(
  request: { status: RequestStatus; dueAt: Date },
  at: Date,
  soonDays: number = DUE_SOON_DAYS,
): RequestUrgency {
  if (isClosedRequestStatus(request.status)) return 'CLOSED';
  const left = request.dueAt.getTime() - at.getTime();
  if (Number.isNaN(left)) throw new RangeError('Invalid date.');
  if (left < 0) return 'OVERDUE';
  return left <= soonDays * 86_400_000 ? 'DUE_SOON' : 'ON_TRACK';
}

/** One change of an amendment: a new value for an item, a new item of a category, or a removal. */
export type AmendmentChange = {
  /** The item to change or remove; null adds a new item of `category`. */
  itemId: string | null;
  category: DataCategory;
  /** The new value; null removes the item. */
  value: string | null;
};

/**
 * Checks an amendment against the provider's items (id → category): at least one change, at most
 * REQUEST_LIMITS.amendmentChanges; each names an existing item of the same category (or adds one
 * with a value), each item at most once, and every new value passes its category's format
 * (validateDataItemValue). Issues are reported per change as `changes[i].…`.
 */
export function validateAmendment(
  changes: readonly AmendmentChange[],
  items: ReadonlyMap<string, DataCategory>,
): Validation {
  const issues: Issue[] = [];
  if (changes.length === 0) return toValidation([issue('changes', 'NO_CHANGE', 'Give at least one change.')]);
  if (changes.length > REQUEST_LIMITS.amendmentChanges) {
    return toValidation([
      issue('changes', 'TOO_LONG', `At most ${REQUEST_LIMITS.amendmentChanges} changes at once.`, {
        max: REQUEST_LIMITS.amendmentChanges,
      }),
    ]);
  }
  const seen = new Set<string>();
  changes.forEach((change, i) => {
    const at = `changes[${i}]`;
    if (!(DATA_CATEGORIES as readonly string[]).includes(change.category)) {
      issues.push(issue(`${at}.category`, 'UNKNOWN_CATEGORY', 'Unknown data category.'));
      return;
    }
    if (change.itemId !== null) {
      const category = items.get(change.itemId);
      if (category === undefined) {
        issues.push(issue(`${at}.itemId`, 'INVALID_VALUE', 'The provider has no such item.'));
        return;
      }
      if (category !== change.category) {
        issues.push(issue(`${at}.category`, 'INVALID_VALUE', `The item is ${category}, not ${change.category}.`));
      }
      if (seen.has(change.itemId))
        issues.push(issue(`${at}.itemId`, 'DUPLICATE', 'Each item may be changed once per amendment.'));
      seen.add(change.itemId);
    } else if (change.value === null) {
      issues.push(issue(`${at}.itemId`, 'REQUIRED', 'Name the item to remove.'));
    }
    if (change.value !== null) {
      const problem = validateDataItemValue(change.category, change.value, `${at}.value`);
      if (problem) issues.push(problem);
    }
  });
  return toValidation(issues);
}

/** How an item added by an amendment was collected: through the channel the request came by. */
export const REQUEST_CHANNEL_COLLECTION: Readonly<Record<RequestChannel, CollectionChannel>> = {
  WEB_FORM: 'WEB_FORM',
  POST: 'PAPER_FORM',
  TELEPHONE: 'TELEPHONE',
  FAX: 'PAPER_FORM',
  EMAIL: 'EMAIL',
  IN_PERSON: 'PAPER_FORM',
};

/** How a withdrawal made by a cessation request was expressed. */
export const REQUEST_CHANNEL_CONSENT_METHOD: Readonly<Record<RequestChannel, ConsentMethod>> = {
  WEB_FORM: 'WEB_CHECKBOX',
  POST: 'SIGNED_FORM',
  TELEPHONE: 'VERBAL',
  FAX: 'SIGNED_FORM',
  EMAIL: 'EMAIL_REPLY',
  IN_PERSON: 'VERBAL',
};

export type CompletionFacts = {
  kind: RequestKind;
  /** A disclosure package was produced for it. */
  packageProduced: boolean;
  /** An amendment or cessation was applied for it. */
  workApplied: boolean;
  /** What was done, in the handler's words. */
  resolution?: string | null;
};

/**
 * What completing a request needs on top of validateStatusChange: a disclosure is answered by its
 * package; an amendment or cessation by the changes applied, or else a resolution saying why none
 * were needed (e.g. the data was already correct). Issue: `status` or `reason` (REQUIRED).
 */
export function validateCompletion(facts: CompletionFacts): Validation {
  if (facts.kind === 'DISCLOSURE' && !facts.packageProduced) {
    return toValidation([issue('status', 'REQUIRED', 'Produce the disclosure package before completing the request.')]);
  }
  if (facts.kind !== 'DISCLOSURE' && !facts.workApplied && (facts.resolution ?? '').trim() === '') {
    return toValidation([issue('reason', 'REQUIRED', 'Apply the changes, or say why none were needed.')]);
  }
  return toValidation([]);
}
