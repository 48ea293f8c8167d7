import {
  DATA_CATEGORIES,
  DISCLOSURE_FORMAT_VERSION,
  currentConsents,
  label,
  messages,
  DISCLOSURE_SECTION_KEYS,
  type MessageKey,
  type CoreDisclosureSectionKey,
  type DisclosedLedgerEntry,
  type ProviderKind,
  type DisclosureDocument,
  type ExceptionKind,
  type Language,
  type ConsentAction,
  type ConsentMethod,
  type CollectionChannel,
  type ConsentState,
  type DataCategory,
  type DecisionAction,
  type LedgerEntryKind,
  type LedgerOutcome,
  type RequestChannel,
  type RequestKind,
  type RequestStatus,
  type RecipientKind,
  type EvidencePackage,
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
import type { DataItemChangeType, DisclosedActorType } from './request.type.js';

/**
 * The package's format (policy-core's DISCLOSURE_FORMAT_VERSION, inside what the hash covers), bumped
 * when its shape changes. 1 and 2 were numbers (2: `actors` describes who acted); `steward.disclosure/3`
 * is in the provider's language with labels beside the codes (ARCHITECTURE.md "Documents to a provider");
 * 4 labels each recipient's kind (`recipients[].kindLabel`).
 */
export { DISCLOSURE_FORMAT_VERSION };

const json = fromDbJson<unknown>;

/** The provider's items as the package lists them, opened, in the vocabulary's category order. */
export function presentDisclosedItems(
  cipher: FieldCipher,
  itemRows: readonly Row[],
  language: Language,
): DisclosureDocument<Date>['dataItems'] {
  const rank = new Map<string, number>(DATA_CATEGORIES.map((c, i) => [c, i]));
  return itemRows
    .map((r) => ({
      id: String(r.id),
      category: r.category as DataCategory,
      categoryLabel: label(language, 'dataCategory', r.category as DataCategory),
      value: revealSealed(cipher, String(r.id), r.category as DataCategory, String(r.value_sealed)),
      source: cipher.openText(r.source_sealed as string | null, itemSourceSealContext(String(r.id))),
      channel: r.channel as CollectionChannel,
      channelLabel: label(language, 'channel', r.channel as CollectionChannel),
      collectedAt: fromDbDate(r.collected_at),
      collectionId: (r.collection_id as string | null) ?? null,
      publiclyAvailable: fromDbBoolean(r.publicly_available),
      publicProvenance: (r.public_provenance as string | null) ?? null,
    }))
    .sort((a, b) => (rank.get(a.category) ?? 0) - (rank.get(b.category) ?? 0));
}

/** An amendment as the package lists it, its before and after values opened like the staff view's (openChangeValues). */
function presentDisclosedChange(
  cipher: FieldCipher,
  r: Row,
  language: Language,
): DataItemChangeType & DisclosureDocument<Date>['amendments'][number] {
  const id = String(r.id);
  const category = r.category as DataCategory;
  const action = r.action as DataItemChangeAction;
  return {
    id,
    itemId: String(r.item_id),
    category,
    categoryLabel: label(language, 'dataCategory', category),
    action,
    actionLabel: label(language, 'dataItemChangeAction', action),
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
  /** The provider's language: the package's labels, titles and names are in it. */
  language: Language;
  policyNumber: number;
  /** The organisation in `language` (organisationContact). */
  org: { name: string; secretariatName: string; email: string; telephone: string };
  provider: Row;
  /** presentDisclosedItems of the item rows (the service needs their cookie identifiers first). */
  dataItems: DisclosureDocument<Date>['dataItems'];
  collectionRows: readonly Row[];
  eventRows: readonly Row[];
  purposes: readonly PurposeFields[];
  ledger: readonly LedgerEntryType[];
  recipients: readonly { id: string; name: string; kind: string }[];
  /** Who the ledger's actor references name, described in `language` (presentActors). */
  actors: readonly DisclosedActorType[];
  requestRows: readonly Row[];
  changeRows: readonly Row[];
  cessationRows: readonly Row[];
  sections: { key: string; title: string; count: number; records: readonly unknown[] }[];
  /** The proofs (LedgerTreeService.providerEvidence); null while the ledger's tree is being built. */
  evidence: EvidencePackage | null;
}

/** The ledger entries as the package shows them: labels, the actor's name, the purpose's title, the recipient's name. */
function presentDisclosedLedger(
  ledger: readonly LedgerEntryType[],
  language: Language,
  names: {
    actors: ReadonlyMap<string, string>;
    purposes: ReadonlyMap<string, string>;
    recipients: ReadonlyMap<string, string>;
  },
): DisclosedLedgerEntry<Date>[] {
  const unknownActor = names.actors.get('') ?? '';
  return ledger.map((e) => {
    const exceptionKind = (e.exceptionKind as ExceptionKind | null) ?? null;
    return {
      sequence: e.sequence,
      id: e.id,
      recordedAt: e.recordedAt,
      kind: e.kind as LedgerEntryKind,
      kindLabel: label(language, 'ledgerKind', e.kind as LedgerEntryKind),
      actorName: names.actors.get(e.actor) ?? unknownActor,
      purposeKey: e.purposeKey,
      purposeTitle: e.purposeKey ? (names.purposes.get(e.purposeKey) ?? e.purposeKey) : null,
      recipientId: e.recipientId,
      recipientName: e.recipientId ? (names.recipients.get(e.recipientId) ?? null) : null,
      categories: e.categories,
      categoryLabels: e.categories.map((c) => labelOrCode(language, 'dataCategory', c)),
      outcome: e.outcome as LedgerOutcome,
      outcomeLabel: label(language, 'ledgerOutcome', e.outcome as LedgerOutcome),
      basisKind: e.basisKind,
      basisLabel: e.basisKind ? label(language, 'useBasis', e.basisKind) : null,
      exceptionId: e.exceptionId,
      exceptionKind,
      exceptionKindLabel: exceptionKind ? labelOrCode(language, 'exceptionKind', exceptionKind) : null,
      basis: e.basis,
      policyVersion: e.policyVersion,
      hash: e.hash,
    };
  });
}

/** A label for a value read back from storage that the vocabulary may no longer hold: the code itself then. */
function labelOrCode(language: Language, namespace: 'dataCategory' | 'exceptionKind', value: string): string {
  return messages[language][`${namespace}.${value}` as MessageKey] ?? value;
}

/**
 * The disclosure package's body (clause 4, format `steward.disclosure/6`): everything held about the
 * provider, shaped and opened here, every code with its label in the provider's language beside it;
 * DisclosureService writes its canonical JSON and SHA-256.
 */
export function presentDisclosurePackage(cipher: FieldCipher, facts: DisclosureFacts): DisclosureDocument<Date> {
  const { request, language, recipients } = facts;
  const titles = new Map(facts.purposes.map((p) => [p.key, language === 'ja' ? p.titleJa : p.titleEn]));
  const titleOf = (key: string) => titles.get(key) ?? key;
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
  const consents = [...states.values()]
    .map((s) => ({
      purposeKey: s.purposeKey,
      purposeTitle: titleOf(s.purposeKey),
      state: s.state as ConsentState,
      stateLabel: label(language, 'consentState', s.state as ConsentState),
      since: s.since,
      policyVersion: s.policyVersion,
    }))
    .sort((a, b) => (a.purposeKey < b.purposeKey ? -1 : 1));

  const recipientNames = new Map(recipients.map((r) => [String(r.id), String(r.name)]));
  const actorNames = new Map(facts.actors.map((a) => [a.ref, a.description]));
  const amendments = facts.changeRows.map((r) => presentDisclosedChange(cipher, r, language));
  const cessations = facts.cessationRows.map((r) => {
    const action = r.action as DecisionAction;
    const purposeKey = (r.purpose_key as string | null) ?? null;
    return {
      id: String(r.id),
      action,
      actionLabel: label(language, 'decisionAction', action),
      purposeKey,
      purposeTitle: purposeKey ? titleOf(purposeKey) : null,
      recipientId: (r.recipient_id as string | null) ?? null,
      recipientName: r.recipient_id ? (recipientNames.get(String(r.recipient_id)) ?? null) : null,
      since: fromDbDate(r.since),
      recordedBy: String(r.recorded_by_name),
      requestReference: (r.reference as string | null) ?? null,
    };
  });
  const { org, provider } = facts;
  const kind = provider.kind as ProviderKind;
  const section = (key: CoreDisclosureSectionKey) => label(language, 'disclosureSection', key);

  return {
    formatVersion: DISCLOSURE_FORMAT_VERSION,
    language,
    title: label(language, 'documentKind', 'DISCLOSURE'),
    sectionTitles: Object.fromEntries(CORE_SECTIONS.map((k) => [k, section(k)])) as Record<
      CoreDisclosureSectionKey,
      string
    >,
    requestId: request.id,
    requestReference: request.reference,
    producedAt: facts.at,
    controller:
      language === 'ja'
        ? `${org.name}（${org.secretariatName}、${org.email}、${org.telephone}）`
        : `${org.name} (${org.secretariatName}, ${org.email}, ${org.telephone})`,
    policyVersion: facts.policyNumber,
    provider: {
      id: String(provider.id),
      reference: String(provider.reference),
      kind,
      kindLabel: label(language, 'providerKind', kind),
      createdAt: fromDbDate(provider.created_at),
    },
    dataItems: facts.dataItems,
    collections: facts.collectionRows.map((r) => {
      const channel = r.channel as CollectionChannel;
      const consentMethod = r.consent_method as ConsentMethod;
      const categories = json(r.categories) as DataCategory[];
      return {
        id: String(r.id),
        channel,
        channelLabel: label(language, 'channel', channel),
        consentMethod,
        consentMethodLabel: label(language, 'consentMethod', consentMethod),
        collectedAt: fromDbDate(r.collected_at),
        policyVersion: Number(r.policy_version),
        purposes: (json(r.purposes) as { purposeKey: string; granted: boolean }[]).map((p) => {
          const consent: ConsentState = p.granted ? 'GRANTED' : 'REFUSED';
          return {
            purposeKey: p.purposeKey,
            purposeTitle: titleOf(p.purposeKey),
            granted: p.granted,
            consent,
            consentLabel: label(language, 'consentState', consent),
          };
        }),
        categories,
        categoryLabels: categories.map((c) => labelOrCode(language, 'dataCategory', c)),
        source: cipher.openText(r.source_sealed as string | null, collectionSealContext(String(r.id), 'source')),
        note: cipher.openText(r.note_sealed as string | null, collectionSealContext(String(r.id), 'note')),
        receiptId: String(r.receipt_id),
        receiptHash: String(r.receipt_hash),
      };
    }),
    consents,
    consentEvents: events.map(({ sequence: _sequence, ...e }) => ({
      ...e,
      purposeTitle: titleOf(e.purposeKey),
      actionLabel: label(language, 'consentAction', e.action),
      methodLabel: label(language, 'consentMethod', e.method),
    })),
    ledgerCount: facts.ledger.length,
    ledger: presentDisclosedLedger(facts.ledger, language, {
      actors: new Map([...actorNames, ['', label(language, 'actorKind', 'UNKNOWN')]]),
      purposes: titles,
      recipients: recipientNames,
    }),
    recipients: recipients.map((r) => {
      const kind = r.kind as RecipientKind;
      return { id: String(r.id), name: String(r.name), kind, kindLabel: label(language, 'recipientKind', kind) };
    }),
    requests: facts.requestRows.map((r) => {
      const kind = r.kind as RequestKind;
      const channel = r.channel as RequestChannel;
      const status = r.status as RequestStatus;
      return {
        reference: String(r.reference),
        kind,
        kindLabel: label(language, 'requestKind', kind),
        channel,
        channelLabel: label(language, 'requestChannel', channel),
        status,
        statusLabel: label(language, 'requestStatus', status),
        receivedAt: fromDbDate(r.received_at),
        dueAt: fromDbDate(r.due_at),
        completedAt: r.completed_at == null ? null : fromDbDate(r.completed_at),
      };
    }),
    amendments,
    cessations,
    evidence: facts.evidence,
    evidenceUnavailable: facts.evidence ? null : label(language, 'disclosureNote', 'evidenceUnavailable'),
    sections: facts.sections.map((s) => ({ key: s.key, title: s.title, count: s.count, records: s.records })),
  };
}

/** The sections Steward itself writes, in the package's order. */
const CORE_SECTIONS = DISCLOSURE_SECTION_KEYS.filter(
  (k): k is CoreDisclosureSectionKey => k !== 'inquiries' && k !== 'cookieConsents',
);
