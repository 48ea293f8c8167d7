import {
  defaultProviderLanguage,
  validateCollection,
  validateReference,
  type Issue,
  type Language,
} from '@steward/policy-core';
import type { EntityData } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { randomBytes } from 'node:crypto';
import { AuditService } from '../audit/audit.service.js';
import { AdminUser } from '../auth/admin-user.entity.js';
import { BadInputError, ConflictError, NotFoundError } from '../common/errors.js';
import { newId } from '../common/ids.js';
import type { Actor } from '../context.js';
import { ConsentEvent } from '../consent/consent-event.entity.js';
import { ConsentStateRow } from '../consent/consent-state.entity.js';
import { ConsentWriter } from '../consent/consent-writer.js';
import {
  loadOrganisation,
  organisationContact,
  type OrganisationContact,
} from '../organisation/organisation.service.js';
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
import { assertVersion, flushOrConflict, isConcurrencyError } from '../common/optimistic-lock.js';
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
   * Records the collections of an import batch in one transaction, each as `record` would (same
   * checks, receipt, consents, ledger entries), with channel IMPORT and the file's hash. Batched:
   * the policy, purposes and organisation are read once, the references checked in one query, the
   * ledger appended once, the rows inserted in bulk (not through the unit of work, whose flush cost
   * most), and one audit entry lists the batch's providers. A refused row refuses the whole batch
   * before anything is written.
   */
  recordImported(batch: readonly { input: RecordCollectionInput; from: ImportedFrom }[]): Promise<void> {
    return this.inTransaction((tx) => tx.writeImported(batch));
  }

  private async write(input: RecordCollectionInput): Promise<CollectionWritten> {
    const shapeIssues = providerChoiceIssues(input);
    if (shapeIssues.length) throw new BadInputError(shapeIssues);
    const ctx = await this.context();
    const existing = input.providerId
      ? await this.loadExisting(input.providerId, input.expectedProviderVersion!)
      : null;
    const issues = this.check(input, ctx, existing);
    const reference = referenceOf(input);
    const formatOk = !issues.some((i) => i.field === 'newProvider.reference');
    if (reference && formatOk && (await this.em.count(Provider, { reference }))) issues.push(duplicateReference());
    if (issues.length) throw new BadInputError(issues);

    const written = await this.build(input, ctx, existing);
    await new LedgerService(this.em, this.deps).append(written.ledgerFacts);
    new AuditService(this.em, this.actor, this.deps).record({
      action: 'collection.record',
      entityType: 'Collection',
      subject: written.collection.id,
      providerIds: [written.provider.id],
      detail: written.auditDetail,
    });
    await flushOrConflict(this.em, 'Provider');
    return { provider: written.provider, collection: written.collection, purposes: ctx.purposes };
  }

  private async writeImported(batch: readonly { input: RecordCollectionInput; from: ImportedFrom }[]): Promise<void> {
    if (!batch.length) return;
    const ctx = await this.context();
    for (const { input } of batch) {
      const issues = input.newProvider ? this.check(input, ctx, null) : providerChoiceIssues(input);
      if (issues.length) throw new BadInputError(issues);
    }
    const references = batch.map(({ input }) => referenceOf(input)).filter((r): r is string => r !== null);
    const repeated = references.length !== new Set(references).size;
    if (repeated || (references.length && (await this.em.count(Provider, { reference: { $in: references } }))))
      throw new BadInputError([duplicateReference()]);

    const ledgerFacts: LedgerFact[] = [];
    const providerIds: string[] = [];
    // Inserted in bulk, not through the unit of work: its flush is what a chunk of members spent most on.
    const bulk: BulkRows = { rows: [], tokens: [] };
    for (const { input, from } of batch) {
      const written = await this.build(input, ctx, null, from, bulk);
      ledgerFacts.push(...written.ledgerFacts);
      providerIds.push(written.provider.id);
    }
    await new LedgerService(this.em, this.deps).append(ledgerFacts);
    try {
      await insertInOrder(this.em, bulk);
    } catch (err) {
      // A key taken since the check above: the job then writes the chunk row by row.
      if (isConcurrencyError(err)) throw new ConflictError('A provider with one of these references was just added');
      throw err;
    }
    const { fileSha256, jobId } = batch[0]!.from;
    await new AuditService(this.em, this.actor, this.deps).insertNow({
      action: 'collection.import',
      entityType: 'Collection',
      subject: jobId,
      providerIds,
      detail: {
        collections: batch.length,
        policyVersion: ctx.policy.number,
        importFileSha256: fileSha256,
        importJobId: jobId,
      },
    });
  }

  /** What every collection in one transaction reads: once, not per row. */
  private async context(): Promise<WriteContext> {
    // In sequence: inside a transaction both run on one connection (node-postgres refuses concurrent queries on a client from pg@9).
    const policy = await currentPolicyFacts(this.em);
    const purposes = await loadPurposeFacts(this.em);
    const contacts = new Map<Language, Promise<OrganisationContact>>();
    let defaultLanguage: Promise<Language> | null = null;
    return {
      policy,
      purposes,
      purposeByKey: new Map(purposes.map((p) => [p.key, p])),
      defaultLanguage: () =>
        (defaultLanguage ??= loadOrganisation(this.em).then((o) => defaultProviderLanguage(o.defaultLanguage))),
      contact: (language) => {
        if (!contacts.has(language)) contacts.set(language, organisationContact(this.em, language));
        return contacts.get(language)!;
      },
    };
  }

  /** The collection rules (policy-core) and the reference's format: the issues, none read from the database. */
  private check(input: RecordCollectionInput, ctx: WriteContext, existing: Provider | null): Issue[] {
    const shapeIssues = providerChoiceIssues(input);
    if (shapeIssues.length) return shapeIssues;
    const validation = validateCollection(
      {
        providerKind: existing?.kind ?? input.newProvider!.kind,
        channel: input.channel,
        consentMethod: input.consentMethod,
        policyVersionShown: input.policyVersionShown,
        currentPolicyVersion: ctx.policy.number,
        purposes: input.purposes,
        items: input.items,
        source: input.source ?? null,
        note: input.note ?? null,
        reference: null,
      },
      ctx.purposes.map((p) => ({ key: p.key, categories: p.categories, retired: p.retired })),
    );
    const issues: Issue[] = validation.ok ? [] : [...validation.issues];
    const reference = referenceOf(input);
    const refIssue = reference ? validateReference(reference, 'newProvider.reference') : null;
    if (refIssue) issues.push(refIssue);
    return issues;
  }

  /** Creates a checked collection's entities in the unit of work; returns its ledger facts and audit detail. */
  private async build(
    input: RecordCollectionInput,
    ctx: WriteContext,
    existing: Provider | null,
    imported?: ImportedFrom,
    /** Collects the new rows instead of adding them to the unit of work: an import inserts them in bulk. */
    bulk?: BulkRows,
  ): Promise<{
    provider: Provider;
    collection: CollectionRecord;
    ledgerFacts: LedgerFact[];
    auditDetail: Record<string, unknown>;
  }> {
    const { policy, purposeByKey } = ctx;
    const reference = referenceOf(input);
    const now = this.deps.now();
    const collectedAt = imported?.consentedAt ?? now;
    // The signed-in admin (resolved with the session on this request): a reference, no reload.
    const recorder = this.em.getReference(AdminUser, this.actor.userId);
    const provider =
      existing ??
      this.em.create(
        Provider,
        {
          kind: input.newProvider!.kind,
          reference: reference ?? generateReference(),
          // Unless chosen: the organisation's default language (the one place: defaultProviderLanguage).
          language: input.language ?? (await ctx.defaultLanguage()),
          createdAt: now,
          updatedAt: now,
        },
        { persist: !bulk },
      );
    if (!existing) bulk?.rows.push(provider);
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
      organisation: await ctx.contact(provider.language),
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
    const collection = this.em.create(
      CollectionRecord,
      {
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
      },
      { persist: !bulk },
    );
    bulk?.rows.push(collection);

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
      if (bulk) bulk.rows.push(item);
      else this.em.persist(item);
      for (const token of tokensForValue(this.deps.cipher, item.category, itemInput.value)) {
        const row = { provider, itemId: item.id, kind: token.kind, hash: token.hash };
        if (bulk) bulk.tokens.push({ id: newId(), ...row });
        else this.em.create(SearchToken, row);
      }
    }

    // A provider created here has no events and no consent state yet: nothing to look up.
    const consents = new ConsentWriter(this.em, cipher, {
      newProvider: !existing,
      ...(bulk ? { bulk: bulk.rows } : {}),
    });
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
    return {
      provider,
      collection,
      ledgerFacts,
      auditDetail: {
        categories,
        purposes: input.purposes.map((p) => ({ key: p.purposeKey, granted: p.granted })),
        policyVersion: policy.number,
        receiptId,
        language: provider.language,
        ...(languageChanged ? { fields: ['language'] } : {}),
      },
    };
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

