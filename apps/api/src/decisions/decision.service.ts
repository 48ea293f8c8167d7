import type { SqlEntityManager } from '@mikro-orm/knex';
import { consentFor, decide, type ConsentAction, type DataCategory, type Decision, type PermittedExceptionFact } from '@steward/policy-core';
import { AuditService } from '../audit/audit.service.js';
import { BadInputError, NotFoundError } from '../common/errors.js';
import { commitInGroup } from '../common/group-commit.js';
import type { Actor, AppDeps } from '../context.js';
import { fromDbBoolean, fromDbDate, leanRows } from '../common/lean-sql.js';
import { loadExceptionShapes, toDraft } from '../exceptions/exception-facts.js';
import { LedgerService, payloadHashOf } from '../ledger/ledger.service.js';
import { currentPolicyFacts } from '../policy/policy.service.js';
import { loadCessations } from '../requests/cessation-facts.js';
import type { DecisionRequestInput } from './decision.inputs.js';

const UUID = /^[0-9a-f-]{36}$/i;

export interface RecordedDecision {
  decision: Decision;
  decidedAt: Date;
  ledgerSequence: number;
}

/**
 * Answers "may this use these categories of this provider for this purpose, or provide them to
 * this recipient?" with policy-core's decide() over facts loaded here, and records the answer —
 * allowed or denied — in the ledger with the policy version in force, in one transaction.
 */
export class DecisionService {
  constructor(
    private readonly em: SqlEntityManager,
    private readonly actor: Actor,
    private readonly deps: AppDeps,
  ) {}

  /**
   * Facts are read with lean SQL, the decision is taken, and its ledger entry and audit entry are
   * written together in a group commit: a decision is taken per use or hand-over, so it must cost
   * little more than the request that asks for it (bench/README.md). The answer is returned only
   * once it is recorded.
   */
  async decide(input: DecisionRequestInput): Promise<RecordedDecision> {
    const em = this.em;
    const providerId = UUID.test(input.providerId) ? input.providerId.toLowerCase() : null;
    const [provider] = providerId ? await leanRows<{ id: string }>(em, 'select id from provider where id = ?', [providerId]) : [];
    if (!provider) throw new NotFoundError('Provider', 'input.providerId');
    const [purposeRow] = await leanRows<Record<string, unknown>>(em, 'select id, key, categories, retired, consent_from_version from purpose where key = ?', [input.purposeKey]);
    if (!purposeRow) throw new BadInputError([{ field: 'purposeKey', code: 'UNKNOWN_PURPOSE', message: 'No such purpose' }]);
    const purpose = {
      id: purposeRow.id as string,
      key: purposeRow.key as string,
      categories: (typeof purposeRow.categories === 'string' ? JSON.parse(purposeRow.categories) : purposeRow.categories) as DataCategory[],
      retired: fromDbBoolean(purposeRow.retired),
      consentFromVersion: Number(purposeRow.consent_from_version),
    };
    const recipientId = input.recipientId?.trim().toLowerCase() || null;
    if (recipientId && !(UUID.test(recipientId) && (await leanRows(em, 'select id from recipient where id = ?', [recipientId])).length)) {
      throw new NotFoundError('Recipient', 'input.recipientId');
    }
    const categories = [...new Set(input.categories)];

    const events = await leanRows<Record<string, unknown>>(
      em,
      'select id, action, occurred_at, sequence, policy_version from consent_event where provider_id = ? and purpose_id = ?',
      [provider.id, purpose.id],
    );
    const items = await leanRows<Record<string, unknown>>(em, 'select id, category, publicly_available from personal_data_item where provider_id = ?', [provider.id]);
    // Drafts never count; revoked and expired ones are judged (and ignored) by policy-core.
    const exceptions = await loadExceptionShapes(em, 'status <> ?', ['DRAFT']);
    const policy = await currentPolicyFacts(em);
    // What the provider asked the organisation to stop (clause 4): decide() respects it.
    const cessations = await loadCessations(em, [provider.id]);
    const at = this.deps.now();
    const decision = decide({
      action: input.action,
      providerId: provider.id,
      purpose: { key: purpose.key, categories: purpose.categories, retired: purpose.retired, consentFromVersion: purpose.consentFromVersion },
      categories,
      recipientId,
      consent: consentFor(
        events.map((e) => ({
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
      items: items.map((i) => ({ id: i.id as string, category: i.category as DataCategory, publiclyAvailable: fromDbBoolean(i.publicly_available) })),
      // Approved exceptions carry complete evidence (activation requires it).
      exceptions: exceptions.map((e) => toDraft(e) as PermittedExceptionFact),
      policyVersion: policy.number,
      at,
      cessations: cessations.get(provider.id) ?? [],
    });

    const sequence = await commitInGroup(this.em, async (tx) => {
      const [entry] = await new LedgerService(tx, this.deps).append([
        {
          kind: 'DECISION',
          actor: `admin:${this.actor.userId}`,
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
      ]);
      await new AuditService(tx, this.actor, this.deps).insertNow({
        action: 'decision.take',
        entityType: 'Decision',
        subject: String(entry!.sequence),
        providerIds: [provider.id],
        detail: { action: input.action, purpose: purpose.key, categories, recipientId, allowed: decision.allowed },
      });
      return entry!.sequence;
    });
    return { decision, decidedAt: at, ledgerSequence: sequence };
  }
}
