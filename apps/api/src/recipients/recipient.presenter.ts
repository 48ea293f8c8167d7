import { presentKeyCredential } from '../common/api-key.presenter.js';
import type { PartnerCredential } from './partner-credential.entity.js';
import type { Recipient } from './recipient.entity.js';
import type { PartnerCredentialType, RecipientType } from './recipient.type.js';

export function presentCredential(c: PartnerCredential): PartnerCredentialType {
  return presentKeyCredential(c);
}

export function presentRecipient(r: Recipient, credentials: readonly PartnerCredential[]): RecipientType {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    contact: r.contact,
    notes: r.notes,
    createdAt: r.createdAt,
    credentials: credentials.map(presentCredential),
  };
}