/** Search-token rows per insert statement (SQLite allows 32,766 parameters; a token has 5). */
const TOKEN_INSERT_CHUNK = 1000;

/** The new rows of an import's chunk: entities (created, not persisted) and search tokens. */
interface BulkRows {
  rows: object[];
  tokens: EntityData<SearchToken>[];
}

/** Inserts a chunk's rows, each table after those it refers to (providers first). */
async function insertInOrder(em: SqlEntityManager, bulk: BulkRows): Promise<void> {
  for (const type of [Provider, CollectionRecord, PersonalDataItem, ConsentEvent, ConsentStateRow]) {
    const rows = bulk.rows.filter((r) => r instanceof type);
    if (rows.length) await em.insertMany(rows);
  }
  for (let i = 0; i < bulk.tokens.length; i += TOKEN_INSERT_CHUNK)
    await em.insertMany(SearchToken, bulk.tokens.slice(i, i + TOKEN_INSERT_CHUNK));
}

interface WriteContext {
  policy: Awaited<ReturnType<typeof currentPolicyFacts>>;
  purposes: PurposeFields[];
  purposeByKey: Map<string, PurposeFields>;
  /** The organisation's default provider language, read when first needed. */
  defaultLanguage: () => Promise<Language>;
  /** The organisation's contact in a language, read once per language. */
  contact: (language: Language) => Promise<OrganisationContact>;
}

function referenceOf(input: RecordCollectionInput): string | null {
  return input.newProvider?.reference?.trim() || null;
}

function duplicateReference(): Issue {
  return { field: 'newProvider.reference', code: 'DUPLICATE', message: 'Another provider has this reference' };
}

/** A reference such as P-7K2M9QX4TA when the organisation gives none. */
function generateReference(): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  const bytes = randomBytes(10);
  return 'P-' + Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}
