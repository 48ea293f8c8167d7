import type { SqlEntityManager } from '@mikro-orm/knex';
import { REQUEST_CHANNEL_COLLECTION, validateAmendment, type AmendmentChange, type Issue } from '@steward/policy-core';
import { AuditService } from '../audit/audit.service.js';
import { BadInputError, DomainError } from '../common/errors.js';
import { PersonalDataItem, itemSealContext, itemSourceSealContext } from '../providers/personal-data-item.entity.js';
import { tokensForValue } from '../providers/provider-search.js';
import { SearchToken } from '../providers/search-token.entity.js';
import { DataItemChange, changeSealContext, type DataItemChangeAction } from './data-item-change.entity.js';
import { ProviderRequest } from './provider-request.entity.js';
import type { ApplyAmendmentInput } from './request.inputs.js';
import { presentChange } from './request.presenter.js';
import { RequestService } from './request.service.js';
import type { DataItemChangeType } from './request.type.js';
import { assertVersion, flushOrConflict } from '../common/optimistic-lock.js';
import { Service } from '../common/transaction.js';

export interface AmendmentApplied {
  request: ProviderRequest;
  changes: DataItemChangeType[];
  providerVersion: number;
}

/**
 * Amendment on request (clause 4): the requested changes, item by item, in one transaction
 * against the provider version the editor read (CONFLICT with currentVersion when stale). Each
 * change keeps its before and after values, sealed; search tokens follow the new values.
 */
export class AmendmentService extends Service {
  apply(input: ApplyAmendmentInput): Promise<AmendmentApplied> {
    return this.inTransaction((tx) => tx.write(input));
  }

  private async write(input: ApplyAmendmentInput): Promise<AmendmentApplied> {
    const em = this.em;
    const actor = this.actor;
    if (!actor) throw new DomainError('UNAUTHENTICATED', 'Sign in to continue');
    const request = await new RequestService(em, actor, this.deps).loadForWork(input.requestId, 'AMENDMENT');
    const provider = request.provider!;
    assertVersion(provider.version, input.expectedProviderVersion, 'Provider');

    const items = await em.find(PersonalDataItem, { provider: provider.id });
    const byId = new Map(items.map((i) => [i.id, i]));
    const changes: AmendmentChange[] = input.changes.map((c) => ({
      itemId: c.itemId?.trim() || null,
      category: c.category,
      value: c.value == null ? null : c.value.trim(),
    }));
    const validation = validateAmendment(changes, new Map(items.map((i) => [i.id, i.category])));
    const issues: Issue[] = validation.ok ? [] : [...validation.issues];
    // The old values stay sealed: the cipher answers whether a new value equals one, and re-seals
    // each to its change row as the "before" (nobody is shown them here, so no presenter opens them).
    const befores = new Map<string, string>();
    changes.forEach((c, i) => {
      const item = c.itemId ? byId.get(c.itemId) : undefined;
      if (!item) return;
      const context = itemSealContext(item.id, item.category);
      befores.set(item.id, item.valueSealed);
      if (c.value !== null && this.deps.cipher.sealedEquals(item.valueSealed, context, c.value))
        issues.push({ field: `changes[${i}].value`, code: 'NO_CHANGE', message: 'The item already has this value.' });
    });
    if (issues.length) throw new BadInputError(issues);

    const now = this.deps.now();
    const written: DataItemChange[] = [];
    for (const c of changes) {
      const existing = c.itemId ? byId.get(c.itemId)! : null;
      let action: DataItemChangeAction;
      let itemId: string;
      if (!existing) {
        action = 'ADD';
        const item = new PersonalDataItem();
        item.provider = provider;
        item.category = c.category;
        item.valueSealed = this.deps.cipher.encrypt(c.value!, itemSealContext(item.id, c.category));
        item.sourceSealed = this.deps.cipher.sealText(
          `Amendment request ${request.reference}`,
          itemSourceSealContext(item.id),
        );
        item.channel = REQUEST_CHANNEL_COLLECTION[request.channel];
        item.collectedAt = now;
        item.createdAt = now;
        item.updatedAt = now;
        em.persist(item);
        this.addTokens(em, provider.id, item.id, c.category, c.value!);
        itemId = item.id;
      } else if (c.value === null) {
        action = 'REMOVE';
        await em.nativeDelete(SearchToken, { itemId: existing.id });
        em.remove(existing);
        itemId = existing.id;
      } else {
        action = 'UPDATE';
        existing.valueSealed = this.deps.cipher.encrypt(c.value, itemSealContext(existing.id, existing.category));
        existing.updatedAt = now;
        await em.nativeDelete(SearchToken, { itemId: existing.id });
        this.addTokens(em, provider.id, existing.id, existing.category, c.value);
        itemId = existing.id;
      }
      const change = new DataItemChange();
      change.provider = provider;
      change.request = request;
      change.itemId = itemId;
      change.category = c.category;
      change.action = action;
      change.beforeSealed = existing
        ? this.deps.cipher.reseal(
            befores.get(existing.id)!,
            itemSealContext(existing.id, existing.category),
            changeSealContext(change.id, c.category, 'before'),
          )
        : null;
      change.afterSealed =
        c.value === null ? null : this.deps.cipher.encrypt(c.value, changeSealContext(change.id, c.category, 'after'));
      change.changedAt = now;
      change.changedById = actor.userId;
      change.changedByName = actor.displayName;
      em.persist(change);
      written.push(change);
    }
    provider.updatedAt = now; // bumps the version: a concurrent amendment or collection conflicts
    request.updatedAt = now;
    new AuditService(em, actor, this.deps).record({
      action: 'request.amend',
      entityType: 'ProviderRequest',
      subject: request.id,
      providerIds: [provider.id],
      detail: {
        reference: request.reference,
        changes: written.map((w) => ({ itemId: w.itemId, category: w.category, action: w.action })),
      },
    });
    await flushOrConflict(em, 'Provider');
    return {
      request,
      changes: written.map((w) => presentChange(this.deps.cipher, w, request.reference)),
      providerVersion: provider.version,
    };
  }

  private addTokens(em: SqlEntityManager, providerId: string, itemId: string, category: string, value: string): void {
    for (const token of tokensForValue(this.deps.cipher, category, value)) {
      em.create(SearchToken, { provider: providerId, itemId, kind: token.kind, hash: token.hash });
    }
  }
}
