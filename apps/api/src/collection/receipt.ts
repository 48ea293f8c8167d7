import type { CollectionChannel, ConsentMethod, ConsentState, DataCategory } from '@steward/policy-core';
import { createHash } from 'node:crypto';
import { canonicalJson } from '../common/canonical-json.js';

export const RECEIPT_VERSION = 'steward-receipt/1';

/**
 * What the provider keeps as proof of what they agreed to. Modelled on the Kantara consent
 * receipt: controller, policy, subject reference, categories and purposes with their consent.
 * It carries references and categories only, never personal values, so it can be stored and
 * re-issued without decrypting anything.
 */
export interface ReceiptBody {
  version: typeof RECEIPT_VERSION;
  receiptId: string;
  issuedAt: string;
  jurisdiction: string;
  language: string;
  controller: { name: string; contact: string };
  policy: { version: number; contentHash: string };
  subject: { reference: string };
  collection: { channel: CollectionChannel; consentMethod: ConsentMethod; categories: DataCategory[] };
  purposes: { key: string; title: string; categories: DataCategory[]; consent: ConsentState }[];
}

export function sealReceipt(body: ReceiptBody): { json: string; hash: string } {
  const json = canonicalJson(body);
  return { json, hash: createHash('sha256').update(json).digest('hex') };
}
