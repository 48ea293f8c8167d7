import { issue, toValidation, type Issue, type Validation } from '../issues.js';
import type { PurposeFact } from '../use/may-use-for-purpose.js';
import { validatePurposeKey } from '../use/purpose-key.js';
import type { AdminRole } from '../vocabulary/roles.js';
import {
  agreementIssues,
  missingEvidence,
  type AgreementEventFact,
  EXCEPTION_STATUSES,
  type PermittedExceptionDraft,
  type PermittedExceptionFact,
} from './exception-evidence.js';
import { isValidDate } from './valid-date.js';

/** Roles that may approve (activate) an exception; never the exception's own author. */
export const EXCEPTION_APPROVER_ROLES = ['OWNER', 'PRIVACY_OFFICER'] as const satisfies readonly AdminRole[];

/** The status at a moment: the stored lifecycle plus `NOT_YET_VALID` before `validFrom`. */
export const EFFECTIVE_EXCEPTION_STATUSES = [...EXCEPTION_STATUSES, 'NOT_YET_VALID'] as const;
export type EffectiveExceptionStatus = (typeof EFFECTIVE_EXCEPTION_STATUSES)[number];

/**
 * The status of an exception at `at`; only `ACTIVE` lets it count. Derived from the times, so the
 * same facts answer "was it in effect when that provision happened?":
 * 1. `DRAFT` stays DRAFT; an approved status without `approvedAt`, or `at` before approval, is DRAFT.
 * 2. `REVOKED` once `revokedAt <= at` (a stored REVOKED without `revokedAt` is always REVOKED).
 * 3. `EXPIRED` once `validUntil <= at` (a stored EXPIRED without `validUntil` is always EXPIRED).
 * 4. `NOT_YET_VALID` while `at < validFrom`; otherwise `ACTIVE`.
 * Revocation and expiry bite at the exact instant. Invalid dates fail closed (an invalid
 * `revokedAt` counts as revoked, `validUntil` as expired, `validFrom` as not yet valid,
 * `approvedAt` as never approved). An invalid `at` throws a RangeError.
 */
export function effectiveStatus(
  exception: PermittedExceptionDraft | PermittedExceptionFact,
  at: Date,
): EffectiveExceptionStatus {
  const t = at.getTime();
  if (Number.isNaN(t)) throw new RangeError('`at` is an invalid Date.');
  const { status, approvedAt, revokedAt, validFrom, validUntil } = exception;
  if (status === 'DRAFT' || approvedAt === null || !(approvedAt.getTime() <= t)) return 'DRAFT';
  if (revokedAt !== null && !(revokedAt.getTime() > t)) return 'REVOKED';
  if (status === 'REVOKED' && revokedAt === null) return 'REVOKED';
  if (validUntil !== null && !(validUntil.getTime() > t)) return 'EXPIRED';
  if (status === 'EXPIRED' && validUntil === null) return 'EXPIRED';
  if (!(validFrom.getTime() <= t)) return 'NOT_YET_VALID';
  return 'ACTIVE';
}

/** Whether the exception counts at `at` (its effective status is ACTIVE). */
export function isInEffect(exception: PermittedExceptionDraft | PermittedExceptionFact, at: Date): boolean {
  return effectiveStatus(exception, at) === 'ACTIVE';
}

export type ActivationInput = {
  exception: PermittedExceptionDraft;
  approverId: string;
  approverRole: AdminRole;
  /** The moment of approval; becomes `approvedAt`. */
  at: Date;
  /** The stated purposes, to check an OUTSOURCING exception's served purpose and categories. */
  purposes: readonly PurposeFact[];
  /**
   * The stored consent events among those a PROVIDER_AGREEMENT exception cites (agreementIssues);
   * absent: not checked.
   */
  consentEvents?: readonly AgreementEventFact[];
};

function scopeIssues(e: PermittedExceptionDraft): Issue[] {
  const issues: Issue[] = [];
  const { scope } = e;
  if (scope.purposeKeys.length === 0) issues.push(issue('scope.purposeKeys', 'REQUIRED', 'Name at least one purpose.'));
  // Stated or not, a purpose is named by a well-formed key (decisions ask about it by that key).
  scope.purposeKeys.forEach((key, i) => {
    const problem = validatePurposeKey(key, `scope.purposeKeys[${i}]`);
    if (problem) issues.push(problem);
  });
  if (scope.categories.length === 0)
    issues.push(issue('scope.categories', 'REQUIRED', 'Name at least one data category.'));
  if (scope.providerIds !== 'ALL' && scope.providerIds.length === 0) {
    issues.push(issue('scope.providerIds', 'REQUIRED', 'Name at least one provider, or ALL.'));
  }
  if (e.kind === 'PROVIDER_AGREEMENT' && scope.providerIds === 'ALL') {
    issues.push(
      issue(
        'scope.providerIds',
        'SCOPE_MISMATCH',
        "A provider's agreement covers only the providers who agreed, not ALL.",
      ),
    );
  }
  if (e.kind === 'OUTSOURCING') {
    const ev = e.evidence ?? {};
    if (scope.recipientId === null) {
      issues.push(
        issue('scope.recipientId', 'REQUIRED', 'Outsourcing provides data to a contractor: name the recipient.'),
      );
    } else if (ev.recipientId !== undefined && scope.recipientId !== ev.recipientId) {
      issues.push(
        issue(
          'scope.recipientId',
          'SCOPE_MISMATCH',
          `The contract is with "${ev.recipientId}", not "${scope.recipientId}".`,
        ),
      );
    }
    if (ev.servesPurposeKey !== undefined && scope.purposeKeys.some((k) => k !== ev.servesPurposeKey)) {
      issues.push(issue('scope.purposeKeys', 'SCOPE_MISMATCH', `Outsourcing serves only "${ev.servesPurposeKey}".`));
    }
    if (Array.isArray(ev.categories)) {
      scope.categories.forEach((c, i) => {
        if (!ev.categories!.includes(c)) {
          issues.push(issue(`scope.categories[${i}]`, 'SCOPE_MISMATCH', `The contract does not cover ${c}.`));
        }
      });
    }
  }
  return issues;
}

