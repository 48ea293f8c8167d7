import { defaultProviderLanguage, validateCollection, validateReference, type Issue } from '@steward/policy-core';
import { randomBytes } from 'node:crypto';
import { AuditService } from '../audit/audit.service.js';
import { AdminUser } from '../auth/admin-user.entity.js';
import { BadInputError, NotFoundError } from '../common/errors.js';
import { newId } from '../common/ids.js';
import type { Actor } from '../context.js';
import { ConsentWriter } from '../consent/consent-writer.js';
import { loadOrganisation, organisationContact } from '../organisation/organisation.service.js';
import { currentPolicyFacts } from '../policy/policy-text.js';
import { PersonalDataItem, itemSealContext, itemSourceSealContext } from '../providers/personal-data-item.entity.js';
import { Provider } from '../providers/provider.entity.js';
import { tokensForValue } from '../providers/provider-search.js';
import { SearchToken } from '../providers/search-token.entity.js';
import { Purpose } from '../purposes/purpose.entity.js';
import { LedgerService, type LedgerFact } from '../ledger/ledger.service.js';
import { consentLedgerFact } from '../consent/consent-ledger.js';
import { loadPurposeFacts, type PurposeFields } from '../purposes/purpose-facts.js';
import type { RecordCollectionInput } from './collection.inputs.js';
import { CollectionRecord, collectionSealContext } from './collection-record.entity.js';
import { buildReceipt, sealReceipt } from './receipt.js';
import { assertVersion, flushOrConflict } from '../common/optimistic-lock.js';
import { Service } from '../common/transaction.js';

/** What an import (imports/) adds to a collection it records: the day consent was given, and the file it came from. */
export interface ImportedFrom {
  /** The day the provider consented (e.g. on paper), as the file says: the collection's and the consents' time. */
  consentedAt: Date;
  /** SHA-256 of the file as uploaded: in the ledger entry's basis and the audit entry. */
  fileSha256: string;
  jobId: string;
}

export interface CollectionWritten {
  provider: Provider;
  collection: CollectionRecord;
  /** Every purpose as read in the transaction (for presenting the collection without reading them again). */
  purposes: PurposeFields[];
}

/**
 * Records one act of collection (clause 1) atomically: the provider, the purposes specified,
 * the consent obtained per purpose, the sealed data items and the receipt — all or nothing.
 */
export class CollectionService extends Service<Actor> {
  /** One transaction for everything: the ORM's auto-flush before queries would otherwise split it. */
  record(input: RecordCollectionInput): Promise<CollectionWritten> {
    return this.inTransaction((tx) => tx.write(input));
  }

  /**
   * Records the collections of an import batch in one transaction, each exactly as `record` would
   * (same checks, receipt, consents, ledger and audit entries), with channel IMPORT and the file's hash.
   */
  recordImported(batch: readonly { input: RecordCollectionInput; from: ImportedFrom }[]): Promise<void> {
    return this.inTransaction(async (tx) => {
      for (const { input, from } of batch) await tx.write(input, from);
    });
  }

