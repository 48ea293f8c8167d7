import {
  DATA_CATEGORIES,
  currentConsents,
  type ConsentAction,
  type ConsentMethod,
  type ConsentState,
  type DataCategory,
} from '@steward/policy-core';
import { fromDbBoolean, fromDbDate, fromDbJson } from '../common/sql/dialect.js';
import type { Row } from '../common/sql/statement.js';
import type { FieldCipher } from '../crypto/field-cipher.js';
import type { LedgerEntryType } from '../ledger/ledger-explorer.type.js';
import { collectionSealContext } from '../collection/collection-record.entity.js';
import { consentNoteSealContext } from '../consent/consent-event.entity.js';
import { itemSourceSealContext } from '../providers/personal-data-item.entity.js';
import { revealSealed } from '../providers/provider.presenter.js';
import type { PurposeFields } from '../purposes/purpose-facts.js';
import type { DataItemChangeAction } from './data-item-change.entity.js';
import type { ProviderRequest } from './provider-request.entity.js';
import { openChangeValues } from './request.presenter.js';
import type {
  DataItemChangeType,
  DisclosedActorType,
  DisclosurePackageType,
  ProviderCessationType,
} from './request.type.js';

/**
 * Bumped when the package's shape changes, so a stored hash names the format it covers.
 * 2: `actors` describes who acted in the ledger entries.
 */
export const DISCLOSURE_FORMAT_VERSION = 2;

const json = fromDbJson<unknown>;

/** The provider's items as the package lists them, opened, in the vocabulary's category order. */
export function presentDisclosedItems(
  cipher: FieldCipher,
  itemRows: readonly Row[],
): DisclosurePackageType['dataItems'] {
  const rank = new Map<string, number>(DATA_CATEGORIES.map((c, i) => [c, i]));
  return itemRows
    .map((r) => ({
      id: String(r.id),
      category: r.category as DataCategory,
      value: revealSealed(cipher, String(r.id), r.category as DataCategory, String(r.value_sealed)),
      source: cipher.openText(r.source_sealed as string | null, itemSourceSealContext(String(r.id))),
      channel: r.channel as DisclosurePackageType['dataItems'][number]['channel'],
      collectedAt: fromDbDate(r.collected_at),
      collectionId: (r.collection_id as string | null) ?? null,
      publiclyAvailable: fromDbBoolean(r.publicly_available),
      publicProvenance: (r.public_provenance as string | null) ?? null,
    }))
    .sort((a, b) => (rank.get(a.category) ?? 0) - (rank.get(b.category) ?? 0));
}

/** An amendment as the package lists it, its before and after values opened like the staff view's (openChangeValues). */
function presentDisclosedChange(cipher: FieldCipher, r: Row): DataItemChangeType {
  const id = String(r.id);
  const category = r.category as DataCategory;
  return {
    id,
    itemId: String(r.item_id),
    category,
    action: r.action as DataItemChangeAction,
    ...openChangeValues(cipher, {
      id,
      category,
      beforeSealed: r.before_sealed == null ? null : String(r.before_sealed),
      afterSealed: r.after_sealed == null ? null : String(r.after_sealed),
    }),
    changedAt: fromDbDate(r.changed_at),
    changedBy: String(r.changed_by_name),
    requestReference: (r.reference as string | null) ?? null,
  };
}

/** What DisclosureService read about the provider (rows as the lean queries return them, values sealed). */
export interface DisclosureFacts {
  request: ProviderRequest;
  at: Date;
  policyNumber: number;
  org: { name: string; secretariatName: string; email: string; telephone: string };
  provider: Row;
  /** presentDisclosedItems of the item rows (the service needs their cookie identifiers first). */
  dataItems: DisclosurePackageType['dataItems'];
  collectionRows: readonly Row[];
  eventRows: readonly Row[];
  purposes: readonly PurposeFields[];
  ledger: LedgerEntryType[];
  recipients: readonly { id: string; name: string; kind: string }[];
  actors: DisclosedActorType[];
  requestRows: readonly Row[];
  changeRows: readonly Row[];
  cessationRows: readonly Row[];
  sections: { key: string; title: string; count: number; records: readonly unknown[] }[];
}

/**
 * The disclosure package's body (clause 4): everything held about the provider, shaped and opened
 * here; DisclosureService writes its canonical JSON and SHA-256.
 */
