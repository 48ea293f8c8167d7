import type { EntityClass } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { AuditService } from '../audit/audit.service.js';
import { AdminUser } from '../auth/admin-user.entity.js';
import type { ApiKeyColumns } from './api-key-columns.js';
import type { Actor, AppDeps } from '../context.js';
import { generateApiKey, type ApiKeyKind } from './api-key.js';
import { NotFoundError, badInput } from './errors.js';
import { isUuid } from './ids.js';

/** What partner and internal-system key credentials share. */
interface KeyCredential {
  id: string;
  key: ApiKeyColumns;
}

/** One kind of key credential: its entity, what errors call it, and how its changes are audited. */
export interface KeyCredentialKind<C extends KeyCredential> {
  entity: EntityClass<C>;
  /** Which key prefix its keys carry (`stw_`, `sys_`). */
  apiKey: ApiKeyKind;
  /** As NOT_FOUND names it, e.g. "Partner credential". */
  name: string;
  /** The audit entry's entity type and action prefix (`<prefix>.issue`, `<prefix>.revoke`). */
  entityType: string;
  auditPrefix: string;
  /** The audit detail besides the key id (never the key or its hash). */
  detail(credential: C): Record<string, unknown>;
}

function audit<C extends KeyCredential>(
  em: SqlEntityManager,
  actor: Actor,
  deps: AppDeps,
  kind: KeyCredentialKind<C>,
  credential: C,
  what: 'issue' | 'revoke',
): void {
  new AuditService(em, actor, deps).record({
    action: `${kind.auditPrefix}.${what}`,
    entityType: kind.entityType,
    subject: credential.id,
    detail: { ...kind.detail(credential), keyId: credential.key.keyId },
  });
}

/**
 * Issues a key (inside the caller's transaction): a credential with `fields` and a key labelled
 * `label`, with the new key's id and the SHA-256 of its secret, made by `actor` now; audited, and returned with its author loaded. The
 * key itself is returned here once and stored nowhere.
 */
export async function issueKeyCredential<C extends KeyCredential>(
  em: SqlEntityManager,
  actor: Actor,
  deps: AppDeps,
  kind: KeyCredentialKind<C>,
  fields: Partial<C>,
  label: string,
): Promise<{ key: string; credential: C }> {
  const issued = generateApiKey(kind.apiKey);
  const now = deps.now();
  const credential = em.create(kind.entity, {
    ...fields,
    key: {
      label,
      keyId: issued.keyId,
      secretHash: issued.secretHash,
      createdBy: em.getReference(AdminUser, actor.userId),
      lastUsedAt: null,
      revokedAt: null,
    },
    createdAt: now,
    updatedAt: now,
  } as never);
  audit(em, actor, deps, kind, credential, 'issue');
  await em.flush();
  await em.populate(credential, ['key.createdBy' as never]);
  return { key: issued.key, credential };
}

/**
 * Revokes a key at once (every later request with it is refused), audited. NOT_FOUND on `id` for
 * an unknown or malformed id; INVALID_TRANSITION when it is revoked already.
 */
export async function revokeKeyCredential<C extends KeyCredential>(
  em: SqlEntityManager,
  actor: Actor,
  deps: AppDeps,
  kind: KeyCredentialKind<C>,
  id: string,
): Promise<C> {
  const credential = isUuid(id)
    ? await em.findOne(kind.entity, { id } as never, { populate: ['key.createdBy' as never] })
    : null;
  if (!credential) throw new NotFoundError(kind.name, 'id');
  if (credential.key.revokedAt) throw badInput('id', 'INVALID_TRANSITION', 'This key is already revoked', '');
  credential.key.revokedAt = deps.now();
  audit(em, actor, deps, kind, credential, 'revoke');
  await em.flush();
  return credential;
}
