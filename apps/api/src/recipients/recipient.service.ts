import { FIELD_LIMITS, normalizeLineBreaks, validateText, type Issue } from '@steward/policy-core';
import { AuditService } from '../audit/audit.service.js';
import { BadInputError, DomainError, NotFoundError } from '../common/errors.js';
import { issueKeyCredential, revokeKeyCredential, type KeyCredentialKind } from '../common/key-credentials.js';
import type { Actor } from '../context.js';
import { PartnerCredential } from './partner-credential.entity.js';
import { Recipient } from './recipient.entity.js';
import type { CreateRecipientInput } from './recipient.inputs.js';
import { isUuid } from '../common/ids.js';
import { Service } from '../common/transaction.js';

const PARTNER_KEY_CREDENTIALS: KeyCredentialKind<PartnerCredential> = {
  entity: PartnerCredential,
  apiKey: 'partner',
  name: 'Partner credential',
  entityType: 'PartnerCredential',
  auditPrefix: 'partner_key',
  detail: (c) => ({ recipientId: c.recipient.id }),
};

export interface RecipientWithCredentials {
  recipient: Recipient;
  credentials: PartnerCredential[];
}

/** Outside recipients and their partner credentials (keys shown once, stored hashed, revocable). */
export class RecipientService extends Service {
  async list(): Promise<RecipientWithCredentials[]> {
    const recipients = await this.em.find(Recipient, {}, { orderBy: { name: 'asc', id: 'asc' } });
    return this.withCredentials(recipients);
  }

  async get(id: string): Promise<RecipientWithCredentials | null> {
    const recipient = isUuid(id) ? await this.em.findOne(Recipient, { id }) : null;
    return recipient ? (await this.withCredentials([recipient]))[0]! : null;
  }

  private async withCredentials(recipients: Recipient[]): Promise<RecipientWithCredentials[]> {
    if (!recipients.length) return [];
    const credentials = await this.em.find(
      PartnerCredential,
      { recipient: { $in: recipients.map((r) => r.id) } },
      { populate: ['key.createdBy'], orderBy: { id: 'desc' } },
    );
    return recipients.map((recipient) => ({
      recipient,
      credentials: credentials.filter((c) => c.recipient.id === recipient.id),
    }));
  }

  create(input: CreateRecipientInput): Promise<Recipient> {
    return this.inTransaction((tx) => tx.writeCreate(input));
  }

  issueKey(recipientId: string, label: string): Promise<{ key: string; credential: PartnerCredential }> {
    return this.inTransaction((tx) => tx.writeIssueKey(recipientId, label));
  }

  revokeKey(id: string): Promise<PartnerCredential> {
    return this.inTransaction((tx) => tx.writeRevokeKey(id));
  }

  private requireActor(): Actor {
    if (!this.actor) throw new DomainError('UNAUTHENTICATED', 'Sign in to continue');
    return this.actor;
  }

  private async writeCreate(input: CreateRecipientInput): Promise<Recipient> {
    const name = input.name.trim();
    const contact = input.contact != null ? normalizeLineBreaks(input.contact).trim() || null : null;
    const notes = input.notes != null ? normalizeLineBreaks(input.notes).trim() || null : null;
    const issues = [
      validateText(name, { field: 'name', maxLength: FIELD_LIMITS.source, required: true }),
      validateText(contact, { field: 'contact', maxLength: FIELD_LIMITS.note, required: false, multiline: true }),
      validateText(notes, { field: 'notes', maxLength: FIELD_LIMITS.note, required: false, multiline: true }),
    ].filter((i): i is Issue => i !== null);
    if (!issues.some((i) => i.field === 'name') && (await this.em.count(Recipient, { name }))) {
      issues.unshift({ field: 'name', code: 'DUPLICATE', message: 'Another recipient has this name' });
    }
    if (issues.length) throw new BadInputError(issues);
    const now = this.deps.now();
    const recipient = this.em.create(Recipient, {
      name,
      kind: input.kind,
      contact,
      notes,
      createdAt: now,
      updatedAt: now,
    });
    new AuditService(this.em, this.requireActor(), this.deps).record({
      action: 'recipient.create',
      entityType: 'Recipient',
      subject: recipient.id,
      detail: { kind: recipient.kind },
    });
    await this.em.flush();
    return recipient;
  }

  private async writeIssueKey(
    recipientId: string,
    rawLabel: string,
  ): Promise<{ key: string; credential: PartnerCredential }> {
    const actor = this.requireActor();
    const label = rawLabel.trim();
    const issue = validateText(label, { field: 'label', maxLength: FIELD_LIMITS.displayName, required: true });
    // The label is issuePartnerKey's input.label, as the input boundary names it.
    if (issue) throw new BadInputError([issue]);
    const recipient = isUuid(recipientId) ? await this.em.findOne(Recipient, { id: recipientId }) : null;
    if (!recipient) throw new NotFoundError('Recipient', 'recipientId');
    return issueKeyCredential(this.em, actor, this.deps, PARTNER_KEY_CREDENTIALS, { recipient }, label);
  }

  private writeRevokeKey(id: string): Promise<PartnerCredential> {
    return revokeKeyCredential(this.em, this.requireActor(), this.deps, PARTNER_KEY_CREDENTIALS, id);
  }
}
