import type { EntityManager } from '@mikro-orm/core';
import type { AppDeps } from '../context.js';
import { parseApiKey, secretMatches, type ApiKeyKind } from './api-key.js';
import { UnauthenticatedError, requestError } from './errors.js';
import { keyCredentialRow, touchKeyCredential } from './key-auth.queries.js';
import { fromDbDate } from './sql/dialect.js';

/** `lastUsedAt` is written at most this often per key. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** The bearer token of an `Authorization` header; undefined when there is none, '' when it is not a bearer token. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : '';
}

/** Where one kind of API key is kept, and what its requests act as. */
export interface KeyStore<P> {
  kind: ApiKeyKind;
  /** The credential table: `id`, `key_id`, `secret_hash`, `revoked_at`, `last_used_at` and `columns`. */
  table: 'partner_credential' | 'system_credential';
  /** Further columns the principal is made of. */
  columns: readonly string[];
  /** The one UNAUTHENTICATED message for every failure. */
  rejected: string;
  principal(row: { id: string } & Record<string, unknown>): P;
}

/**
 * Resolves a presented key to its credential's principal, or throws UNAUTHENTICATED with one
 * message for unknown, malformed, wrong and revoked keys alike. Records `lastUsedAt`, at most once
 * a minute per key.
 */
export async function authenticateKey<P>(
  em: EntityManager,
  deps: AppDeps,
  token: string,
  store: KeyStore<P>,
): Promise<P> {
  const rejected = () => requestError(new UnauthenticatedError(store.rejected), 401);
  const parsed = parseApiKey(store.kind, token);
  if (!parsed) throw rejected();
  const row = await keyCredentialRow(em, store.table, store.columns, parsed.keyId);
  // Compare against a hash either way, so an unknown key id costs what a wrong secret does.
  const matches = secretMatches(parsed.secret, row?.secret_hash ?? '0'.repeat(64));
  if (!row || !matches || row.revoked_at != null) throw rejected();
  const now = deps.now();
  const lastUsed = row.last_used_at == null ? null : fromDbDate(row.last_used_at);
  if (!lastUsed || now.getTime() - lastUsed.getTime() >= LAST_USED_RESOLUTION_MS) {
    const threshold = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    // The condition makes concurrent requests write it once.
    await touchKeyCredential(em, store.table, row.id, now, threshold);
  }
  return store.principal(row);
}
