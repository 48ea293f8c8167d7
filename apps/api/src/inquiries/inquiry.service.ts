import {
  INQUIRY_LIMITS,
  UNANSWERED_INQUIRY_STATUSES,
  normalizeInquiry,
  normalizeLineBreaks,
  validateInquiry,
  inquiryStatusAfterReply,
  validateInquiryStatusChange,
  validateText,
  type InquiryStatus,
  type Issue,
} from '@steward/policy-core';
import { randomInt } from 'node:crypto';
import { AuditService } from '../audit/audit.service.js';
import { AdminUser } from '../auth/admin-user.entity.js';
import { BadInputError, DomainError, NotFoundError } from '../common/errors.js';
import { decodeCursor, pageSize, toPage } from '../common/pagination.js';
import { exactTotal, withTotal } from '../common/connection.js';
import type { RateLimitRule, RateLimits } from '../common/rate-limit.js';
import type { Actor } from '../context.js';
import { Provider } from '../providers/provider.entity.js';
import { Inquiry, inquirySealContext, type InquiryContent } from './inquiry.entity.js';
import { InquiryReply, inquiryReplySealContext } from './inquiry-reply.entity.js';
import type { AddInquiryReplyInput, InquiryFilter, RecordInquiryInput, SubmitInquiryInput } from './inquiry.inputs.js';
import { presentInquiry, presentInquirySummary } from './inquiry.presenter.js';
import type { InquiryAdminType, InquiryReceiptType, InquirySummaryType, InquiryType } from './inquiry.type.js';
import { isUuid } from '../common/ids.js';
import { assertVersion, flushOrConflict } from '../common/optimistic-lock.js';
import { Service } from '../common/transaction.js';
import { MailService } from '../mail/mail.service.js';

/** The public form's budget per client address: a person writes a few inquiries, a bot many. */
export const INQUIRY_SUBMIT_RULE: RateLimitRule = { name: 'inquiry.submit', points: 5, durationSeconds: 60 * 60 };

/** Crockford's base32 without I, L, O, U: easy to read out on the telephone. */
const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const POPULATE = ['assignee', 'provider', 'recordedBy'] as const;

export function newInquiryReference(): string {
  let out = 'INQ-';
  for (let i = 0; i < 10; i++) out += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return out;
}

/**
 * Inquiries about the handling of personal information (clause 8): the public form, staff
 * entries, the inbox, replies, assignment, status (policy-core's transitions) and the link to a
 * provider. Content is sealed per row; every read of it is audited; writes are one transaction
 * with their audit entry.
 */
export class InquiryService extends Service {
  private requireActor(): Actor {
    if (!this.actor) throw new DomainError('UNAUTHENTICATED', 'Sign in to continue');
    return this.actor;
  }

  /** Without an admin the actor is the public form (`public`) or Steward itself (`system`, e.g. a disclosure package). */
  private audit(otherActor: 'public' | 'system' = 'system'): AuditService {
    return new AuditService(this.em, this.actor, this.deps, otherActor);
  }

  /** The public form: rate-limited per client address before anything else, validated, sealed, audited. */
  async submit(input: SubmitInquiryInput, rateLimits: RateLimits, clientAddress: string): Promise<InquiryReceiptType> {
    await rateLimits.consumeAddress(INQUIRY_SUBMIT_RULE, clientAddress);
    const draft = {
      name: input.name,
      email: input.email,
      postalAddress: input.postalAddress,
      telephone: null,
      subject: input.subject,
      message: input.message,
    };
    const validation = validateInquiry(draft, { requireContact: true });
    if (!validation.ok) throw new BadInputError(validation.issues);
    const inquiry = await this.inTransaction((tx) =>
      tx.writeInquiry('WEB_FORM', normalizeInquiry(draft) as InquiryContent, this.deps.now(), null),
    );
    return { reference: inquiry.reference, receivedAt: inquiry.receivedAt };
  }

