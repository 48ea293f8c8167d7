import { REQUEST_CHANNEL_CONSENT_METHOD, consentFor, type Issue } from '@steward/policy-core';
import { AuditService } from '../audit/audit.service.js';
import { AdminUser } from '../auth/admin-user.entity.js';
import { BadInputError, DomainError } from '../common/errors.js';
import { recipientNameRows } from '../recipients/recipient.queries.js';
import { ConsentEvent } from '../consent/consent-event.entity.js';
import { consentEventFact } from '../consent/consent-event-fact.js';
import { consentLedgerFact } from '../consent/consent-ledger.js';
import { ConsentWriter } from '../consent/consent-writer.js';
import { LedgerService, type LedgerFact } from '../ledger/ledger.service.js';
import { currentPolicy } from '../policy/policy-text.js';
import { Purpose } from '../purposes/purpose.entity.js';
import { ProviderCessation } from './provider-cessation.entity.js';
import { type ProviderRequest } from './provider-request.entity.js';
import type { ApplyCessationInput } from './request.inputs.js';
import { presentCessation } from './request.presenter.js';
import { RequestService } from './request.service.js';
import type { ProviderCessationType } from './request.type.js';
import { isUuid } from '../common/ids.js';
import { assertVersion, flushOrConflict } from '../common/optimistic-lock.js';
import { Service } from '../common/transaction.js';

export interface CessationApplied {
  request: ProviderRequest;
  cessations: ProviderCessationType[];
  withdrawnPurposeKeys: string[];
  providerVersion: number;
}

/**
 * Cessation on request (clause 4, 利用停止・第三者提供の停止): a stop per purpose (use) or per
 * recipient (provision, or every recipient), which policy-core's decide() applies to every later
 * decision and partner read; stopping use also withdraws the consent to that purpose, through the
 * consent writer and the ledger, so the history shows it. One transaction, audited.
 */
export class CessationService extends Service {
  apply(input: ApplyCessationInput): Promise<CessationApplied> {
    return this.inTransaction((tx) => tx.write(input));
  }

  private async write(input: ApplyCessationInput): Promise<CessationApplied> {
    const em = this.em;
    const actor = this.actor;
    if (!actor) throw new DomainError('UNAUTHENTICATED', 'Sign in to continue');
    const request = await new RequestService(em, actor, this.deps).loadForWork(input.requestId, 'CESSATION');
    const provider = request.provider!;
    assertVersion(provider.version, input.expectedProviderVersion, 'Provider');

    const issues: Issue[] = [];
    const purposeKeys = [...new Set(input.stopUsePurposeKeys.map((k) => k.trim()))];
    const purposes = purposeKeys.length ? await em.find(Purpose, { key: { $in: purposeKeys } }) : [];
    const purposeByKey = new Map(purposes.map((p) => [p.key, p]));
    purposeKeys.forEach((key, i) => {
      if (!purposeByKey.has(key))
        issues.push({ field: `stopUsePurposeKeys[${i}]`, code: 'UNKNOWN_PURPOSE', message: 'No such purpose.' });
    });
    const recipientIds = input.stopAllProvision
      ? []
      : [...new Set(input.stopProvisionRecipientIds.map((r) => r.trim().toLowerCase()))];
    const wellFormed = recipientIds.filter((id) => isUuid(id));
    const recipients = wellFormed.length ? await recipientNameRows(em, wellFormed) : [];
    const recipientNames = new Map(recipients.map((r) => [String(r.id), String(r.name)]));
    recipientIds.forEach((id, i) => {
      if (!recipientNames.has(id))
        issues.push({ field: `stopProvisionRecipientIds[${i}]`, code: 'INVALID_VALUE', message: 'No such recipient.' });
    });
    if (!purposeKeys.length && !recipientIds.length && !input.stopAllProvision) {
      issues.push({
        field: 'stopUsePurposeKeys',
        code: 'NO_CHANGE',
        message: 'Choose what to stop: use for a purpose, or provision.',
      });
    }
    if (issues.length) throw new BadInputError(issues);

    const now = this.deps.now();
    const existing = await em.find(ProviderCessation, { provider: provider.id });
    const has = (action: 'USE' | 'PROVIDE', purposeKey: string | null, recipientId: string | null) =>
      existing.some((c) => c.action === action && c.purposeKey === purposeKey && c.recipientId === recipientId);
    const written: ProviderCessation[] = [];
    const add = (action: 'USE' | 'PROVIDE', purposeKey: string | null, recipientId: string | null) => {
      if (has(action, purposeKey, recipientId)) return;
      const c = em.create(ProviderCessation, {
        provider,
        request,
        action,
        purposeKey,
        recipientId,
        since: now,
        recordedById: actor.userId,
        recordedByName: actor.displayName,
      });
      written.push(c);
    };
    for (const key of purposeKeys) add('USE', key, null);
    if (input.stopAllProvision) add('PROVIDE', null, null);
    for (const id of recipientIds) add('PROVIDE', null, id);

    // Stopping use withdraws a granted consent too: the history and the consent state show it.
    const withdrawn: string[] = [];
    if (purposes.length) {
      const events = await em.find(
        ConsentEvent,
        { provider: provider.id, purpose: { $in: purposes.map((p) => p.id) } },
        { populate: ['purpose'] },
      );
      const facts = events.map((e) => consentEventFact(e));
      const policy = await currentPolicy(em);
      const writer = new ConsentWriter(em, this.deps.cipher);
      const recorder = await em.findOne(AdminUser, { id: actor.userId });
      const ledger: LedgerFact[] = [];
      for (const purpose of purposes) {
        if (consentFor(facts, purpose.key, now).state !== 'GRANTED') continue;
        const note = `Cessation of use on request ${request.reference}`;
        const event = await writer.append({
          provider,
          purpose,
          action: 'WITHDRAW',
          method: REQUEST_CHANNEL_CONSENT_METHOD[request.channel],
          policyVersion: policy.number,
          occurredAt: now,
          recordedBy: recorder,
          recordedByName: actor.displayName,
          note,
        });
        ledger.push(consentLedgerFact(event, purpose.key, purpose.categories, `admin:${actor.userId}`, note));
        withdrawn.push(purpose.key);
      }
      await new LedgerService(em, this.deps).append(ledger);
    }

    provider.updatedAt = now; // bumps the version: concurrent changes to the provider conflict
    request.updatedAt = now;
    new AuditService(em, actor, this.deps).record({
      action: 'request.cease',
      entityType: 'ProviderRequest',
      subject: request.id,
      providerIds: [provider.id],
      detail: {
        reference: request.reference,
        stopUse: purposeKeys,
        stopProvision: input.stopAllProvision ? 'ALL' : recipientIds,
        withdrawnConsents: withdrawn,
      },
    });
    await flushOrConflict(em, 'Provider');
    return {
      request,
      cessations: written.map((c) => presentCessation(c, recipientNames, request.reference)),
      withdrawnPurposeKeys: withdrawn,
      providerVersion: provider.version,
    };
  }
}