export function presentDisclosurePackage(cipher: FieldCipher, facts: DisclosureFacts) {
  const { request, ledger, recipients } = facts;
  const events = facts.eventRows.map((r) => ({
    id: String(r.id),
    purposeKey: String(r.purpose_key),
    action: r.action as ConsentAction,
    method: r.method as ConsentMethod,
    policyVersion: Number(r.policy_version),
    occurredAt: fromDbDate(r.occurred_at),
    sequence: Number(r.sequence),
    receiptId: (r.receipt_id as string | null) ?? null,
    note: cipher.openText(r.note_sealed as string | null, consentNoteSealContext(String(r.id))),
  }));
  const states = currentConsents(events);
  const titles = new Map(facts.purposes.map((p) => [p.key, p.titleEn]));
  const consents = [...states.values()]
    .map((s) => ({
      purposeKey: s.purposeKey,
      purposeTitle: titles.get(s.purposeKey) ?? s.purposeKey,
      state: s.state as ConsentState,
      since: s.since,
      policyVersion: s.policyVersion,
    }))
    .sort((a, b) => (a.purposeKey < b.purposeKey ? -1 : 1));

  const recipientNames = new Map(recipients.map((r) => [String(r.id), String(r.name)]));
  const amendments: DataItemChangeType[] = facts.changeRows.map((r) => presentDisclosedChange(cipher, r));
  const cessations: ProviderCessationType[] = facts.cessationRows.map((r) => ({
    id: String(r.id),
    action: r.action as ProviderCessationType['action'],
    purposeKey: (r.purpose_key as string | null) ?? null,
    recipientId: (r.recipient_id as string | null) ?? null,
    recipientName: r.recipient_id ? (recipientNames.get(String(r.recipient_id)) ?? null) : null,
    since: fromDbDate(r.since),
    recordedBy: String(r.recorded_by_name),
    requestReference: (r.reference as string | null) ?? null,
  }));
  const { org, provider } = facts;

  return {
    formatVersion: DISCLOSURE_FORMAT_VERSION,
    requestId: request.id,
    requestReference: request.reference,
    producedAt: facts.at,
    controller: `${org.name} (${org.secretariatName}, ${org.email}, ${org.telephone})`,
    policyVersion: facts.policyNumber,
    provider: {
      id: String(provider.id),
      reference: String(provider.reference),
      kind: provider.kind as DisclosurePackageType['provider']['kind'],
      createdAt: fromDbDate(provider.created_at),
    },
    dataItems: facts.dataItems,
    collections: facts.collectionRows.map((r) => ({
      id: String(r.id),
      channel: r.channel as DisclosurePackageType['collections'][number]['channel'],
      consentMethod: r.consent_method as ConsentMethod,
      collectedAt: fromDbDate(r.collected_at),
      policyVersion: Number(r.policy_version),
      purposes: (json(r.purposes) as { purposeKey: string; granted: boolean }[]).map((p) => ({
        purposeKey: p.purposeKey,
        granted: p.granted,
      })),
      categories: json(r.categories) as DataCategory[],
      source: cipher.openText(r.source_sealed as string | null, collectionSealContext(String(r.id), 'source')),
      note: cipher.openText(r.note_sealed as string | null, collectionSealContext(String(r.id), 'note')),
      receiptId: String(r.receipt_id),
      receiptHash: String(r.receipt_hash),
    })),
    consents,
    consentEvents: events.map(({ sequence: _sequence, ...e }) => e),
    ledgerCount: ledger.length,
    ledger,
    recipients: recipients.map((r) => ({ id: String(r.id), name: String(r.name), kind: String(r.kind) })),
    actors: facts.actors,
    requests: facts.requestRows.map((r) => ({
      reference: String(r.reference),
      kind: r.kind as DisclosurePackageType['requests'][number]['kind'],
      channel: r.channel as DisclosurePackageType['requests'][number]['channel'],
      status: r.status as DisclosurePackageType['requests'][number]['status'],
      receivedAt: fromDbDate(r.received_at),
      dueAt: fromDbDate(r.due_at),
      completedAt: r.completed_at == null ? null : fromDbDate(r.completed_at),
    })),
    amendments,
    cessations,
    sections: facts.sections.map((s) => ({ key: s.key, title: s.title, count: s.count, records: s.records })),
  };
}
