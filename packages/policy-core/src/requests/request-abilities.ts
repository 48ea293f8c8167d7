import { callerCanWrite, type Caller } from '../abilities/caller.js';
import { issue, toValidation, type Issue, type Validation } from '../issues.js';
import { validateRequestWork, validateVerification, type RequestWorkFacts } from './request-rules.js';
import { allowedNextStatuses } from './request-status.js';
import { isClosedRequestStatus, type RequestStatus } from './request-vocabulary.js';

/**
 * May the request be linked to a provider (or to another one) now? Only before the requester's
 * identity is verified and while the request is RECEIVED or VERIFYING: once verified, in progress
 * or closed, the provider can no longer change (what was verified, disclosed or changed concerns
 * that provider). Issue: `status` (INVALID_TRANSITION).
 */
export function validateProviderLink(request: { status: RequestStatus; identityVerified: boolean }): Validation {
  const issues: Issue[] = [];
  if (request.identityVerified || request.status === 'IN_PROGRESS' || isClosedRequestStatus(request.status)) {
    issues.push(
      issue(
        'status',
        'INVALID_TRANSITION',
        'The identity is verified or the request closed: the provider can no longer change.',
      ),
    );
  }
  return toValidation(issues);
}

/** What the caller may do with one provider request now; the admin shows exactly these actions. */
export type RequestAbilities = {
  /** Link the request to a provider (or another one): validateProviderLink. */
  link: boolean;
  /** Record the identity verification: a linked provider, not verified yet, not in progress or closed. */
  verify: boolean;
  /** Move the status: some next status exists (allowedNextStatuses). */
  changeStatus: boolean;
  /** Produce the disclosure package: validateRequestWork(…, 'DISCLOSURE'). */
  disclose: boolean;
  /** Apply an amendment: validateRequestWork(…, 'AMENDMENT'). */
  amend: boolean;
  /** Record a cessation of use: validateRequestWork(…, 'CESSATION'). */
  cease: boolean;
};

const NOTHING: RequestAbilities = {
  link: false,
  verify: false,
  changeStatus: false,
  disclose: false,
  amend: false,
  cease: false,
};

/**
 * The caller's abilities on a request, from the same rules the API applies to each mutation: a
 * viewer or nobody may do nothing. `verify` is offered only while no verification is recorded
 * (validateVerification alone would let a recorded one be overwritten).
 */
export function requestAbilities(r: RequestWorkFacts, caller: Caller | null): RequestAbilities {
  if (!callerCanWrite(caller)) return { ...NOTHING };
  return {
    link: validateProviderLink(r).ok,
    verify: !r.identityVerified && validateVerification({ status: r.status, providerLinked: r.providerLinked }).ok,
    changeStatus: allowedNextStatuses(r.status).length > 0,
    disclose: validateRequestWork(r, 'DISCLOSURE').ok,
    amend: validateRequestWork(r, 'AMENDMENT').ok,
    cease: validateRequestWork(r, 'CESSATION').ok,
  };
}
