import type { PurposeFields } from '../purposes/purpose-facts.js';
import { presentPurpose } from '../purposes/purpose.presenter.js';
import type { FieldCipher } from '../crypto/field-cipher.js';
import { collectionSealContext, type CollectionRecord } from './collection-record.entity.js';
import type { CollectionType } from './collection.type.js';
import type { StoredReceipt } from './receipt.js';
import type { ConsentReceiptType } from './collection.type.js';

/** A collection as staff see it: its source and note opened here. */
export function presentCollection(
  cipher: FieldCipher,
  record: CollectionRecord,
  purposesByKey: ReadonlyMap<string, PurposeFields>,
): CollectionType {
  return {
    id: record.id,
    channel: record.channel,
    consentMethod: record.consentMethod,
    collectedAt: record.collectedAt,
    policyVersion: record.policyVersion,
    source: cipher.openText(record.sourceSealed, collectionSealContext(record.id, 'source')),
    note: cipher.openText(record.noteSealed, collectionSealContext(record.id, 'note')),
    recordedBy: record.recordedByName,
    categories: [...record.categories],
    purposes: record.purposes.flatMap((p) => {
      const purpose = purposesByKey.get(p.purposeKey);
      return purpose
        ? [
            {
              purpose: presentPurpose(purpose),
              state: p.granted ? 'GRANTED' : 'REFUSED',
              since: record.collectedAt,
              policyVersion: record.policyVersion,
            } as const,
          ]
        : [];
    }),
    receipt: presentReceipt(record.receiptJson, record.receiptHash),
  };
}

export function presentReceipt(json: string, hash: string): ConsentReceiptType {
  const body = JSON.parse(json) as StoredReceipt;
  return {
    receiptId: body.receiptId,
    version: body.version,
    issuedAt: new Date(body.issuedAt),
    jurisdiction: body.jurisdiction,
    language: body.language,
    controllerName: body.controller.name,
    controllerContact: body.controller.contact,
    policyVersion: body.policy.version,
    policyContentHash: body.policy.contentHash,
    subjectReference: body.subject.reference,
    channel: body.collection.channel,
    consentMethod: body.collection.consentMethod,
    categories: body.collection.categories,
    purposes: body.purposes,
    hash,
    json,
  };
}
