import type { EntityManager } from '@mikro-orm/core';
import { PARTNER_FORBIDDEN } from '../common/auth-checker.js';
import { authenticateKey, type KeyStore } from '../common/key-auth.js';
import type { RootFieldScope } from '../common/root-field-guard.js';
import type { AppDeps, PartnerPrincipal } from '../context.js';

/** The same answer for unknown, malformed and revoked keys: nothing tells them apart. */
export const PARTNER_KEY_REJECTED = 'The partner key is not valid';
/** The root fields a partner key may select (plus `__typename`). */
export const PARTNER_ROOT_FIELDS: ReadonlySet<string> = new Set([
  'partnerProviders',
  'partnerProvider',
  'partnerChanges',
]);
/** A partner key runs queries of its own root fields only (common/root-field-guard.ts). */
export const PARTNER_SCOPE: RootFieldScope = {
  fields: PARTNER_ROOT_FIELDS,
  queryOnly: true,
  refusal: PARTNER_FORBIDDEN,
};

const PARTNER_KEYS: KeyStore<PartnerPrincipal> = {
  kind: 'partner',
  table: 'partner_credential',
  columns: ['recipient_id'],
  rejected: PARTNER_KEY_REJECTED,
  principal: (row) => ({ credentialId: row.id, recipientId: String(row.recipient_id) }),
};

/**
 * Resolves a presented partner key (`stw_…`) to its credential, or throws UNAUTHENTICATED (one
 * message for every failure). Records `lastUsedAt`, at most once a minute per key.
 */
export function authenticatePartner(em: EntityManager, deps: AppDeps, token: string): Promise<PartnerPrincipal> {
  return authenticateKey(em, deps, token, PARTNER_KEYS);
}
