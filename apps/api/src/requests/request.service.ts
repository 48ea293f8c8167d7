import {
  CLOSED_REQUEST_STATUSES,
  DUE_SOON_DAYS,
  FIELD_LIMITS,
  REQUEST_LIMITS,
  normalizeLineBreaks,
  validateCompletion,
  validateProviderLink,
  validateStatusChange,
  validateText,
  validateRequestWork,
  validateVerification,
  type Issue,
  type RequestWork,
} from '@steward/policy-core';
import { AuditService } from '../audit/audit.service.js';
import { AdminUser } from '../auth/admin-user.entity.js';
import { BadInputError, DomainError, NotFoundError } from '../common/errors.js';
import { pageSize, toKeysetPage } from '../common/pagination.js';
import { exactTotal, withTotal } from '../common/connection.js';
import { decodeSortCursor, encodeSortCursor, type Sort } from '../common/sorting.js';
import type { Actor } from '../context.js';
import { Provider } from '../providers/provider.entity.js';
import { DataItemChange } from './data-item-change.entity.js';
import { ProviderCessation } from './provider-cessation.entity.js';
import {
  ProviderRequest,
  rejectionReasonSealContext,
  resolutionSealContext,
  verificationNoteSealContext,
} from './provider-request.entity.js';
import { RequestStatusChange, statusReasonSealContext } from './request-status-change.entity.js';
import type { ChangeRequestStatusInput, ProviderRequestFilter, VerifyRequestIdentityInput } from './request.inputs.js';
import { presentRequest, presentStatusChange } from './request.presenter.js';
import type { ProviderRequestConnection, ProviderRequestType, RequestStatusChangeType } from './request.type.js';
import { isUuid } from '../common/ids.js';
import { assertVersion, flushOrConflict } from '../common/optimistic-lock.js';
import { Service } from '../common/transaction.js';

export const REQUEST_POPULATE = ['provider', 'enteredBy', 'verifiedBy'] as const;

/**
 * Provider requests (clause 4) once received (intake: request-intake.service.ts; the response period:
 * request-settings.ts; a provider's amendments and cessations: provider-rights.service.ts):
 * linking to a provider, identity verification, and status changes by policy-core's rules. Each
 * write is one transaction with its status history and audit entry.
 */
export class RequestService extends Service {
  private requireActor(): Actor {
    if (!this.actor) throw new DomainError('UNAUTHENTICATED', 'Sign in to continue');
    return this.actor;
  }

  present(rows: readonly ProviderRequest[]): ProviderRequestType[] {
    const now = this.deps.now();
    return rows.map((r) => presentRequest(this.deps.cipher, r, now, this.actor));
  }

  // Reads -------------------------------------------------------------------------------------

  /** Newest first in keyset pages; urgency filters are the same rule as policy-core's, in SQL. */
  async list(args: {
    first: number;
    after: string | null;
    filter: ProviderRequestFilter | null;
    sort?: Sort<'RECEIVED' | 'DUE'> | null;
  }): Promise<ProviderRequestConnection> {
    const limit = pageSize(args.first);
    const order = args.sort ?? { field: 'RECEIVED', direction: 'DESC' };
    const sortName = `${order.field}_${order.direction}`;
    const after = args.after ? decodeSortCursor(args.after, sortName) : null;
    const afterId = after?.id ?? null;
    const f = args.filter ?? {};
    const now = this.deps.now();
    const open = { status: { $nin: [...CLOSED_REQUEST_STATUSES] } };
    const where: Record<string, unknown>[] = [];
    if (f.status) where.push({ status: f.status });
    if (f.kind) where.push({ kind: f.kind });
    if (f.open === true) where.push(open);
    if (f.open === false) where.push({ status: { $in: [...CLOSED_REQUEST_STATUSES] } });
    if (f.providerId) {
      if (!isUuid(f.providerId))
        return withTotal(
          {
            edges: [],
            pageInfo: { hasNextPage: false, hasPreviousPage: afterId !== null, startCursor: null, endCursor: null },
          },
          async () => exactTotal(0),
        );
      where.push({ provider: f.providerId });
    }
    const soon = new Date(now.getTime() + DUE_SOON_DAYS * 86_400_000);
    if (f.urgency === 'OVERDUE') where.push(open, { dueAt: { $lt: now } });
    if (f.urgency === 'DUE_SOON') where.push(open, { dueAt: { $gte: now, $lte: soon } });
    if (f.urgency === 'ON_TRACK') where.push(open, { dueAt: { $gt: soon } });
    if (f.urgency === 'CLOSED') where.push({ status: { $in: [...CLOSED_REQUEST_STATUSES] } });
    const filtered = where.length ? { $and: where } : {};
    // Keyset on (sort key, id): past the cursor's row in the sort's order, ties broken by the id.
    const prop = order.field === 'DUE' ? 'dueAt' : 'receivedAt';
    const dir = order.direction === 'ASC' ? 'asc' : 'desc';
    const op = order.direction === 'ASC' ? '$gt' : '$lt';
    const keyset = after
      ? [
          {
            $or: [
              { [prop]: { [op]: new Date(Number(after.key)) } },
              { [prop]: new Date(Number(after.key)), id: { [op]: after.id } },
            ],
          },
        ]
      : [];
    const rows = await this.em.find(
      ProviderRequest,
      { $and: [...where, ...keyset] },
      {
        populate: REQUEST_POPULATE,
        orderBy: [{ [prop]: dir }, { id: dir }],
        limit: limit + 1,
      },
    );
    const shown = rows.slice(0, limit);
    if (shown.length) {
      await new AuditService(this.em, this.actor, this.deps).insertNow({
        action: 'requests.list',
        entityType: 'ProviderRequest',
        providerIds: shown.flatMap((r) => (r.provider ? [r.provider.id] : [])),
        detail: { count: shown.length, fields: ['requester'] },
      });
    }
    const page = toKeysetPage(
      rows,
      limit,
      args.after ?? null,
      (r) => presentRequest(this.deps.cipher, r, now, this.actor),
      (r) => encodeSortCursor(sortName, (order.field === 'DUE' ? r.dueAt : r.receivedAt).getTime(), r.id),
    );
    // Requests number hundreds a year, not millions: an exact count over the (status, due) index.
    return withTotal(page, async () => exactTotal(await this.em.count(ProviderRequest, filtered)));
  }

