import type { SqlEntityManager } from '@mikro-orm/knex';
import { FIELD_LIMITS, validateText, type Issue } from '@steward/policy-core';
import { AuditService } from '../audit/audit.service.js';
import { AdminUser } from '../auth/admin-user.entity.js';
import { generateApiKey } from '../common/api-key.js';
import { BadInputError, NotFoundError, UnauthenticatedError, badInput } from '../common/errors.js';
import type { Actor, AppDeps } from '../context.js';
import { SystemCredential } from './system-credential.entity.js';
import type { IssueSystemKeyInput } from './system-credential.inputs.js';

/** A well-formed UUID: anything else names no row (and never reaches PostgreSQL's uuid parser). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Internal systems' keys: shown once, stored hashed, revocable, every change audited. */
export class SystemCredentialService {
  constructor(
    private readonly em: SqlEntityManager,
    private readonly actor: Actor | null,
    private readonly deps: AppDeps,
  ) {}

  /** Every key, newest first, revoked ones included. */
  list(): Promise<SystemCredential[]> {
    return this.em.find(SystemCredential, {}, { populate: ['createdBy'], orderBy: { id: 'desc' } });
  }

  issueKey(input: IssueSystemKeyInput): Promise<{ key: string; credential: SystemCredential }> {
    return this.em.transactional((em) => this.with(em).writeIssueKey(input));
  }

  revokeKey(id: string): Promise<SystemCredential> {
    return this.em.transactional((em) => this.with(em).writeRevokeKey(id));
  }

  private with(em: unknown): SystemCredentialService {
    return new SystemCredentialService(em as SqlEntityManager, this.actor, this.deps);
  }

  private requireActor(): Actor {
    if (!this.actor) throw new UnauthenticatedError();
    return this.actor;
  }

  private async writeIssueKey(input: IssueSystemKeyInput): Promise<{ key: string; credential: SystemCredential }> {
    const actor = this.requireActor();
    const systemName = input.systemName.trim();
    const label = input.label.trim();
    const issues = [
      validateText(systemName, { field: 'systemName', maxLength: FIELD_LIMITS.source, required: true }),
      validateText(label, { field: 'label', maxLength: FIELD_LIMITS.displayName, required: true }),
    ].filter((i): i is Issue => i !== null);
    if (issues.length) throw new BadInputError(issues);
    const issued = generateApiKey('system');
    const now = this.deps.now();
    const credential = this.em.create(SystemCredential, {
      systemName,
      label,
      keyId: issued.keyId,
      secretHash: issued.secretHash,
      createdBy: this.em.getReference(AdminUser, actor.userId),
      createdAt: now,
      updatedAt: now,
    });
    new AuditService(this.em, actor, this.deps).record({
      action: 'system_key.issue',
      entityType: 'SystemCredential',
      subject: credential.id,
      detail: { systemName, keyId: issued.keyId },
    });
    await this.em.flush();
    await this.em.populate(credential, ['createdBy']);
    return { key: issued.key, credential };
  }

  private async writeRevokeKey(id: string): Promise<SystemCredential> {
    const actor = this.requireActor();
    const credential = UUID.test(id) ? await this.em.findOne(SystemCredential, { id }, { populate: ['createdBy'] }) : null;
    if (!credential) throw new NotFoundError('System credential', 'id');
    if (credential.revokedAt) throw badInput('id', 'INVALID_TRANSITION', 'This key is already revoked', '');
    credential.revokedAt = this.deps.now();
    new AuditService(this.em, actor, this.deps).record({
      action: 'system_key.revoke',
      entityType: 'SystemCredential',
      subject: credential.id,
      detail: { systemName: credential.systemName, keyId: credential.keyId },
    });
    await this.em.flush();
    return credential;
  }
}
