import type { EntityManager } from '@mikro-orm/core';
import { SYSTEM_FORBIDDEN } from '../common/auth-checker.js';
import { authenticateKey, type KeyStore } from '../common/key-auth.js';
import type { RootFieldScope } from '../common/root-field-guard.js';
import type { AppDeps, SystemPrincipal } from '../context.js';

/** The same answer for unknown, malformed and revoked keys: nothing tells them apart. */
export const SYSTEM_KEY_REJECTED = 'The system key is not valid';
/** The root fields an internal system's key may select (plus `__typename`). */
export const SYSTEM_ROOT_FIELDS: ReadonlySet<string> = new Set(['decision']);
/** An internal system's key runs `decision` queries only (common/root-field-guard.ts). */
export const SYSTEM_SCOPE: RootFieldScope = { fields: SYSTEM_ROOT_FIELDS, queryOnly: true, refusal: SYSTEM_FORBIDDEN };

const SYSTEM_KEYS: KeyStore<SystemPrincipal> = {
  kind: 'system',
  table: 'system_credential',
  columns: [],
  rejected: SYSTEM_KEY_REJECTED,
  principal: (row) => ({ credentialId: row.id }),
};

/**
 * Resolves a presented internal-system key (`sys_…`) to its credential, or throws UNAUTHENTICATED
 * (one message for every failure). Records `lastUsedAt`, at most once a minute per key.
 */
export function authenticateSystem(em: EntityManager, deps: AppDeps, token: string): Promise<SystemPrincipal> {
  return authenticateKey(em, deps, token, SYSTEM_KEYS);
}
