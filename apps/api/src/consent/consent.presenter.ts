import { presentPurpose } from '../purposes/purpose.presenter.js';
import type { ConsentEvent } from './consent-event.entity.js';
import type { ConsentEventType } from './consent.type.js';

export function presentConsentEvent(e: ConsentEvent): ConsentEventType {
  return {
    id: e.id,
    purpose: presentPurpose(e.purpose),
    action: e.action,
    method: e.method,
    policyVersion: e.policyVersion,
    occurredAt: e.occurredAt,
    recordedBy: e.recordedByName,
    collectionId: e.collection?.id ?? null,
    receiptId: e.receiptId,
    note: e.note,
  };
}
