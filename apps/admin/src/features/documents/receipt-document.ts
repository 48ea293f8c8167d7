import {
  isLanguage,
  label,
  type CollectionChannel,
  type ConsentMethod,
  type ConsentState,
  type DataCategory,
  type Language,
  type ReceiptDocument,
} from '@steward/policy-core';

/** A stored receipt as the printable page shows it: every label present, whatever format it was issued in. */
export type PrintableReceipt = Omit<ReceiptDocument, 'version' | 'title' | 'policy' | 'controller'> & {
  version: string;
  title: string | null;
  policy: { version: number; contentHash: string; effectiveFrom: string | null };
  controller: Partial<ReceiptDocument['controller']> & { name: string; contact: string };
};

/** The fields a receipt of the first format (`steward-receipt/1`) has: codes only, no labels. */
type StoredReceipt = {
  version: string;
  receiptId: string;
  issuedAt: string;
  jurisdiction: string;
  language: string;
  title?: string;
  controller: PrintableReceipt['controller'];
  policy: { version: number; contentHash: string; effectiveFrom?: string | null };
  subject: { reference: string };
  collection: {
    channel: CollectionChannel;
    channelLabel?: string;
    consentMethod: ConsentMethod;
    consentMethodLabel?: string;
    categories: DataCategory[];
    categoryLabels?: string[];
  };
  purposes: {
    key: string;
    title: string;
    categories: DataCategory[];
    categoryLabels?: string[];
    consent: ConsentState;
    consentLabel?: string;
  }[];
};

/**
 * A receipt's JSON read for printing, in the language it was issued in: `steward.receipt/2` carries
 * its labels; a receipt of the first format gets them from policy-core's catalogue in its language
 * (its purpose titles and controller are as issued). The JSON itself is never changed: its hash
 * covers it as issued.
 */
export function printableReceipt(json: string): PrintableReceipt {
  const r = JSON.parse(json) as StoredReceipt;
  const language: Language = isLanguage(r.language) ? r.language : 'en';
  const categoryLabels = (categories: DataCategory[], given?: string[]) =>
    given ?? categories.map((c) => label(language, 'dataCategory', c));
  return {
    ...r,
    language,
    title: r.title ?? null,
    policy: { ...r.policy, effectiveFrom: r.policy.effectiveFrom ?? null },
    collection: {
      ...r.collection,
      channelLabel: r.collection.channelLabel ?? label(language, 'channel', r.collection.channel),
      consentMethodLabel:
        r.collection.consentMethodLabel ?? label(language, 'consentMethod', r.collection.consentMethod),
      categoryLabels: categoryLabels(r.collection.categories, r.collection.categoryLabels),
    },
    purposes: r.purposes.map((p) => ({
      ...p,
      categoryLabels: categoryLabels(p.categories, p.categoryLabels),
      consentLabel: p.consentLabel ?? label(language, 'consentState', p.consent),
    })),
  };
}
