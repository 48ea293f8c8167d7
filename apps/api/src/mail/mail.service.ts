import {
  isMailKind,
  isProviderMail,
  STAFF_MAIL_KINDS,
  mailAudience,
  mayOptOutOfMail,
  type MailAudienceFacts,
  type MailKind,
} from '@steward/policy-core';
import { AdminUser } from '../auth/admin-user.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { toTotal, type TotalCount } from '../common/connection.js';
import { BadInputError } from '../common/errors.js';
import { newId } from '../common/ids.js';
import { decodeCursor, pageSize } from '../common/pagination.js';
import { Service } from '../common/transaction.js';
import type { Language } from '../i18n/language.js';
import { insertJob } from '../jobs/job.queries.js';
import type { Organisation } from '../organisation/organisation.entity.js';
import { loadOrganisation } from '../organisation/organisation.service.js';
import { MAIL_DELIVERY_ATTEMPTS } from './mail-delivery.job.js';
import { MailMessage } from './mail-message.entity.js';
import { MailOptOut } from './mail-opt-out.entity.js';
import { mailSecretContext, organisationNameIn, providerMailLabel } from './mail.presenter.js';
import { mailSubject, type MailParams } from './mail-templates.js';

/** Who a mail goes to: a member (their account's address, name and language) or an invitee. */
type MailTo = { recipient: AdminUser | null; address: string; language: Language | null };

/**
 * Notification mail: what the other services call, inside their own transaction, to queue mail (so
 * a mail exists exactly when what it tells of was committed), each member's opt-outs (My account)
 * and the outbox owners read. A queued mail is a `mail_message` row plus a MAIL_DELIVERY job in the
 * same transaction; the job runner sends it (mail/mail-delivery.job.ts), so a restart loses none.
 */
export class MailService extends Service {
  /**
   * Queues `kind` for every member it concerns (policy-core's mailAudience) who has not turned it
   * off; with `dedupe`, at most once per member ever (`<kind>:<dedupe>:<member>`). Returns how many.
   */
  async notifyStaff(kind: MailKind, facts: MailAudienceFacts, params: MailParams, dedupe?: string): Promise<number> {
    const staff = await this.em.find(AdminUser, { disabled: false }, { orderBy: { createdAt: 'asc' } });
    const ids = mailAudience(
      kind,
      staff.map((s) => ({ id: s.id, role: s.role, active: !s.disabled })),
      facts,
    );
    if (!ids.length) return 0;
    const off = new Set(
      (await this.em.find(MailOptOut, { kind, user: { $in: ids } }, { fields: ['user'] })).map((o) => o.user.id),
    );
    const organisation = await loadOrganisation(this.em);
    let queued = 0;
    for (const user of staff) {
      if (!ids.includes(user.id) || off.has(user.id)) continue;
      const dedupeKey = dedupe ? `${kind}:${dedupe}:${user.id}` : null;
      if (dedupeKey && (await this.em.count(MailMessage, { dedupeKey }))) continue;
      await this.queue(
        organisation,
        kind,
        { recipient: user, address: user.email, language: user.language },
        params,
        null,
        dedupeKey,
      );
      queued++;
    }
    return queued;
  }

  /** Queues a security mail to one member (a password reset): never optional. */
  async mailMember(kind: MailKind, user: AdminUser, params: MailParams): Promise<void> {
    await this.queue(
      await loadOrganisation(this.em),
      kind,
      { recipient: user, address: user.email, language: user.language },
      params,
      null,
      null,
    );
  }

  /** Queues an invitation to its invitee (no account yet: the organisation's language), its token sealed until sent. */
  async mailInvitee(address: string, params: MailParams, token: string): Promise<void> {
    await this.queue(
      await loadOrganisation(this.em),
      'STAFF_INVITATION',
      { recipient: null, address, language: null },
      params,
      token,
      null,
    );
  }