  /** A staff entry from post, telephone, fax or e-mail. */
  async record(input: RecordInquiryInput): Promise<InquirySummaryType> {
    const actor = this.requireActor();
    const issues: Issue[] = [];
    if (input.channel === 'WEB_FORM')
      issues.push({
        field: 'channel',
        code: 'INVALID_VALUE',
        message: 'Web-form inquiries come through the public form; choose post, telephone, fax or e-mail.',
      });
    const now = this.deps.now();
    const receivedAt = input.receivedAt ?? now;
    if (receivedAt.getTime() > now.getTime() + 60_000)
      issues.push({ field: 'receivedAt', code: 'INVALID_VALUE', message: 'An inquiry cannot arrive in the future.' });
    const draft = {
      name: input.name,
      email: input.email,
      postalAddress: input.postalAddress,
      telephone: input.telephone,
      subject: input.subject,
      message: input.message,
    };
    const validation = validateInquiry(draft, { requireContact: false });
    if (!validation.ok) issues.push(...validation.issues);
    const providerId = input.providerId?.trim() || null;
    return this.inTransaction(async (tx) => {
      const provider = providerId ? await tx.findProvider(providerId, 'providerId', issues) : null;
      if (issues.length) throw new BadInputError(issues);
      const inquiry = await tx.writeInquiry(
        input.channel,
        normalizeInquiry(draft) as InquiryContent,
        receivedAt,
        actor,
        provider,
      );
      return presentInquirySummary(inquiry);
    });
  }

  private async writeInquiry(
    channel: Inquiry['channel'],
    content: InquiryContent,
    receivedAt: Date,
    actor: Actor | null,
    provider: Provider | null = null,
  ): Promise<Inquiry> {
    const now = this.deps.now();
    const inquiry = this.em.create(Inquiry, {
      reference: newInquiryReference(),
      channel,
      receivedAt,
      sealedContent: '',
      provider,
      recordedBy: actor ? this.em.getReference(AdminUser, actor.userId) : null,
      createdAt: now,
      updatedAt: now,
    });
    inquiry.sealedContent = this.deps.cipher.encrypt(JSON.stringify(content), inquirySealContext(inquiry.id));
    this.audit(actor ? 'system' : 'public').record({
      action: 'inquiry.create',
      entityType: 'Inquiry',
      subject: inquiry.id,
      providerIds: provider ? [provider.id] : [],
      detail: { channel, reference: inquiry.reference },
    });
    await this.em.flush();
    // No content in the mail (it is a provider's personal data): its reference and a link.
    await new MailService(this.em, this.actor, this.deps).notifyStaff(
      'INQUIRY_RECEIVED',
      { assigneeId: inquiry.assignee?.id ?? null },
      { inquiryId: inquiry.id, reference: inquiry.reference, receivedOn: receivedAt.toISOString() },
    );
    if (actor) await this.em.populate(inquiry, POPULATE);
    return inquiry;
  }

  /** The inbox, newest first (keyset by id); no content, so no decryption and nothing to audit. */
  async list(filter: InquiryFilter, first: number, after: string | null) {
    const limit = pageSize(first);
    const afterId = after ? decodeCursor(after) : null;
    const where: Record<string, unknown> = {};
    if (filter.status) where.status = filter.status;
    // With a status too, both hold: an ANSWERED status that is not unanswered lists nothing.
    if (filter.unanswered)
      where.status = filter.status
        ? { $in: UNANSWERED_INQUIRY_STATUSES.filter((s) => s === filter.status) }
        : { $in: [...UNANSWERED_INQUIRY_STATUSES] };
    // A malformed id names nobody: an empty page, never "unassigned" or "all".
    if ((filter.assigneeId && !isUuid(filter.assigneeId)) || (filter.providerId && !isUuid(filter.providerId))) {
      return withTotal(toPage([] as Inquiry[], limit, afterId, presentInquirySummary), async () => exactTotal(0));
    }
    if (filter.unassigned) where.assignee = null;
    else if (filter.assigneeId) where.assignee = filter.assigneeId;
    if (filter.providerId) where.provider = filter.providerId;
    const rows = await this.em.find(Inquiry, afterId ? { ...where, id: { $lt: afterId } } : where, {
      orderBy: { id: 'desc' },
      limit: limit + 1,
      populate: POPULATE,
    });
    // An inbox holds hundreds, not millions: an exact count (the status and assignee columns are indexed).
    return withTotal(toPage(rows, limit, afterId, presentInquirySummary), async () =>
      exactTotal(await this.em.count(Inquiry, where)),
    );
  }

