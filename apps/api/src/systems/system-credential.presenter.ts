import type { SystemCredential } from './system-credential.entity.js';
import type { SystemCredentialType } from './system-credential.type.js';

/** Never the secret hash: only what tells keys apart and their state. */
export function presentSystemCredential(c: SystemCredential): SystemCredentialType {
  return {
    id: c.id,
    systemName: c.systemName,
    label: c.label,
    keyId: c.keyId,
    createdAt: c.createdAt,
    createdBy: c.createdBy.displayName,
    lastUsedAt: c.lastUsedAt,
    revokedAt: c.revokedAt,
    revoked: c.revokedAt !== null,
  };
}
