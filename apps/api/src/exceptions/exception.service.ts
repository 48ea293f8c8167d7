import {
  FIELD_LIMITS,
  approvalQueueFilter,
  mayEditException,
  mayRevokeException,
  normalizeLineBreaks,
  validateActivation,
  validateText,
  type AgreementEventFact,
  type EffectiveExceptionStatus,
  type ExceptionKind,
} from '@steward/policy-core';
import type { FilterQuery } from '@mikro-orm/core';
import { AuditService } from '../audit/audit.service.js';
import { AdminUser } from '../auth/admin-user.entity.js';
import { BadInputError, DomainError, NotFoundError } from '../common/errors.js';
import type { Actor } from '../context.js';
import { loadPurposeFacts } from '../purposes/purpose-facts.js';
import { purposeFacts, shapeOf, toDraft, withInputPaths } from './exception-facts.js';
import { presentException } from './exception.presenter.js';
import type { CreateExceptionInput, UpdateExceptionInput } from './exception.inputs.js';
import type { PermittedExceptionType } from './exception.type.js';
import { PermittedException } from './permitted-exception.entity.js';
import { isUuid } from '../common/ids.js';
import { assertVersion, flushOrConflict } from '../common/optimistic-lock.js';
import { auditScope, citedIds, ExceptionDraftChecks } from './exception-draft.js';
import { Service } from '../common/transaction.js';
import { MailService } from '../mail/mail.service.js';

const POPULATE = ['recipient', 'authoredBy', 'approvedBy', 'revokedBy'] as const;

/** An approved, not revoked agreement (whether it is in effect now is its effective status). */
function isActiveAgreement(e: PermittedException): boolean {
  return e.kind === 'PROVIDER_AGREEMENT' && e.status === 'ACTIVE' && !e.allProviders;
}

/**
 * The providers an active agreement names whom it no longer covers: none of the consent events it
 * cites for them is a GRANT they still stand by (policy-core's decide() denies them:
 * EXCEPTION_AGREEMENT_WITHDRAWN). Approval checked that each had one, so only a withdrawal or a
 * refusal since (or an event no longer stored) puts a provider here.
 */
function withdrawnProviders(e: PermittedException, events: ReadonlyMap<string, AgreementEventFact>): string[] {
  const standing = new Set<string>();
  for (const id of citedIds(e.evidence)) {
    const event = events.get(id);
    if (event && event.action === 'GRANT' && !event.withdrawnSince) standing.add(event.providerId);
  }
  return e.providerIds.filter((providerId) => !standing.has(providerId));
}

/**
 * Permitted exceptions (clause 2): drafted by one admin, activated by a second (owner or privacy
 * officer) once policy-core finds the evidence complete, revoked at once. Each write is one
 * transaction with its audit entry.
 */
export class ExceptionService extends Service {
  async list(filter: {
    status?: EffectiveExceptionStatus | null;
    kind?: ExceptionKind | null;
    awaitingMyApproval?: boolean | null;
  }): Promise<PermittedExceptionType[]> {
    const where: FilterQuery<PermittedException> = filter.kind ? { kind: filter.kind } : {};
    if (filter.awaitingMyApproval) {
      const queue = approvalQueueFilter(this.actor && { userId: this.actor.userId, role: this.actor.role });
      if (!queue) return [];
      Object.assign(where, { status: queue.status, authoredBy: { $ne: queue.notAuthoredBy } });
    }
    const rows = await this.em.find(PermittedException, where, { populate: POPULATE, orderBy: { id: 'desc' } });
    const presented = await this.present(rows);
    return filter.status ? presented.filter((e) => e.status === filter.status) : presented;
  }

  async get(id: string): Promise<PermittedExceptionType | null> {
    const row = isUuid(id) ? await this.em.findOne(PermittedException, { id }, { populate: POPULATE }) : null;
    return row ? (await this.present([row]))[0]! : null;
  }