  /** One request, decrypted for staff (the read is audited); null when there is none. */
  async get(id: string): Promise<ProviderRequest | null> {
    const row = isUuid(id) ? await this.em.findOne(ProviderRequest, { id }, { populate: REQUEST_POPULATE }) : null;
    if (row) {
      await new AuditService(this.em, this.actor, this.deps).insertNow({
        action: 'request.read',
        entityType: 'ProviderRequest',
        subject: row.id,
        providerIds: row.provider ? [row.provider.id] : [],
        detail: { fields: ['requester', 'verification'] },
      });
    }
    return row;
  }

  async history(requestId: string): Promise<RequestStatusChangeType[]> {
    const rows = await this.em.find(RequestStatusChange, { request: requestId }, { orderBy: { at: 'asc', id: 'asc' } });
    return rows.map((c) => presentStatusChange(this.deps.cipher, c));
  }

  // Writes ------------------------------------------------------------------------------------

  link(requestId: string, providerId: string, expectedVersion: number): Promise<ProviderRequest> {
    return this.inTransaction((tx) => tx.writeLink(requestId, providerId, expectedVersion)).then((r) =>
      this.reload(r.id),
    );
  }

  verify(input: VerifyRequestIdentityInput): Promise<ProviderRequest> {
    return this.inTransaction((tx) => tx.writeVerify(input)).then((r) => this.reload(r.id));
  }

  changeStatus(input: ChangeRequestStatusInput): Promise<ProviderRequest> {
    return this.inTransaction((tx) => tx.writeStatus(input)).then((r) => this.reload(r.id));
  }

  /** Loads a request for a write, checking the version the caller read. */
  async load(id: string, expectedVersion?: number): Promise<ProviderRequest> {
    const row = isUuid(id) ? await this.em.findOne(ProviderRequest, { id }, { populate: REQUEST_POPULATE }) : null;
    if (!row) throw new NotFoundError('Request', 'requestId');
    if (expectedVersion !== undefined) assertVersion(row.version, expectedVersion, 'Request');
    return row;
  }

  /**
   * Loads the request a piece of work (a disclosure package, an amendment, a cessation) answers and
   * checks with policy-core's validateRequestWork that its kind, status, provider link and identity
   * verification allow that work (BAD_USER_INPUT otherwise).
   */
  async loadForWork(id: string, work: RequestWork): Promise<ProviderRequest> {
    const request = await this.load(id);
    const allowed = validateRequestWork(
      {
        kind: request.kind,
        status: request.status,
        providerLinked: request.provider !== null,
        identityVerified: request.verifiedAt !== null,
      },
      work,
    );
    if (!allowed.ok) throw new BadInputError(allowed.issues, '');
    return request;
  }

