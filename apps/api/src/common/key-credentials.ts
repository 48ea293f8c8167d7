import type { EntityClass } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { AuditService } from '../audit/audit.service.js';
import type { Actor, AppDeps } from '../context.js';
import { NotFoundError, badInput } from './errors.js';
import { isUuid } from './ids.js';

/** What partner and internal-system key credentials share. */
interface KeyCredential {
  id: string;
  keyId: string;
  revokedAt: Date | null;
}

/** One kind of key credential: its entity, what errors call it, and how its changes are audited. */
export interface KeyCredentialKind<C extends KeyCredential> {
  entity: EntityClass<C>;
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
    detail: { ...kind.detail(credential), keyId: credential.keyId },
  });
}

/** Audits a credential just created (inside the caller's transaction) and returns it with its author loaded. */
export async function auditIssuedKey<C extends KeyCredential>(
  em: SqlEntityManager,
  actor: Actor,
  deps: AppDeps,
  kind: KeyCredentialKind<C>,
  credential: C,
): Promise<C> {
  audit(em, actor, deps, kind, credential, 'issue');
  await em.flush();
  await em.populate(credential, ['createdBy' as never]);
  return credential;
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
    ? await em.findOne(kind.entity, { id } as never, { populate: ['createdBy' as never] })
    : null;
  if (!credential) throw new NotFoundError(kind.name, 'id');
  if (credential.revokedAt) throw badInput('id', 'INVALID_TRANSITION', 'This key is already revoked', '');
  credential.revokedAt = deps.now();
  audit(em, actor, deps, kind, credential, 'revoke');
  await em.flush();
  return credential;
}
