import type { SqlEntityManager } from '@mikro-orm/knex';
import { consentFor, decide, type Decision, type PermittedExceptionFact } from '@steward/policy-core';
import { AuditService } from '../audit/audit.service.js';
import { BadInputError, NotFoundError } from '../common/errors.js';
import type { Actor, AppDeps } from '../context.js';
import { ConsentEvent } from '../consent/consent-event.entity.js';
import { shapeOf, toDraft } from '../exceptions/exception-facts.js';
import { PermittedException } from '../exceptions/permitted-exception.entity.js';
import { LedgerService, payloadHashOf } from '../ledger/ledger.service.js';
import { currentPolicy } from '../policy/policy.service.js';
import { PersonalDataItem } from '../providers/personal-data-item.entity.js';
import { Provider } from '../providers/provider.entity.js';
import { Purpose } from '../purposes/purpose.entity.js';
import { Recipient } from '../recipients/recipient.entity.js';
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

  decide(input: DecisionRequestInput): Promise<RecordedDecision> {
    return this.em.transactional((em) => new DecisionService(em as SqlEntityManager, this.actor, this.deps).write(input));
  }

  private async write(input: DecisionRequestInput): Promise<RecordedDecision> {
    const provider = UUID.test(input.providerId) ? await this.em.findOne(Provider, { id: input.providerId }) : null;
    if (!provider) throw new NotFoundError('Provider', 'input.providerId');
    const purpose = await this.em.findOne(Purpose, { key: input.purposeKey });
    if (!purpose) throw new BadInputError([{ field: 'purposeKey', code: 'UNKNOWN_PURPOSE', message: 'No such purpose' }]);
    const recipientId = input.recipientId?.trim() || null;
    if (recipientId && !(UUID.test(recipientId) && (await this.em.count(Recipient, { id: recipientId })))) {
      throw new NotFoundError('Recipient', 'input.recipientId');
    }
    const categories = [...new Set(input.categories)];

    const [events, items, exceptions, policy, cessations] = await Promise.all([
      this.em.find(ConsentEvent, { provider: provider.id, purpose: purpose.id }),
      this.em.find(PersonalDataItem, { provider: provider.id }),
      // Drafts never count; revoked and expired ones are judged (and ignored) by policy-core.
      this.em.find(PermittedException, { status: { $ne: 'DRAFT' } }),
      currentPolicy(this.em),
      // What the provider asked the organisation to stop (clause 4): decide() respects it.
      loadCessations(this.em, [provider.id]),
    ]);
    const at = this.deps.now();
    const decision = decide({
      action: input.action,
      providerId: provider.id,
      purpose: { key: purpose.key, categories: purpose.categories, retired: purpose.retired },
      categories,
      recipientId,
      consent: consentFor(
        events.map((e) => ({
          id: e.id,
          purposeKey: purpose.key,
          action: e.action,
          occurredAt: e.occurredAt,
          sequence: e.sequence,
          policyVersion: e.policyVersion,
        })),
        purpose.key,
        at,
      ),
      items: items.map((i) => ({ id: i.id, category: i.category, publiclyAvailable: i.publiclyAvailable })),
      // Approved exceptions carry complete evidence (activation requires it).
      exceptions: exceptions.map((e) => toDraft(shapeOf(e)) as PermittedExceptionFact),
      policyVersion: policy.number,
      at,
      cessations: cessations.get(provider.id) ?? [],
    });

    const [entry] = await new LedgerService(this.em, this.deps).append([
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
    new AuditService(this.em, this.actor, this.deps).record({
      action: 'decision.take',
      entityType: 'Decision',
      subject: String(entry!.sequence),
      providerIds: [provider.id],
      detail: { action: input.action, purpose: purpose.key, categories, recipientId, allowed: decision.allowed },
    });
    await this.em.flush();
    return { decision, decidedAt: at, ledgerSequence: entry!.sequence };
  }
}
