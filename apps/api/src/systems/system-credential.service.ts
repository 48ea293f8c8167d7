import { FIELD_LIMITS, validateText, type Issue } from '@steward/policy-core';
import { BadInputError, UnauthenticatedError } from '../common/errors.js';
import { issueKeyCredential, revokeKeyCredential, type KeyCredentialKind } from '../common/key-credentials.js';
import type { Actor } from '../context.js';
import { SystemCredential } from './system-credential.entity.js';
import type { IssueSystemKeyInput } from './system-credential.inputs.js';
import { Service } from '../common/transaction.js';

const SYSTEM_KEY_CREDENTIALS: KeyCredentialKind<SystemCredential> = {
  entity: SystemCredential,
  apiKey: 'system',
  name: 'System credential',
  entityType: 'SystemCredential',
  auditPrefix: 'system_key',
  detail: (c) => ({ systemName: c.systemName }),
};

/** Internal systems' keys: shown once, stored hashed, revocable, every change audited. */
export class SystemCredentialService extends Service {
  /** Every key, newest first, revoked ones included. */
  list(): Promise<SystemCredential[]> {
    return this.em.find(SystemCredential, {}, { populate: ['key.createdBy'], orderBy: { id: 'desc' } });
  }

  issueKey(input: IssueSystemKeyInput): Promise<{ key: string; credential: SystemCredential }> {
    return this.inTransaction((tx) => tx.writeIssueKey(input));
  }

  revokeKey(id: string): Promise<SystemCredential> {
    return this.inTransaction((tx) => tx.writeRevokeKey(id));
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
    return issueKeyCredential(this.em, actor, this.deps, SYSTEM_KEY_CREDENTIALS, { systemName }, label);
  }

  private writeRevokeKey(id: string): Promise<SystemCredential> {
    return revokeKeyCredential(this.em, this.requireActor(), this.deps, SYSTEM_KEY_CREDENTIALS, id);
  }
}
