import type { SqlEntityManager } from '@mikro-orm/knex';
import {
  consentFor,
  decide,
  unstatedPurpose,
  validatePurposeKey,
  type ConsentAction,
  type DataCategory,
  type Decision,
  type Localized,
  type Issue,
  type PermittedExceptionFact,
  type PurposeFact,
} from '@steward/policy-core';
import { BadInputError, NotFoundError } from '../common/errors.js';
import type { AppDeps, Caller } from '../context.js';
import { fromDbBoolean, fromDbDate } from '../common/sql/dialect.js';
import { toDraft } from '../exceptions/exception-facts.js';
import type { StoredEvidence } from '../exceptions/permitted-exception.entity.js';
import { recordGrouped } from '../ledger/grouped-record.js';
import { payloadHashOf } from '../ledger/ledger.service.js';
import { loadDecisionFacts } from './decision-facts.js';
import type { DecisionRequestInput } from './decision.inputs.js';
import { isUuid } from '../common/ids.js';

/** Size bounds of a decision request (checked here: the input skips class-validator, decision.inputs.ts). */
export const DECISION_INPUT_BOUNDS = { providerId: 100, purposeKey: 1000, recipientId: 100, categories: 20 } as const;

function checkBounds(input: DecisionRequestInput): void {
  const issues: Issue[] = [];
  for (const field of ['providerId', 'purposeKey', 'recipientId'] as const) {
    const value = input[field];
    if (value != null && value.length > DECISION_INPUT_BOUNDS[field]) {
      issues.push({ field, code: 'TOO_LONG', message: `At most ${DECISION_INPUT_BOUNDS[field]} characters` });
    }
  }
  if (input.categories.length > DECISION_INPUT_BOUNDS.categories) {
    issues.push({
      field: 'categories',
      code: 'TOO_LONG',
      message: `At most ${DECISION_INPUT_BOUNDS.categories} categories`,
    });
  }
  if (issues.length) throw new BadInputError(issues);
}

export interface RecordedDecision {
  decision: Decision;
  decidedAt: Date;
  ledgerSequence: number;
  /** The stored evidence of the basis exception (from the facts already read), null for other bases. */
  basisEvidence: StoredEvidence | null;
  /** The stated purpose's key and titles, to name it in the reader's language; null for an unstated key. */
  purpose: { key: string; titles: Localized } | null;
}

/**
 * An agreement's evidence as one provider's decision cites it: only the consent events of theirs
 * that carry it (the agreement's other providers' events are none of this decision's business).
 * Other evidence is returned as it is.
 */
function ownAgreement(evidence: StoredEvidence, standingGrantIds: readonly string[]): StoredEvidence {
  const cited = evidence.consentEventIds;
  if (!Array.isArray(cited)) return evidence;
  return { ...evidence, consentEventIds: cited.filter((id) => standingGrantIds.includes(id as string)) };
}

/**
 * Answers "may this use these categories of this provider for this purpose, or provide them to
 * this recipient?" with policy-core's decide() over facts loaded here, and records the answer —
 * allowed or denied — in the ledger with the policy version in force, in one transaction.
 */
export class DecisionService {
  constructor(
    private readonly em: SqlEntityManager,
    private readonly caller: Caller,
    private readonly deps: AppDeps,
  ) {}

  /**
   * Facts are read in one lean statement, the decision is taken, and its ledger entry is written in a
   * group commit: a decision is taken per use or hand-over, so it must cost little more than the
   * request that asks for it (bench/README.md). The answer is returned only once it is recorded.
   * The ledger entry is the whole record (actor included): a decision reads no personal value and
   * changes nothing, so it writes no audit entry besides.
   */
  async decide(input: DecisionRequestInput): Promise<RecordedDecision> {
    checkBounds(input);
    const providerId = isUuid(input.providerId) ? input.providerId.toLowerCase() : null;
    if (!providerId) throw new NotFoundError('Provider', 'input.providerId');
    const recipientInput = input.recipientId?.trim().toLowerCase() || null;
    const recipientId = recipientInput && isUuid(recipientInput) ? recipientInput : null;
    const facts = await loadDecisionFacts(this.em, { providerId, purposeKey: input.purposeKey, recipientId });
    if (!facts.providerExists) throw new NotFoundError('Provider', 'input.providerId');
    // A key the policy does not state is a use outside the stated purposes: policy-core decides it
    // (only an exception in effect that names it can allow it). A malformed key names nothing.
    let purpose: PurposeFact;
    if (facts.purpose) {
      const p = facts.purpose;
      purpose = {
        key: p.key,
        title: p.title,
        categories: p.categories,
        retired: p.retired,
        consentFromVersion: p.consentFromVersion,
      };
    } else {
      const malformed = validatePurposeKey(input.purposeKey, 'purposeKey');
      if (malformed) throw new BadInputError([malformed]);
      purpose = unstatedPurpose(input.purposeKey);
    }
    if (recipientInput && !facts.recipientExists) throw new NotFoundError('Recipient', 'input.recipientId');
    if (!facts.policy) throw new NotFoundError('Published policy version');
    const categories = [...new Set(input.categories)];
    const provider = { id: providerId };
    const at = this.deps.now();
    const decision = decide({
      action: input.action,
      providerId: provider.id,
      providerReference: facts.providerReference,
      purpose,
      categories,
      recipientId,
      recipientName: facts.recipientName,
      consent: consentFor(
        facts.events.map((e) => ({
          id: e.id as string,
          purposeKey: purpose.key,
          action: e.action as ConsentAction,
          occurredAt: fromDbDate(e.occurred_at),
          sequence: Number(e.sequence),
          policyVersion: Number(e.policy_version),
        })),
        purpose.key,
        at,
      ),
      items: facts.items.map((i) => ({
        id: i.id as string,
        category: i.category as DataCategory,
        publiclyAvailable: fromDbBoolean(i.publicly_available),
      })),
      // Approved exceptions carry complete evidence (activation requires it).
      exceptions: facts.exceptions.map((e) => toDraft(e) as PermittedExceptionFact),
      policyVersion: facts.policy.number,
      at,
      cessations: facts.cessations,
      standingGrantIds: facts.standingGrantIds,
    });

    const [entry] = await recordGrouped(this.em, {
      ledger: [
        {
          kind: 'DECISION',
          actor: this.caller.ref,
          providerId: provider.id,
          purposeKey: purpose.key,
          recipientId,
          categories,
          outcome: decision.allowed ? 'ALLOWED' : 'DENIED',
          basis: decision.basis ? { ...decision.basis, action: input.action } : { action: input.action },
          policyVersion: decision.policyVersion,
          payloadHash: payloadHashOf({
            action: input.action,
            allowed: decision.allowed,
            basis: decision.basis,
            permitted: decision.permitted,
            refused: decision.refused,
            reasons: decision.reasons.map((r) => r.code),
            decidedAt: at.toISOString(),
          }),
        },
      ],
      audit: null,
      actor: this.caller.actor,
      otherActorLabel: this.caller.ref,
      deps: this.deps,
    });
    const sequence = entry!.sequence;
    const basis = decision.basis;
    const stored =
      basis?.kind === 'EXCEPTION' ? (facts.exceptions.find((e) => e.id === basis.exceptionId)?.evidence ?? null) : null;
    return {
      decision,
      decidedAt: at,
      ledgerSequence: sequence,
      basisEvidence: stored && ownAgreement(stored, facts.standingGrantIds),
      purpose: facts.purpose && {
        key: facts.purpose.key,
        titles: { en: facts.purpose.title, ja: facts.purpose.titleJa },
      },
    };
  }
}
