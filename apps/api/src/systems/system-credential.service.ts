import type { SqlEntityManager } from '@mikro-orm/knex';
import { FIELD_LIMITS, validateText, type Issue } from '@steward/policy-core';
import { AdminUser } from '../auth/admin-user.entity.js';
import { generateApiKey } from '../common/api-key.js';
import { BadInputError, UnauthenticatedError } from '../common/errors.js';
import { auditIssuedKey, revokeKeyCredential, type KeyCredentialKind } from '../common/key-credentials.js';
import type { Actor, AppDeps } from '../context.js';
import { SystemCredential } from './system-credential.entity.js';
import type { IssueSystemKeyInput } from './system-credential.inputs.js';

const SYSTEM_KEY_CREDENTIALS: KeyCredentialKind<SystemCredential> = {
  entity: SystemCredential,
  name: 'System credential',
  entityType: 'SystemCredential',
  auditPrefix: 'system_key',
  detail: (c) => ({ systemName: c.systemName }),
};

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

  private with(em: SqlEntityManager): SystemCredentialService {
    return new SystemCredentialService(em, this.actor, this.deps);
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
    return {
      key: issued.key,
      credential: await auditIssuedKey(this.em, actor, this.deps, SYSTEM_KEY_CREDENTIALS, credential),
    };
  }

  private writeRevokeKey(id: string): Promise<SystemCredential> {
    return revokeKeyCredential(this.em, this.requireActor(), this.deps, SYSTEM_KEY_CREDENTIALS, id);
  }
}
