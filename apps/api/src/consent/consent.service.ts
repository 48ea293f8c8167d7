import { FIELD_LIMITS, consentFor, validateConsentChange, validateText, type Issue } from '@steward/policy-core';
import { consentWrites } from '../common/metrics.js';
import { AuditService } from '../audit/audit.service.js';
import { AdminUser } from '../auth/admin-user.entity.js';
import { BadInputError } from '../common/errors.js';
import type { Actor } from '../context.js';
import { currentPolicy } from '../policy/policy-text.js';
import { ProviderService } from '../providers/provider.service.js';
import { Purpose } from '../purposes/purpose.entity.js';
import { ConsentEvent } from './consent-event.entity.js';
import { consentEventFact } from './consent-event-fact.js';
import type { RecordConsentInput } from './consent.inputs.js';
import { ConsentWriter } from './consent-writer.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { consentLedgerFact } from './consent-ledger.js';
import { assertVersion, flushOrConflict } from '../common/optimistic-lock.js';
import { Service } from '../common/transaction.js';

/** Later grants, refusals and withdrawals per purpose: appended, never rewriting history. */
export class ConsentService extends Service<Actor> {
  /** One transaction: the event, the projection, the version bump and the audit entry. */
  record(input: RecordConsentInput) {
    return this.inTransaction((tx) => tx.write(input)).then((provider) => {
      consentWrites.inc({ source: 'staff', result: 'stored' });
      return provider;
    });
  }

  private async write(input: RecordConsentInput) {
    const provider = await new ProviderService(this.em, this.actor, this.deps).get(input.providerId);
    assertVersion(provider.version, input.expectedProviderVersion, 'Provider');
    const issues: Issue[] = [];
    const purpose = await this.em.findOne(Purpose, { key: input.purposeKey });
    if (!purpose) issues.push({ field: 'purposeKey', code: 'UNKNOWN_PURPOSE', message: 'No such purpose' });
    else if (purpose.retired && input.action === 'GRANT') {
      issues.push({ field: 'purposeKey', code: 'RETIRED_PURPOSE', message: 'This purpose is retired' });
    }
    const note = input.note?.trim() || null;
    if (note) {
      const noteIssue = validateText(note, { field: 'note', maxLength: FIELD_LIMITS.note, multiline: true });
      if (noteIssue) issues.push(noteIssue);
    }
    const policy = await currentPolicy(this.em);
    if (purpose && !issues.length) {
      const events = await this.em.find(ConsentEvent, { provider: provider.id, purpose: purpose.id });
      const current = consentFor(
        events.map((e) => consentEventFact(e, purpose.key)),
        purpose.key,
      );
      const change = validateConsentChange(current.state, input.action, {
        grantedUnder: current.policyVersion,
        inForce: policy.number,
      });
      if (!change.ok) issues.push(...change.issues);
    }
    if (issues.length || !purpose) throw new BadInputError(issues);

    const now = this.deps.now();
    provider.updatedAt = now; // bumps the version: concurrent consent changes conflict
    const event = await new ConsentWriter(this.em, this.deps.cipher).append({
      provider,
      purpose,
      action: input.action,
      method: input.method,
      policyVersion: policy.number,
      occurredAt: now,
      recordedBy: await this.em.findOne(AdminUser, { id: this.actor.userId }),
      recordedByName: this.actor.displayName,
      note,
    });
    await new LedgerService(this.em, this.deps).append([
      consentLedgerFact(event, purpose.key, purpose.categories, `admin:${this.actor.userId}`, note),
    ]);
    new AuditService(this.em, this.actor, this.deps).record({
      action: 'consent.record',
      entityType: 'ConsentEvent',
      subject: event.id,
      providerIds: [provider.id],
      detail: { purpose: purpose.key, action: input.action, policyVersion: policy.number },
    });
    await flushOrConflict(this.em, 'Provider');
    return provider;
  }
}
