import type { ApiKeyType } from './api-key.type.js';

/** The row fields every key type has (partner keys and system keys). */
interface ApiKeyRow {
  id: string;
  label: string;
  keyId: string;
  createdAt: Date;
  createdBy: { displayName: string };
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** Never the secret hash: only what tells keys apart and their state. */
export function presentApiKey(c: ApiKeyRow): ApiKeyType & { keyId: string } {
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
