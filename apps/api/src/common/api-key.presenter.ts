import type { ApiKeyColumns } from './api-key-columns.js';
import type { ApiKeyType, KeyCredentialType } from './api-key.type.js';

/** What every key credential entity has (partner keys and system keys). */
interface KeyCredentialRow {
  id: string;
  createdAt: Date;
  key: ApiKeyColumns;
}

/** Never the secret hash: only what tells keys apart and their state. */
export function presentApiKey({ createdAt, key }: KeyCredentialRow): ApiKeyType {
  return {
    label: key.label,
    keyId: key.keyId,
    createdAt,
    createdBy: key.createdBy.displayName,
    lastUsedAt: key.lastUsedAt,
    revokedAt: key.revokedAt,
    revoked: key.revokedAt !== null,
  };
}

/** A credential's id and its key. */
export function presentKeyCredential(c: KeyCredentialRow): KeyCredentialType {
  return { id: c.id, key: presentApiKey(c) };
}
