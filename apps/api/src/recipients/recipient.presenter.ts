import type { PartnerCredential } from './partner-credential.entity.js';
import type { Recipient } from './recipient.entity.js';
import type { PartnerCredentialType, RecipientType } from './recipient.type.js';

/** Never the secret hash: only what tells keys apart and their state. */
export function presentCredential(c: PartnerCredential): PartnerCredentialType {
  return {
    id: c.id,
    label: c.label,
    keyId: c.keyId,
    createdAt: c.createdAt,
    createdBy: c.createdBy.displayName,
    lastUsedAt: c.lastUsedAt,
    revokedAt: c.revokedAt,
    revoked: c.revokedAt !== null,
  };
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
