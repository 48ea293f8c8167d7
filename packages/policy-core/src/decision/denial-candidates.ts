import type { PermittedExceptionFact } from '../exceptions/exception-evidence.js';
import { effectiveStatus } from '../exceptions/exception-lifecycle.js';
import type { DecisionAction } from './decision.js';

/** What a denial is about: the one request, at the moment it was decided. */
export type DenialRequest = {
  action: DecisionAction;
  purposeKey: string;
  /** The recipient of a PROVIDE; null for a USE. */
  recipientId: string | null;
  at: Date;
};

/**
 * Whether a denial of `request` names this exception among its reasons: only the exceptions that
 * were candidates for this very request, never the organisation's whole list (a reader of the
 * denial — an internal system, a member of staff at the decision tester — learns why this request
 * failed and nothing about unrelated arrangements).
 *
 * - A draft never is: it was never in force.
 * - One in effect at `at` is a candidate when it names the request's purpose, or (PROVIDE) its
 *   recipient: it then failed on something else — the provider, a category, the recipient or
 *   internal-use-only scope, the purpose, a withdrawn agreement — and the denial says which.
 * - One revoked, expired or not yet valid at `at` is a candidate only when it was made for exactly
 *   this: it names the purpose and, for a PROVIDE, the recipient. Then "it was revoked" or "it
 *   expired" is why this request fails; an ended arrangement for another purpose or recipient says
 *   nothing about it.
 *
 * The decision itself still weighs every exception (decide()); this only picks whose reasons it shows.
 */
export function isDenialCandidate(exception: PermittedExceptionFact, request: DenialRequest): boolean {
  const status = effectiveStatus(exception, request.at);
  if (status === 'DRAFT') return false;
  const { scope } = exception;
  const namesPurpose = scope.purposeKeys.includes(request.purposeKey);
  const namesRecipient =
    request.action === 'PROVIDE' && request.recipientId !== null && scope.recipientId === request.recipientId;
  if (status === 'ACTIVE') return namesPurpose || namesRecipient;
  return namesPurpose && (request.action === 'USE' || namesRecipient);
}
