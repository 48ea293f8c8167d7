import type { PurposeFields } from '../purposes/purpose-facts.js';
import { presentPurpose } from '../purposes/purpose.type.js';
import type { CollectionRecord } from './collection-record.entity.js';
import type { CollectionType } from './collection.type.js';
import { presentReceipt } from './receipt.js';

export function presentCollection(
  record: CollectionRecord,
  purposesByKey: ReadonlyMap<string, PurposeFields>,
): CollectionType {
  return {
    id: record.id,
    channel: record.channel,
    consentMethod: record.consentMethod,
    collectedAt: record.collectedAt,
    policyVersion: record.policyVersion,
    source: record.source,
    note: record.note,
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
