/**
 * What Steward's documents to a provider (the disclosure package, the consent receipt) name: the
 * ledger's kinds, outcomes and bases, amendment actions, who acted, and the package's sections. Each
 * value has a label in the catalogue (`ledgerKind.USE`, `disclosureSection.ledger`), so a document
 * keeps the code and shows the label in the provider's language beside it.
 */

/** The versions of the documents' JSON formats: the first thing a reader checks, and inside what the hash covers. */
export const DISCLOSURE_FORMAT_VERSION = 'steward.disclosure/6';
export const RECEIPT_FORMAT_VERSION = 'steward.receipt/2';

/** The kinds of documents Steward gives a provider (their titles). */
export const DOCUMENT_KINDS = ['DISCLOSURE', 'CONSENT_RECEIPT'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * What a ledger entry records. RESTORE: a restore of an older backup, naming the entries it lost.
 * INCIDENT: one step of handling a leak, loss, damage or falsification (its basis commits to the
 * affected providers by the hash of their sorted ids).
 */
export const LEDGER_ENTRY_KINDS = [
  'COLLECTION',
  'CONSENT',
  'USE',
  'PROVISION',
  'DECISION',
  'POLICY',
  'RESTORE',
  'INCIDENT',
] as const;
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];

/** A ledger entry's outcome: a record, or a use, provision or decision allowed or denied. */
export const LEDGER_OUTCOMES = ['RECORDED', 'ALLOWED', 'DENIED'] as const;
export type LedgerOutcome = (typeof LEDGER_OUTCOMES)[number];

/**
 * Why a ledger verification failed, as a code (the API's LedgerService.verify): each is worded as
 * `ledgerFailure.<code>` in ja/en with `{sequence}` (the first failing entry) and `{at}` (the entry a
 * checkpoint, anchor or range names), so an incident opened by a failed verification says it in both.
 */
export const LEDGER_FAILURE_CODES = [
  'CHECKPOINT_SIGNATURE',
  'ENTRY_MISSING',
  'CHAIN_BROKEN',
  'ENTRY_CHANGED',
  'CHECKPOINT_DIFFERS',
  'CHECKPOINT_MISSING',
  'ANCHOR_DIFFERS',
  'ENTRIES_MISSING',
  'CHECKPOINT_UNCOVERED',
  'ANCHOR_UNCOVERED',
  'HEAD_MISMATCH',
] as const;
export type LedgerFailureCode = (typeof LEDGER_FAILURE_CODES)[number];

/** The basis of a use, provision or decision (decide()'s `basis.kind`). */
export const USE_BASIS_KINDS = ['CONSENT', 'PUBLICLY_AVAILABLE', 'EXCEPTION'] as const;
export type UseBasisKind = (typeof USE_BASIS_KINDS)[number];

/** What an amendment did to one item. */
export const DATA_ITEM_CHANGE_ACTIONS = ['ADD', 'UPDATE', 'REMOVE'] as const;
export type DataItemChangeAction = (typeof DATA_ITEM_CHANGE_ACTIONS)[number];

/**
 * Who a ledger entry says acted, as a document describes them; the labels take `{name}` (and a staff
 * member's `{role}`), so an actor is a name, never an internal id.
 */
export const DOCUMENT_ACTOR_KINDS = ['STAFF', 'RECIPIENT_SYSTEM', 'INTERNAL_SYSTEM', 'STEWARD', 'UNKNOWN'] as const;
export type DocumentActorKind = (typeof DOCUMENT_ACTOR_KINDS)[number];

/**
 * The disclosure package's sections, in order: its own (from `steward.disclosure/6` with `evidence`,
 * the proofs), then those other features add (`inquiries`, `cookieConsents`, and from `/5` `incidents`).
 */
export const DISCLOSURE_SECTION_KEYS = [
  'provider',
  'dataItems',
  'collections',
  'consents',
  'consentEvents',
  'ledger',
  'recipients',
  'requests',
  'amendments',
  'cessations',
  'evidence',
  'inquiries',
  'cookieConsents',
  'incidents',
] as const;
export type DisclosureSectionKey = (typeof DISCLOSURE_SECTION_KEYS)[number];

/** Notes a disclosure package may carry about itself (`disclosureNote.<key>` in the catalogue). */
export const DISCLOSURE_NOTES = ['evidenceUnavailable'] as const;
export type DisclosureNote = (typeof DISCLOSURE_NOTES)[number];