  /**
   * Presents rows with the effective status at one `now`, the stated purposes read once, and for
   * agreements in effect the providers who have withdrawn since (one read for all of them).
   */
  async present(rows: readonly PermittedException[]): Promise<PermittedExceptionType[]> {
    if (!rows.length) return [];
    const purposes = purposeFacts(await loadPurposeFacts(this.em));
    const now = this.deps.now();
    const agreements = rows.filter(isActiveAgreement);
    const events = await this.drafts().consentEventFacts([...new Set(agreements.flatMap((e) => citedIds(e.evidence)))]);
    const byId = new Map(events.map((event) => [event.id, event]));
    return rows.map((e) => {
      const presented = presentException(e, purposes, now, this.actor);
      // Only while it is in effect: a revoked, expired or not yet valid agreement covers nobody.
      if (isActiveAgreement(e) && presented.status === 'ACTIVE')
        presented.scope.withdrawnProviderIds = withdrawnProviders(e, byId);
      return presented;
    });
  }

  create(input: CreateExceptionInput): Promise<PermittedException> {
    return this.inTransaction((tx) => tx.writeCreate(input));
  }

  update(input: UpdateExceptionInput): Promise<PermittedException> {
    return this.inTransaction((tx) => tx.writeUpdate(input));
  }

  approve(id: string, expectedVersion: number): Promise<PermittedException> {
    return this.inTransaction((tx) => tx.writeApprove(id, expectedVersion));
  }

  revoke(id: string, reason: string, expectedVersion: number): Promise<PermittedException> {
    return this.inTransaction((tx) => tx.writeRevoke(id, reason, expectedVersion));
  }

  private drafts(): ExceptionDraftChecks {
    return new ExceptionDraftChecks(this.em, this.deps);
  }

  private requireActor(): Actor {
    if (!this.actor) throw new DomainError('UNAUTHENTICATED', 'Sign in to continue');
    return this.actor;
  }

  private audit(): AuditService {
    return new AuditService(this.em, this.requireActor(), this.deps);
  }

  private async load(id: string, expectedVersion: number): Promise<PermittedException> {
    const row = isUuid(id) ? await this.em.findOne(PermittedException, { id }, { populate: POPULATE }) : null;
    if (!row) throw new NotFoundError('Permitted exception', 'id');
    assertVersion(row.version, expectedVersion, 'Permitted exception');
    return row;
  }

  private async writeCreate(input: CreateExceptionInput): Promise<PermittedException> {
    const actor = this.requireActor();
    const values = await this.drafts().check(input, null, this.requireActor());
    const now = this.deps.now();
    const exception = this.em.create(PermittedException, {
      ...values,
      status: 'DRAFT',
      authoredBy: this.em.getReference(AdminUser, actor.userId),
      createdAt: now,
      updatedAt: now,
    });
    this.audit().record({
      action: 'exception.create',
      entityType: 'PermittedException',
      subject: exception.id,
      providerIds: values.providerIds,
      detail: auditScope(values),
    });
    await this.em.flush();
    await this.mailApprovers(exception, actor);
    return this.reload(exception.id);
  }

  private async writeUpdate(input: UpdateExceptionInput): Promise<PermittedException> {
    const actor = this.requireActor();
    const exception = await this.load(input.id, input.expectedVersion);
    if (!mayEditException(exception.status)) {
      throw new BadInputError([
        {
          field: 'id',
          code: 'INVALID_TRANSITION',
          message: `Only a draft can be edited; this one is ${exception.status}.`,
        },
      ]);
    }
    const values = await this.drafts().check(input, exception, this.requireActor());
    Object.assign(exception, values);
    // Whoever last shaped the content is its author: a second person must approve what they wrote.
    exception.authoredBy = this.em.getReference(AdminUser, actor.userId);
    exception.updatedAt = this.deps.now();
    this.audit().record({
      action: 'exception.update',
      entityType: 'PermittedException',
      subject: exception.id,
      providerIds: values.providerIds,
      detail: auditScope(values),
    });
    await flushOrConflict(this.em, 'Permitted exception');
    // A changed draft has a new author, so a new set of people who may approve it.
    await this.mailApprovers(exception, actor);
    return this.reload(exception.id);
  }