  private async writeLink(requestId: string, providerId: string, expectedVersion: number): Promise<ProviderRequest> {
    const actor = this.requireActor();
    const request = await this.load(requestId, expectedVersion);
    const linking = validateProviderLink({ status: request.status, identityVerified: request.verifiedAt !== null });
    const issues: Issue[] = linking.ok ? [] : [...linking.issues];
    const provider = isUuid(providerId) ? await this.em.findOne(Provider, { id: providerId }) : null;
    if (!provider) issues.push({ field: 'providerId', code: 'INVALID_VALUE', message: 'No such provider.' });
    if (issues.length || !provider) throw new BadInputError(issues, '');
    request.provider = provider;
    request.updatedAt = this.deps.now();
    new AuditService(this.em, actor, this.deps).record({
      action: 'request.link',
      entityType: 'ProviderRequest',
      subject: request.id,
      providerIds: [provider.id],
      detail: { reference: request.reference },
    });
    await flushOrConflict(this.em, 'Request');
    return request;
  }

  private async writeVerify(input: VerifyRequestIdentityInput): Promise<ProviderRequest> {
    const actor = this.requireActor();
    const request = await this.load(input.requestId, input.expectedVersion);
    const validation = validateVerification({ status: request.status, providerLinked: request.provider !== null });
    const issues: Issue[] = validation.ok ? [] : [...validation.issues];
    const note = input.note ? normalizeLineBreaks(input.note).trim() || null : null;
    const noteIssue = validateText(note, {
      field: 'note',
      maxLength: REQUEST_LIMITS.note,
      required: false,
      multiline: true,
    });
    if (noteIssue) issues.push(noteIssue);
    if (issues.length) throw new BadInputError(issues);
    const now = this.deps.now();
    request.verificationMethod = input.method;
    request.verifiedBy = this.em.getReference(AdminUser, actor.userId);
    request.verifiedAt = now;
    request.verificationNoteSealed = note
      ? this.deps.cipher.encrypt(note, verificationNoteSealContext(request.id))
      : null;
    request.updatedAt = now;
    new AuditService(this.em, actor, this.deps).record({
      action: 'request.verify',
      entityType: 'ProviderRequest',
      subject: request.id,
      providerIds: [request.provider!.id],
      detail: { method: input.method, reference: request.reference },
    });
    await flushOrConflict(this.em, 'Request');
    return request;
  }

  private async writeStatus(input: ChangeRequestStatusInput): Promise<ProviderRequest> {
    const actor = this.requireActor();
    const request = await this.load(input.requestId, input.expectedVersion);
    const reason = input.reason ? normalizeLineBreaks(input.reason).trim() || null : null;
    const issues: Issue[] = [];
    const reasonIssue = validateText(reason, {
      field: 'reason',
      maxLength: FIELD_LIMITS.note,
      required: false,
      multiline: true,
    });
    if (reasonIssue) issues.push(reasonIssue);
    const change = validateStatusChange(request.status, input.status, {
      identityVerified: request.verifiedAt !== null,
      rejectionReason: reason,
    });
    if (!change.ok)
      issues.push(...change.issues.map((i) => (i.field === 'rejectionReason' ? { ...i, field: 'reason' } : i)));
    if (input.status === 'COMPLETED' && change.ok) {
      const workApplied = await this.workApplied(request.id);
      const completion = validateCompletion({
        kind: request.kind,
        packageProduced: request.packageProducedAt !== null,
        workApplied,
        resolution: reason,
      });
      if (!completion.ok) issues.push(...completion.issues);
    }
    if (issues.length) throw new BadInputError(issues);
    const now = this.deps.now();
    const from = request.status;
    request.status = input.status;
    request.updatedAt = now;
    const { cipher } = this.deps;
    if (input.status === 'REJECTED')
      request.rejectionReasonSealed = cipher.sealText(reason, rejectionReasonSealContext(request.id));
    if (input.status === 'COMPLETED') {
      request.completedAt = now;
      request.resolutionSealed = cipher.sealText(reason, resolutionSealContext(request.id));
    }
    const statusChange = this.em.create(RequestStatusChange, {
      request,
      fromStatus: from,
      toStatus: input.status,
      at: now,
      actorId: actor.userId,
      actorName: actor.displayName,
    });
    // Sealed to the change's own id, known once it is created.
    statusChange.reasonSealed = cipher.sealText(reason, statusReasonSealContext(statusChange.id));
    new AuditService(this.em, actor, this.deps).record({
      action: 'request.status',
      entityType: 'ProviderRequest',
      subject: request.id,
      providerIds: request.provider ? [request.provider.id] : [],
      detail: { from, to: input.status, reference: request.reference },
    });
    await flushOrConflict(this.em, 'Request');
    return request;
  }

  private async workApplied(requestId: string): Promise<boolean> {
    // In sequence: this may run inside a transaction (one connection).
    const changes = await this.em.count(DataItemChange, { request: requestId });
    const cessations = await this.em.count(ProviderCessation, { request: requestId });
    return changes + cessations > 0;
  }

  async reload(id: string): Promise<ProviderRequest> {
    const row = await this.em.findOneOrFail(ProviderRequest, { id });
    await this.em.populate(row, REQUEST_POPULATE);
    return row;
  }
}
