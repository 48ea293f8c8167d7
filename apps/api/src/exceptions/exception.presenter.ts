import { effectiveStatus, exceptionAbilities, missingEvidence, type PurposeFact } from '@steward/policy-core';
import { presentIssue } from '../common/issue.presenter.js';
import type { Actor } from '../context.js';
import {
  EVIDENCE_FIELD,
  evidenceFacts,
  evidenceForOutput,
  shapeOf,
  toDraft,
  withInputPaths,
} from './exception-facts.js';
import type { PermittedException } from './permitted-exception.entity.js';
import type { ExceptionEvidenceType, PermittedExceptionType } from './exception.type.js';

/**
 * An exception as the admin sees it: its effective status at `now`, what it covers, and what its
 * evidence still lacks — all three as policy-core derives them. For an agreement in effect,
 * ExceptionService fills in the providers who withdrew since; what `caller` may do with it
 * (policy-core's exceptionAbilities). Needs recipient and the admin users populated.
 */
export function presentException(
  e: PermittedException,
  purposes: readonly PurposeFact[],
  now: Date,
  caller: Actor | null,
): PermittedExceptionType {
  const evidence: ExceptionEvidenceType = {
    law: null,
    providerAgreement: null,
    outsourcing: null,
    boardApproval: null,
  };
  (evidence as unknown as Record<string, unknown>)[EVIDENCE_FIELD[e.kind]] = evidenceForOutput(e.kind, e.evidence);
  return {
    id: e.id,
    kind: e.kind,
    title: e.title,
    status: effectiveStatus(toDraft(shapeOf(e)), now),
    evidence,
    scope: {
      purposeKeys: [...e.purposeKeys],
      categories: [...e.categories],
      allProviders: e.allProviders,
      providerIds: e.allProviders ? [] : [...e.providerIds],
      withdrawnProviderIds: [],
      recipient: e.recipient ? { id: e.recipient.id, name: e.recipient.name, kind: e.recipient.kind } : null,
    },
    missingEvidence: withInputPaths(e.kind, missingEvidence(e.kind, evidenceFacts(e.evidence), purposes)).map(
      presentIssue,
    ),
    validFrom: e.validFrom,
    validUntil: e.validUntil,
    authoredBy: e.authoredBy.displayName,
    authoredById: e.authoredBy.id,
    approvedBy: e.approvedBy?.displayName ?? null,
    approvedAt: e.approvedAt,
    revokedBy: e.revokedBy?.displayName ?? null,
    revokedAt: e.revokedAt,
    revocationReason: e.revocationReason,
    version: e.version,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    abilities: exceptionAbilities({ status: e.status, authorId: e.authoredBy.id }, caller),
  };
}