  /** The draft waits for a second person: those who may approve it (not its author) are mailed. */
  private async mailApprovers(exception: PermittedException, author: Actor): Promise<void> {
    await new MailService(this.em, this.actor, this.deps).notifyStaff(
      'APPROVAL_WAITING',
      { authorId: author.userId },
      { exceptionId: exception.id, title: exception.title, author: author.displayName },
    );
  }

  private async writeApprove(id: string, expectedVersion: number): Promise<PermittedException> {
    const actor = this.requireActor();
    const exception = await this.load(id, expectedVersion);
    const now = this.deps.now();
    const purposes = purposeFacts(await loadPurposeFacts(this.em));
    const validation = validateActivation({
      exception: toDraft(shapeOf(exception)),
      approverId: actor.userId,
      approverRole: actor.role,
      at: now,
      purposes,
      // Again at approval: an agreement's consent events must still be its providers' grants.
      consentEvents: await this.drafts().citedConsentEvents(exception.kind, exception.evidence),
    });
    if (!validation.ok) {
      // policy-core orders the issues: the state first, then who approves, then what is approved.
      const refusal = validation.issues[0]!;
      if (refusal.code === 'SELF_APPROVAL' || refusal.code === 'ROLE_NOT_ALLOWED')
        throw new DomainError('FORBIDDEN', refusal.message, { reason: refusal.code, field: refusal.field });
      throw new BadInputError(withInputPaths(exception.kind, validation.issues), '');
    }
    exception.status = 'ACTIVE';
    exception.approvedBy = this.em.getReference(AdminUser, actor.userId);
    exception.approvedAt = now;
    exception.updatedAt = now;
    this.audit().record({
      action: 'exception.approve',
      entityType: 'PermittedException',
      subject: exception.id,
      providerIds: exception.allProviders ? [] : exception.providerIds,
      detail: { kind: exception.kind, authorId: exception.authoredBy.id, version: exception.version },
    });
    await flushOrConflict(this.em, 'Permitted exception');
    return this.reload(exception.id);
  }

  private async writeRevoke(id: string, rawReason: string, expectedVersion: number): Promise<PermittedException> {
    const actor = this.requireActor();
    const reason = normalizeLineBreaks(rawReason).trim();
    const reasonIssue = validateText(reason, {
      field: 'reason',
      maxLength: FIELD_LIMITS.note,
      required: true,
      multiline: true,
    });
    // The reason is revokeException's input.reason, as the input boundary names it.
    if (reasonIssue) throw new BadInputError([reasonIssue]);
    const exception = await this.load(id, expectedVersion);
    if (!mayRevokeException(exception.status)) {
      throw new BadInputError(
        [
          {
            field: 'status',
            code: 'INVALID_TRANSITION',
            message: `Only an approved exception can be revoked; this one is ${exception.status}.`,
          },
        ],
        '',
      );
    }
    const now = this.deps.now();
    exception.status = 'REVOKED';
    exception.revokedBy = this.em.getReference(AdminUser, actor.userId);
    exception.revokedAt = now;
    exception.revocationReason = reason;
    exception.updatedAt = now;
    this.audit().record({
      action: 'exception.revoke',
      entityType: 'PermittedException',
      subject: exception.id,
      providerIds: exception.allProviders ? [] : exception.providerIds,
      detail: { kind: exception.kind },
    });
    await flushOrConflict(this.em, 'Permitted exception');
    return this.reload(exception.id);
  }

  /** The written row with its relations, for presenting. */
  private async reload(id: string): Promise<PermittedException> {
    const row = await this.em.findOneOrFail(PermittedException, { id });
    await this.em.populate(row, POPULATE);
    return row;
  }

  /**
   * Checks a draft as given: shapes and references here; the rules are policy-core's
   * validateActivation, of which everything but incompleteness (REQUIRED) and the approval itself
   * applies to a draft already — a draft may be unfinished, never wrong.
   */
}