  /**
   * Queues a mail to a provider (INCIDENT_NOTICE) in their language. Their address and the free text
   * the mail quotes are `secret`: sealed to the mail's row until it is sent, then removed, so the
   * outbox keeps no copy of a provider's personal value; `to` shows the provider's reference.
   */
  async mailProvider(
    kind: MailKind,
    provider: { reference: string; language: Language },
    params: MailParams,
    secret: string,
  ): Promise<void> {
    await this.queue(
      await loadOrganisation(this.em),
      kind,
      { recipient: null, address: providerMailLabel(provider.reference), language: provider.language },
      params,
      secret,
      null,
    );
  }

  private async queue(
    organisation: Organisation,
    kind: MailKind,
    to: MailTo,
    params: MailParams,
    secret: string | null,
    dedupeKey: string | null,
  ): Promise<void> {
    const language = to.language ?? organisation.defaultLanguage;
    const now = this.deps.now();
    const id = newId();
    const jobId = newId();
    this.em.create(MailMessage, {
      id,
      kind,
      recipient: to.recipient,
      toAddress: to.address,
      language,
      subject: mailSubject({
        kind,
        language,
        organisation: organisationNameIn(organisation, language),
        timeZone: organisation.timeZone,
        params,
      }).slice(0, 300),
      params: JSON.stringify(params),
      secretSealed: secret ? this.deps.cipher.encrypt(secret, mailSecretContext(id)) : null,
      dedupeKey,
      jobId,
      createdAt: now,
      updatedAt: now,
    });
    await this.em.flush();
    await insertJob(this.em, {
      id: jobId,
      kind: 'MAIL_DELIVERY',
      payload: { mailId: id },
      maxAttempts: MAIL_DELIVERY_ATTEMPTS,
      runAt: now,
      uniqueKey: null,
      createdById: null,
      now,
    });
  }

  /** The outbox, newest first: what was sent, is waiting, failed, or would have been sent. */
  async outbox(first: number, after: string | null): Promise<MailMessage[]> {
    const limit = pageSize(first);
    return this.em.find(MailMessage, after ? { id: { $lt: decodeCursor(after) } } : {}, {
      orderBy: { id: 'desc' },
      limit: limit + 1,
      populate: ['recipient'],
    });
  }

  /** How many mails the outbox holds (it grows by a few a day: an exact count is cheap). */
  async outboxTotal(): Promise<TotalCount> {
    return toTotal(await this.em.count(MailMessage, {}));
  }

  /** The kinds the signed-in member turned off. */
  async myOptOuts(): Promise<MailKind[]> {
    const userId = this.requireUserId();
    const rows = await this.em.find(MailOptOut, { user: userId });
    return STAFF_MAIL_KINDS.filter((k) => rows.some((r) => r.kind === k));
  }

  /** Turns one kind of mail on or off for the signed-in member (audited); a security mail stays on. */
  async setMyPreference(kind: string, enabled: boolean): Promise<MailKind[]> {
    if (!isMailKind(kind) || isProviderMail(kind))
      throw new BadInputError([{ field: 'kind', code: 'INVALID_VALUE', message: 'Unknown kind.' }]);
    if (!enabled && !mayOptOutOfMail(kind)) {
      throw new BadInputError([
        { field: 'kind', code: 'INVALID_VALUE', message: 'Security mails cannot be turned off.' },
      ]);
    }
    await this.inTransaction((tx) => tx.writePreference(kind, enabled));
    return this.myOptOuts();
  }

  private async writePreference(kind: MailKind, enabled: boolean): Promise<void> {
    const userId = this.requireUserId();
    const existing = await this.em.findOne(MailOptOut, { user: userId, kind });
    if (enabled === !existing) return;
    if (existing) this.em.remove(existing);
    else this.em.create(MailOptOut, { user: this.em.getReference(AdminUser, userId), kind });
    new AuditService(this.em, this.actor, this.deps).record({
      action: 'auth.mail_preference_changed',
      entityType: 'AdminUser',
      subject: userId,
      detail: { kind, enabled },
    });
    await this.em.flush();
  }

  private requireUserId(): string {
    if (!this.actor) throw new Error('A signed-in member is required');
    return this.actor.userId;
  }
}
