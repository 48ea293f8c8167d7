import { callerCanWrite, type Caller } from '../abilities/caller.js';
import type { Issue } from '../issues.js';
import type { ExceptionStatus } from './exception-evidence.js';
import { approverIssues } from './exception-lifecycle.js';

/** What the abilities of an exception depend on: its stored status and who last shaped it. */
export type ExceptionAbilityFacts = { status: ExceptionStatus; authorId: string };

/** What the caller may do with one exception now; the admin shows exactly these actions. */
export type ExceptionAbilities = {
  /** Change the draft (and become its author). */
  edit: boolean;
  /** Activate the draft: a second person (four eyes), an owner or a privacy officer. */
  approve: boolean;
  /** Revoke the approved exception; it stops counting at once. */
  revoke: boolean;
};

/** Only a draft can be edited (an approved exception is changed by revoking it and drafting anew). */
export function mayEditException(status: ExceptionStatus): boolean {
  return status === 'DRAFT';
}

/**
 * Only an approved (stored ACTIVE) exception can be revoked — whether it is in effect yet, still
 * or no longer (not yet valid, expired); a draft is simply never approved, a revoked one stays revoked.
 */
export function mayRevokeException(status: ExceptionStatus): boolean {
  return status === 'ACTIVE';
}

/**
 * The caller's abilities on an exception: nothing for a viewer or nobody; `edit` a draft; `approve`
 * a draft they did not author (validateActivation's status, four-eyes and role checks — whether the
 * evidence is complete is shown as the exception's missing evidence, not as an ability); `revoke`
 * an approved one.
 */
export function exceptionAbilities(e: ExceptionAbilityFacts, caller: Caller | null): ExceptionAbilities {
  if (!callerCanWrite(caller)) return { edit: false, approve: false, revoke: false };
  const refusals: Issue[] = approverIssues(e, caller.userId, caller.role);
  return { edit: mayEditException(e.status), approve: refusals.length === 0, revoke: mayRevokeException(e.status) };
}
