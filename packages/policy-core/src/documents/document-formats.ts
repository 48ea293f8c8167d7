import type { Language } from '../messages/catalogue.js';
import type { CollectionChannel } from '../vocabulary/channels.js';
import type { ConsentAction, ConsentMethod, ConsentState } from '../vocabulary/consent.js';
import type { DataCategory } from '../vocabulary/data-categories.js';
import type { ExceptionKind } from '../vocabulary/exceptions.js';
import type { ProviderKind } from '../vocabulary/provider-kinds.js';
import type { DecisionAction } from '../decision/decision.js';
import type { RequestChannel, RequestKind, RequestStatus } from '../requests/request-vocabulary.js';
import type {
  DataItemChangeAction,
  DISCLOSURE_FORMAT_VERSION,
  DisclosureSectionKey,
  LedgerEntryKind,
  LedgerOutcome,
  RECEIPT_FORMAT_VERSION,
  UseBasisKind,
} from './document-vocabulary.js';
import type { EvidencePackage } from './evidence-format.js';

/*
 * The JSON formats of the documents Steward gives a provider, as types: the API writes them, the admin
 * prints them, and anyone holding one can read it. Every coded value keeps its code and carries its label
 * in the document's `language` beside it (`category` / `categoryLabel`; a list of codes has a parallel
 * list of labels). `D` is how a date is held: a `Date` while the API builds the document, an ISO 8601
 * string in the JSON.
 */

/** The sections of the package that Steward itself writes (the others are `sections`). */
export type CoreDisclosureSectionKey = Exclude<DisclosureSectionKey, 'inquiries' | 'cookieConsents' | 'incidents'>;

/** The disclosure package, format `steward.disclosure/6` (ARCHITECTURE.md "Documents to a provider"). */
export interface DisclosureDocument<D = string> {
  formatVersion: typeof DISCLOSURE_FORMAT_VERSION;
  /** The provider's language: every label, title and name below is in it. */
  language: Language;
  title: string;
  sectionTitles: Record<CoreDisclosureSectionKey, string>;
  requestId: string;
  requestReference: string;
  producedAt: D;
  /** The organisation, its secretariat and how to reach it, in `language`. */
  controller: string;
  policyVersion: number;
  provider: { id: string; reference: string; kind: ProviderKind; kindLabel: string; createdAt: D };
  dataItems: {
    id: string;
    category: DataCategory;
    categoryLabel: string;
    value: string;
    source: string | null;
    channel: CollectionChannel;
    channelLabel: string;
    collectedAt: D;
    collectionId: string | null;
    publiclyAvailable: boolean;
    publicProvenance: string | null;
  }[];
  collections: {
    id: string;
    channel: CollectionChannel;
    channelLabel: string;
    consentMethod: ConsentMethod;
    consentMethodLabel: string;
    collectedAt: D;
    policyVersion: number;
    purposes: {
      purposeKey: string;
      purposeTitle: string;
      granted: boolean;
      consent: ConsentState;
      consentLabel: string;
    }[];
    categories: DataCategory[];
    categoryLabels: string[];
    source: string | null;
    note: string | null;
    receiptId: string;
    receiptHash: string;
  }[];
  consents: {
    purposeKey: string;
    purposeTitle: string;
    state: ConsentState;
    stateLabel: string;
    since: D | null;
    policyVersion: number | null;
  }[];
  consentEvents: {
    id: string;
    purposeKey: string;
    purposeTitle: string;
    action: ConsentAction;
    actionLabel: string;
    method: ConsentMethod;
    methodLabel: string;
    policyVersion: number;
    occurredAt: D;
    receiptId: string | null;
    note: string | null;
  }[];
  ledgerCount: number;
  ledger: DisclosedLedgerEntry<D>[];
  recipients: { id: string; name: string; kind: string; kindLabel: string }[];
  requests: {
    reference: string;
    kind: RequestKind;
    kindLabel: string;
    channel: RequestChannel;
    channelLabel: string;
    status: RequestStatus;
    statusLabel: string;
    receivedAt: D;
    dueAt: D;
    completedAt: D | null;
  }[];
  amendments: {
    id: string;
    itemId: string;
    category: DataCategory;
    categoryLabel: string;
    action: DataItemChangeAction;
    actionLabel: string;
    before: string | null;
    after: string | null;
    changedAt: D;
    changedBy: string;
    requestReference: string | null;
  }[];
  cessations: {
    id: string;
    action: DecisionAction;
    actionLabel: string;
    purposeKey: string | null;
    purposeTitle: string | null;
    recipientId: string | null;
    recipientName: string | null;
    since: D;
    recordedBy: string;
    requestReference: string | null;
  }[];
  /**
   * Proof that `ledger` holds every entry naming the provider, unaltered, in a ledger whose signed
   * tree head is inside (checkable offline with @steward/verify); null only while the ledger's tree is
   * still being built after an upgrade (`evidenceUnavailable` says so).
   */
  evidence: EvidencePackage | null;
  /** Why `evidence` is null, in `language`; null when it is there. */
  evidenceUnavailable: string | null;
  /** Sections other features add (`inquiries`, `cookieConsents`, `incidents`), their titles in `language`. */
  sections: { key: string; title: string; count: number; records: readonly unknown[] }[];
}

/**
 * One ledger entry as the package shows it: who acted by name (never an internal id), the purpose by
 * its title, the recipient by name. A flat record (the package's bulk: written without a generic sort).
 */
export interface DisclosedLedgerEntry<D = string> {
  sequence: number;
  id: string;
  recordedAt: D;
  kind: LedgerEntryKind;
  kindLabel: string;
  actorName: string;
  purposeKey: string | null;
  purposeTitle: string | null;
  recipientId: string | null;
  recipientName: string | null;
  categories: string[];
  categoryLabels: string[];
  outcome: LedgerOutcome;
  outcomeLabel: string;
  basisKind: UseBasisKind | null;
  basisLabel: string | null;
  exceptionId: string | null;
  exceptionKind: ExceptionKind | null;
  exceptionKindLabel: string | null;
  /** The stored basis as JSON (references only). */
  basis: string | null;
  policyVersion: number;
  hash: string;
}

/**
 * A consent receipt, format `steward.receipt/2` (after `steward-receipt/1`, which had no labels, no
 * policy date and an English-only controller). Modelled on the Kantara consent receipt; it names
 * categories and purposes, never a personal value.
 */
export interface ReceiptDocument {
  version: typeof RECEIPT_FORMAT_VERSION;
  receiptId: string;
  issuedAt: string;
  jurisdiction: string;
  /** The provider's language when it was issued: every label, title and name below is in it. */
  language: Language;
  title: string;
  controller: {
    name: string;
    /** `secretariat, e-mail, telephone` in one line (as version 1 had it). */
    contact: string;
    secretariat: string;
    email: string;
    telephone: string;
    postalAddress: string;
  };
  policy: { version: number; contentHash: string; effectiveFrom: string | null };
  subject: { reference: string };
  collection: {
    channel: CollectionChannel;
    channelLabel: string;
    consentMethod: ConsentMethod;
    consentMethodLabel: string;
    categories: DataCategory[];
    categoryLabels: string[];
  };
  purposes: {
    key: string;
    title: string;
    categories: DataCategory[];
    categoryLabels: string[];
    consent: ConsentState;
    consentLabel: string;
  }[];
}