  /** One inquiry with its content and replies, decrypted; the read is audited. */
  async get(id: string): Promise<InquiryType | null> {
    const inquiry = isUuid(id) ? await this.em.findOne(Inquiry, { id }, { populate: POPULATE }) : null;
    if (!inquiry) return null;
    const replies = await this.em.find(InquiryReply, { inquiry }, { orderBy: { at: 'asc', id: 'asc' } });
    const presented = presentInquiry(this.deps.cipher, inquiry, replies);
    await this.audit().insertNow({
      action: 'inquiry.read',
      entityType: 'Inquiry',
      subject: inquiry.id,
      providerIds: inquiry.provider ? [inquiry.provider.id] : [],
      detail: { replies: replies.length },
    });
    return presented;
  }

  /**
   * Every inquiry linked to a provider, decrypted with its replies, oldest first; the read is
   * audited against the provider. For the disclosure package (clause 4): what the provider asked
   * and what they were told.
   */
  async listInquiriesForProvider(providerId: string): Promise<InquiryType[]> {
    if (!isUuid(providerId)) return [];
    const inquiries = await this.em.find(
      Inquiry,
      { provider: providerId },
      { orderBy: { receivedAt: 'asc', id: 'asc' }, populate: POPULATE },
    );
    if (!inquiries.length) return [];
    const replies = await this.em.find(
      InquiryReply,
      { inquiry: { $in: inquiries.map((i) => i.id) } },
      { orderBy: { at: 'asc', id: 'asc' } },
    );
    const byInquiry = new Map<string, InquiryReply[]>();
    for (const r of replies) byInquiry.set(r.inquiry.id, [...(byInquiry.get(r.inquiry.id) ?? []), r]);
    const presented = inquiries.map((i) => presentInquiry(this.deps.cipher, i, byInquiry.get(i.id) ?? []));
    await this.audit().insertNow({
      action: 'inquiry.read',
      entityType: 'Inquiry',
      providerIds: [providerId],
      detail: { inquiries: inquiries.length, replies: replies.length, for: 'provider' },
    });
    return presented;
  }

  /** The admins an inquiry can be assigned to (not disabled; viewers only read). */
  async assignees(): Promise<InquiryAdminType[]> {
    const users = await this.em.find(
      AdminUser,
      { disabled: false, role: { $in: ['OWNER', 'PRIVACY_OFFICER'] } },
      { orderBy: { displayName: 'asc' } },
    );
    return users.map((u) => ({ id: u.id, displayName: u.displayName }));
  }

  setStatus(id: string, expectedVersion: number, status: InquiryStatus): Promise<InquirySummaryType> {
    return this.change(id, expectedVersion, async ({ em }, inquiry) => {
      const answers = await em.count(InquiryReply, { inquiry, kind: 'ANSWER' });
      const v = validateInquiryStatusChange(inquiry.status, status, { answers });
      if (!v.ok) throw new BadInputError(v.issues, '');
      const from = inquiry.status;
      inquiry.status = status;
      return { action: 'inquiry.status', detail: { from, to: status } };
    });
  }

  assign(id: string, expectedVersion: number, assigneeId: string | null): Promise<InquirySummaryType> {
    return this.change(id, expectedVersion, async ({ em }, inquiry) => {
      let assignee: AdminUser | null = null;
      if (assigneeId) {
        assignee = isUuid(assigneeId)
          ? await em.findOne(AdminUser, {
              id: assigneeId,
              disabled: false,
              role: { $in: ['OWNER', 'PRIVACY_OFFICER'] },
            })
          : null;
        if (!assignee)
          throw new BadInputError(
            [{ field: 'assigneeId', code: 'INVALID_VALUE', message: 'No such admin who may handle inquiries.' }],
            '',
          );
      }
      if ((inquiry.assignee?.id ?? null) === (assignee?.id ?? null)) {
        throw new BadInputError(
          [{ field: 'assigneeId', code: 'NO_CHANGE', message: 'The inquiry is already assigned so.' }],
          '',
        );
      }
      inquiry.assignee = assignee;
      return { action: 'inquiry.assign', detail: { assigneeId: assignee?.id ?? null } };
    });
  }