/** Evidence dates are calendar days; the world's earliest time zone (UTC+14) may already be on the next one. */
const EARLIEST_ZONE_MS = 14 * 3_600_000;

/**
 * An exception rests on something that has happened: the order or document a LAW exception cites
 * must be issued, the meeting a BOARD_APPROVAL cites must have taken place, by the approval.
 */
function evidenceDateIssues(e: PermittedExceptionDraft, at: Date): Issue[] {
  if (!isValidDate(at)) return [];
  const late = (value: unknown) => isValidDate(value) && value.getTime() > at.getTime() + EARLIEST_ZONE_MS;
  if (e.kind === 'LAW' && late(e.evidence?.issuedOn)) {
    return [
      issue(
        'evidence.issuedOn',
        'NOT_YET_HAPPENED',
        'The order or document is dated in the future: approve the exception once it has been issued.',
      ),
    ];
  }
  if (e.kind === 'BOARD_APPROVAL' && late(e.evidence?.meetingDate)) {
    return [
      issue(
        'evidence.meetingDate',
        'NOT_YET_HAPPENED',
        'The meeting has not taken place yet: approve the exception once the meeting has approved it.',
      ),
    ];
  }
  return [];
}

/**
 * Who may activate what, before the evidence is looked at: `status` (only a DRAFT,
 * INVALID_TRANSITION), `approverId` (REQUIRED; SELF_APPROVAL when it is the author: four eyes),
 * `approverRole` (ROLE_NOT_ALLOWED unless OWNER or PRIVACY_OFFICER). The first checks of
 * validateActivation, and the `approve` ability (exceptionAbilities).
 */
export function approverIssues(
  e: { status: PermittedExceptionDraft['status']; authorId: string },
  approverId: string,
  approverRole: AdminRole,
): Issue[] {
  const issues: Issue[] = [];
  if (e.status !== 'DRAFT') {
    issues.push(issue('status', 'INVALID_TRANSITION', `Only a draft can be activated; this one is ${e.status}.`));
  }
  if (approverId.trim() === '') issues.push(issue('approverId', 'REQUIRED', 'The approver is required.'));
  else if (approverId === e.authorId) {
    issues.push(
      issue('approverId', 'SELF_APPROVAL', 'The author cannot approve their own exception: a second person must.'),
    );
  }
  if (!(EXCEPTION_APPROVER_ROLES as readonly string[]).includes(approverRole)) {
    issues.push(
      issue('approverRole', 'ROLE_NOT_ALLOWED', 'Only an owner or a privacy officer can approve an exception.'),
    );
  }
  return issues;
}

/**
 * May this draft be activated now by this approver? Reports, in this order: `status` (only a DRAFT,
 * INVALID_TRANSITION), `approverId` (REQUIRED; SELF_APPROVAL when it is the author: four eyes),
 * `approverRole` (ROLE_NOT_ALLOWED unless OWNER or PRIVACY_OFFICER), the evidence
 * (`missingEvidence` with `purposes`; a LAW document or BOARD_APPROVAL meeting dated after the
 * approval, NOT_YET_HAPPENED — a draft may be prepared ahead of it), the scope (non-empty lists; well-formed purpose keys,
 * `validatePurposeKey`; OUTSOURCING scope within its contract; PROVIDER_AGREEMENT not for ALL
 * providers), with `consentEvents` the agreement's evidence against its scope (agreementIssues),
 * then `validFrom` (a valid date) and `validUntil` (null, or after both `validFrom` and `at`).
 */
export function validateActivation(input: ActivationInput): Validation {
  const { exception: e, approverId, approverRole, at, purposes } = input;
  const issues: Issue[] = approverIssues(e, approverId, approverRole);
  issues.push(...missingEvidence(e.kind, e.evidence, purposes));
  issues.push(...evidenceDateIssues(e, at));
  issues.push(...scopeIssues(e));
  if (input.consentEvents !== undefined) issues.push(...agreementIssues(e, input.consentEvents));
  const atValid = isValidDate(at);
  if (!atValid) issues.push(issue('at', 'INVALID_VALUE', 'Must be a valid date.'));
  if (!isValidDate(e.validFrom)) issues.push(issue('validFrom', 'INVALID_VALUE', 'Must be a valid date.'));
  if (e.validUntil !== null) {
    if (!isValidDate(e.validUntil)) {
      issues.push(issue('validUntil', 'INVALID_VALUE', 'Must be a valid date or empty.'));
    } else if (isValidDate(e.validFrom) && e.validUntil.getTime() <= e.validFrom.getTime()) {
      issues.push(issue('validUntil', 'INVALID_VALUE', 'Must be after the start of validity.'));
    } else if (atValid && e.validUntil.getTime() <= at.getTime()) {
      issues.push(
        issue('validUntil', 'INVALID_VALUE', 'Must be in the future: this exception would already be expired.'),
      );
    }
  }
  return toValidation(issues);
}
