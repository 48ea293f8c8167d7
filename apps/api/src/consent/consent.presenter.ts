import { presentPurpose } from '../purposes/purpose.presenter.js';
import type { FieldCipher } from '../crypto/field-cipher.js';
import { consentNoteSealContext, type ConsentEvent } from './consent-event.entity.js';
import type { ConsentEventType } from './consent.type.js';

/** A consent event as staff see it: its note opened here. */
export function presentConsentEvent(cipher: FieldCipher, e: ConsentEvent): ConsentEventType {
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
    note: cipher.openText(e.noteSealed, consentNoteSealContext(e.id)),
  };
}