  private async write(input: RecordCollectionInput, imported?: ImportedFrom): Promise<CollectionWritten> {
    const shapeIssues = providerChoiceIssues(input);
    if (shapeIssues.length) throw new BadInputError(shapeIssues);

    // In sequence: inside a transaction both run on one connection (node-postgres refuses concurrent queries on a client from pg@9).
    const policy = await currentPolicyFacts(this.em);
    const purposes = await loadPurposeFacts(this.em);
    const purposeByKey = new Map(purposes.map((p) => [p.key, p]));
    const existing = input.providerId
      ? await this.loadExisting(input.providerId, input.expectedProviderVersion!)
      : null;
    const reference = input.newProvider?.reference?.trim() || null;

    const validation = validateCollection(
      {
        providerKind: existing?.kind ?? input.newProvider!.kind,
        channel: input.channel,
        consentMethod: input.consentMethod,
        policyVersionShown: input.policyVersionShown,
        currentPolicyVersion: policy.number,
        purposes: input.purposes,
        items: input.items,
        source: input.source ?? null,
        note: input.note ?? null,
        reference: null,
      },
      purposes.map((p) => ({ key: p.key, categories: p.categories, retired: p.retired })),
    );
    const issues: Issue[] = validation.ok ? [] : [...validation.issues];
    if (reference) {
      const refIssue = validateReference(reference, 'newProvider.reference');
      if (refIssue) issues.push(refIssue);
      else if (await this.em.count(Provider, { reference })) {
        issues.push({
          field: 'newProvider.reference',
          code: 'DUPLICATE',
          message: 'Another provider has this reference',
        });
      }
    }
    if (issues.length) throw new BadInputError(issues);

    const now = this.deps.now();
    const collectedAt = imported?.consentedAt ?? now;
    // The signed-in admin (resolved with the session on this request): a reference, no reload.
    const recorder = this.em.getReference(AdminUser, this.actor.userId);
    const provider =
      existing ??
      this.em.create(Provider, {
        kind: input.newProvider!.kind,
        reference: reference ?? generateReference(),
        // Unless chosen: the organisation's default language (the one place: defaultProviderLanguage).
        language: input.language ?? defaultProviderLanguage((await loadOrganisation(this.em)).defaultLanguage),
        createdAt: now,
        updatedAt: now,
      });
    if (existing) existing.updatedAt = now; // bumps the version: a concurrent collection conflicts
    const languageChanged = existing !== null && input.language != null && input.language !== existing.language;
    if (languageChanged) existing.language = input.language!;

    const categories = [...new Set(input.items.map((i) => i.category))];
    const receiptId = newId();
    // In the provider's language (as chosen at this collection): the organisation, labels and purpose titles.
    const receiptBody = buildReceipt({
      receiptId,
      issuedAt: now,
      language: provider.language,
      organisation: await organisationContact(this.em, provider.language),
      policy,
      subjectReference: provider.reference,
      channel: input.channel,
      consentMethod: input.consentMethod,
      categories,
      purposes: input.purposes.map((p) => {
        const purpose = purposeByKey.get(p.purposeKey)!;
        return {
          key: purpose.key,
          title: provider.language === 'ja' ? purpose.titleJa : purpose.titleEn,
          categories: purpose.categories,
          consent: p.granted ? 'GRANTED' : 'REFUSED',
        };
      }),
    });
    const sealed = sealReceipt(receiptBody);
    const collection = this.em.create(CollectionRecord, {
      provider,
      channel: input.channel,
      consentMethod: input.consentMethod,
      collectedAt,
      policyVersion: policy.number,
      purposes: input.purposes.map((p) => ({ purposeKey: p.purposeKey, granted: p.granted })),
      categories,
      recordedBy: recorder,
      recordedByName: this.actor.displayName,
      receiptId,
      receiptJson: sealed.json,
      receiptHash: sealed.hash,
      createdAt: now,
      updatedAt: now,
    });

    const source = input.source?.trim() || null;
    const { cipher } = this.deps;
    // Sealed to the record's own id, known once it is created.
    collection.sourceSealed = cipher.sealText(source, collectionSealContext(collection.id, 'source'));
    collection.noteSealed = cipher.sealText(input.note?.trim() || null, collectionSealContext(collection.id, 'note'));

    for (const itemInput of input.items) {
      const item = new PersonalDataItem();
      item.provider = provider;
      item.category = itemInput.category;
      item.valueSealed = this.deps.cipher.encrypt(itemInput.value.trim(), itemSealContext(item.id, item.category));
      item.sourceSealed = cipher.sealText(source, itemSourceSealContext(item.id));
      item.channel = input.channel;
      item.collectedAt = collectedAt;
      item.collection = collection;
      item.publiclyAvailable = itemInput.publiclyAvailable ?? false;
      item.publicProvenance = item.publiclyAvailable ? itemInput.publicProvenance?.trim() || null : null;
      this.em.persist(item);
      for (const token of tokensForValue(this.deps.cipher, item.category, itemInput.value)) {
        this.em.create(SearchToken, { provider, itemId: item.id, kind: token.kind, hash: token.hash });
      }
    }

    // A provider created here has no events and no consent state yet: nothing to look up.
    const consents = new ConsentWriter(this.em, cipher, { newProvider: !existing });
    const actor = `admin:${this.actor.userId}`;
    const ledgerFacts: LedgerFact[] = [
      {
        kind: 'COLLECTION',
        actor,
        providerId: provider.id,
        categories,
        outcome: 'RECORDED',
        basis: {
          channel: input.channel,
          consentMethod: input.consentMethod,
          ...(imported ? { importFileSha256: imported.fileSha256, importJobId: imported.jobId } : {}),
        },
        policyVersion: policy.number,
        subjectRef: collection.id,
        payloadHash: sealed.hash,
      },
    ];
    for (const p of input.purposes) {
      const event = await consents.append({
        provider,
        purpose: this.em.getReference(Purpose, purposeByKey.get(p.purposeKey)!.id),
        action: p.granted ? 'GRANT' : 'REFUSE',
        method: input.consentMethod,
        policyVersion: policy.number,
        occurredAt: collectedAt,
        recordedBy: recorder,
        recordedByName: this.actor.displayName,
        collection,
        receiptId,
      });
      ledgerFacts.push(consentLedgerFact(event, p.purposeKey, purposeByKey.get(p.purposeKey)!.categories, actor));
    }
    await new LedgerService(this.em, this.deps).append(ledgerFacts);

    new AuditService(this.em, this.actor, this.deps).record({
      action: 'collection.record',
      entityType: 'Collection',
      subject: collection.id,
      providerIds: [provider.id],
      detail: {
        categories,
        purposes: input.purposes.map((p) => ({ key: p.purposeKey, granted: p.granted })),
        policyVersion: policy.number,
        receiptId,
        language: provider.language,
        ...(languageChanged ? { fields: ['language'] } : {}),
        ...(imported ? { importFileSha256: imported.fileSha256, importJobId: imported.jobId } : {}),
      },
    });
    await flushOrConflict(this.em, 'Provider');
    return { provider, collection, purposes };
  }

  private async loadExisting(providerId: string, expectedVersion: number): Promise<Provider> {
    const provider = /^[0-9a-f-]{36}$/i.test(providerId) ? await this.em.findOne(Provider, { id: providerId }) : null;
    if (!provider) throw new NotFoundError('Provider', 'input.providerId');
    assertVersion(provider.version, expectedVersion, 'Provider');
    return provider;
  }
}

function providerChoiceIssues(input: RecordCollectionInput): Issue[] {
  const hasNew = input.newProvider != null;
  const hasExisting = input.providerId != null && input.providerId !== '';
  if (hasNew === hasExisting) {
    return [{ field: 'providerId', code: 'REQUIRED', message: 'Give either newProvider or providerId, not both' }];
  }
  if (hasExisting && (input.expectedProviderVersion === null || input.expectedProviderVersion === undefined)) {
    return [
      {
        field: 'expectedProviderVersion',
        code: 'REQUIRED',
        message: 'Required when recording for an existing provider',
      },
    ];
  }
  return [];
}

/** A reference such as P-7K2M9QX4TA when the organisation gives none. */
function generateReference(): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  const bytes = randomBytes(10);
  return 'P-' + Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}
