import { payloadHashOf, type LedgerFact } from '../ledger/ledger.service.js';
import type { ConsentEvent } from './consent-event.entity.js';

/**
 * The ledger entry for a consent event: it commits to the event's content (its note as written, before
 * sealing), so editing the event later is detectable.
 */
export function consentLedgerFact(
  event: ConsentEvent,
  purposeKey: string,
  categories: readonly string[],
  actor: string,
  note: string | null = null,
): LedgerFact {
  return {
    kind: 'CONSENT',
    actor,
    providerId: event.provider.id,
    purposeKey,
    categories,
    outcome: 'RECORDED',
    basis: { action: event.action, method: event.method },
    policyVersion: event.policyVersion,
    subjectRef: event.id,
    payloadHash: payloadHashOf({
      id: event.id,
      providerId: event.provider.id,
      purposeKey,
      sequence: event.sequence,
      action: event.action,
      method: event.method,
      policyVersion: event.policyVersion,
      occurredAt: event.occurredAt.toISOString(),
      collectionId: event.collection?.id ?? null,
      receiptId: event.receiptId,
      note,
    }),
  };
}