  linkProvider(id: string, expectedVersion: number, providerId: string | null): Promise<InquirySummaryType> {
    return this.change(id, expectedVersion, async (tx, inquiry) => {
      const issues: Issue[] = [];
      const provider = providerId ? await tx.findProvider(providerId, 'providerId', issues) : null;
      if (issues.length) throw new BadInputError(issues, '');
      const before = inquiry.provider?.id ?? null;
      if (before === (provider?.id ?? null))
        throw new BadInputError(
          [{ field: 'providerId', code: 'NO_CHANGE', message: 'The inquiry is already linked so.' }],
          '',
        );
      inquiry.provider = provider;
      return {
        action: provider ? 'inquiry.link_provider' : 'inquiry.unlink_provider',
        providerIds: [before, provider?.id ?? null].filter((p): p is string => p !== null),
        detail: { from: before, to: provider?.id ?? null },
      };
    });
  }

  addReply(input: AddInquiryReplyInput): Promise<InquirySummaryType> {
    const actor = this.requireActor();
    return this.change(input.inquiryId, input.expectedVersion, async ({ em }, inquiry) => {
      const body = normalizeLineBreaks(input.body).trim();
      const issues: Issue[] = [];
      const bodyIssue = validateText(body, { field: 'body', maxLength: INQUIRY_LIMITS.reply, multiline: true });
      if (bodyIssue) issues.push(bodyIssue);
      const channel = input.kind === 'ANSWER' ? (input.channel ?? null) : null;
      if (input.kind === 'ANSWER' && !channel)
        issues.push({ field: 'channel', code: 'REQUIRED', message: 'Say how the answer was given.' });
      if (input.kind === 'NOTE' && input.channel)
        issues.push({ field: 'channel', code: 'INVALID_VALUE', message: 'A note is not sent; it has no channel.' });
      const now = this.deps.now();
      const at = input.at ?? now;
      if (at.getTime() > now.getTime() + 60_000)
        issues.push({ field: 'at', code: 'INVALID_VALUE', message: 'A reply cannot be in the future.' });
      if (issues.length) throw new BadInputError(issues);
      const reply = em.create(InquiryReply, {
        inquiry,
        kind: input.kind,
        channel,
        at,
        sealedBody: '',
        author: em.getReference(AdminUser, actor.userId),
        authorName: actor.displayName,
        createdAt: now,
        updatedAt: now,
      });
      reply.sealedBody = this.deps.cipher.encrypt(body, inquiryReplySealContext(reply.id));
      // An answer sent is what the person waited for: the status follows it (policy-core's rule), so
      // an answered inquiry does not stay "New" until someone also clicks a status button.
      const from = inquiry.status;
      inquiry.status = inquiryStatusAfterReply(from, input.kind);
      const status = inquiry.status === from ? {} : { status: { from, to: inquiry.status } };
      return { action: 'inquiry.reply', detail: { replyId: reply.id, kind: input.kind, channel, ...status } };
    });
  }

  /** Loads, checks the version, applies `apply`, bumps the version, audits: one transaction. */
  private change(
    id: string,
    expectedVersion: number,
    apply: (
      tx: this,
      inquiry: Inquiry,
    ) => Promise<{ action: string; detail: Record<string, unknown>; providerIds?: string[] }>,
  ): Promise<InquirySummaryType> {
    this.requireActor();
    return this.inTransaction(async (tx) => {
      const em = tx.em;
      const inquiry = isUuid(id) ? await em.findOne(Inquiry, { id }, { populate: POPULATE }) : null;
      if (!inquiry) throw new NotFoundError('Inquiry', 'id');
      assertVersion(inquiry.version, expectedVersion, 'Inquiry');
      const { action, detail, providerIds } = await apply(tx, inquiry);
      inquiry.updatedAt = this.deps.now();
      new AuditService(em, this.actor, this.deps).record({
        action,
        entityType: 'Inquiry',
        subject: inquiry.id,
        providerIds: providerIds ?? (inquiry.provider ? [inquiry.provider.id] : []),
        detail,
      });
      await flushOrConflict(em, 'Inquiry');
      await em.populate(inquiry, POPULATE);
      return presentInquirySummary(inquiry);
    });
  }

  private async findProvider(providerId: string, field: string, issues: Issue[]): Promise<Provider | null> {
    const provider = isUuid(providerId) ? await this.em.findOne(Provider, { id: providerId }) : null;
    if (!provider) issues.push({ field, code: 'INVALID_VALUE', message: 'No such provider.' });
    return provider;
  }
}
