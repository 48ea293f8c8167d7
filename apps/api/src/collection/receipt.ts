import {
  label,
  RECEIPT_FORMAT_VERSION,
  type CollectionChannel,
  type ConsentMethod,
  type ConsentState,
  type DataCategory,
  type Language,
  type ReceiptDocument,
} from '@steward/policy-core';
import { createHash } from 'node:crypto';
import { canonicalJson } from '../common/canonical-json.js';
import type { OrganisationContact } from '../organisation/organisation.service.js';

export { RECEIPT_FORMAT_VERSION };

/**
 * A receipt as stored, of either format: `steward-receipt/1` (before issue 16: codes only, the
 * controller in English) or `steward.receipt/2` (ReceiptDocument: labels in the provider's language
 * beside the codes, the policy's effective date, the organisation and secretariat in that language).
 * Stored receipts never change: each keeps verifying against its own hash, whatever its format.
 */
export type StoredReceipt = Omit<ReceiptDocument, 'version' | 'language' | 'policy' | 'title'> & {
  version: string;
  language: string;
  title?: string;
  policy: { version: number; contentHash: string; effectiveFrom?: string | null };
};

/** What a collection knows when it issues the receipt. */
export interface ReceiptFacts {
  receiptId: string;
  issuedAt: Date;
  language: Language;
  organisation: OrganisationContact;
  policy: { number: number; contentHash: string; publishedAt: Date | null };
  subjectReference: string;
  channel: CollectionChannel;
  consentMethod: ConsentMethod;
  categories: DataCategory[];
  purposes: { key: string; title: string; categories: readonly DataCategory[]; consent: ConsentState }[];
}

/**
 * What the provider keeps as proof of what they agreed to (format `steward.receipt/2`), in their
 * language. Modelled on the Kantara consent receipt: controller, policy, subject reference,
 * categories and purposes with their consent. It carries references, categories and labels only,
 * never personal values, so it can be stored and re-issued without decrypting anything.
 */
export function buildReceipt(facts: ReceiptFacts): ReceiptDocument {
  const { language, organisation: org } = facts;
  const categoryLabels = (categories: readonly DataCategory[]) =>
    categories.map((c) => label(language, 'dataCategory', c));
  return {
    version: RECEIPT_FORMAT_VERSION,
    receiptId: facts.receiptId,
    issuedAt: facts.issuedAt.toISOString(),
    jurisdiction: 'JP',
    language,
    title: label(language, 'documentKind', 'CONSENT_RECEIPT'),
    controller: {
      name: org.name,
      contact: `${org.secretariatName}, ${org.email}, ${org.telephone}`,
      secretariat: org.secretariatName,
      email: org.email,
      telephone: org.telephone,
      postalAddress: org.postalAddress,
    },
    policy: {
      version: facts.policy.number,
      contentHash: facts.policy.contentHash,
      effectiveFrom: facts.policy.publishedAt?.toISOString() ?? null,
    },
    subject: { reference: facts.subjectReference },
    collection: {
      channel: facts.channel,
      channelLabel: label(language, 'channel', facts.channel),
      consentMethod: facts.consentMethod,
      consentMethodLabel: label(language, 'consentMethod', facts.consentMethod),
      categories: [...facts.categories],
      categoryLabels: categoryLabels(facts.categories),
    },
    purposes: facts.purposes.map((p) => ({
      key: p.key,
      title: p.title,
      categories: [...p.categories],
      categoryLabels: categoryLabels(p.categories),
      consent: p.consent,
      consentLabel: label(language, 'consentState', p.consent),
    })),
  };
}

/** The receipt's canonical JSON and its SHA-256 (what the provider can check it against). */
export function sealReceipt(body: ReceiptDocument): { json: string; hash: string } {
  const json = canonicalJson(body);
  return { json, hash: createHash('sha256').update(json).digest('hex') };
}
