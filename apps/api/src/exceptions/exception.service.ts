import type { SqlEntityManager } from '@mikro-orm/knex';
import {
  EXCEPTION_KINDS,
  FIELD_LIMITS,
  mayEditException,
  mayRevokeException,
  normalizeLineBreaks,
  validateActivation,
  validatePurposeKey,
  validateText,
  type AgreementEventFact,
  type EffectiveExceptionStatus,
  type ExceptionKind,
  type Issue,
  type PurposeFact,
} from '@steward/policy-core';
import { AuditService } from '../audit/audit.service.js';
import { AdminUser } from '../auth/admin-user.entity.js';
import { BadInputError, DomainError, NotFoundError } from '../common/errors.js';
import { citedConsentEventRows, existingIds } from './exception.queries.js';
import type { Actor, AppDeps } from '../context.js';
import { loadPurposeFacts } from '../purposes/purpose-facts.js';
import { Recipient } from '../recipients/recipient.entity.js';
import {
  EVIDENCE_FIELD,
  evidenceToStore,
  purposeFacts,
  shapeOf,
  toDraft,
  withInputPaths,
  type ExceptionShape,
} from './exception-facts.js';
import { presentException } from './exception.presenter.js';
import type { CreateExceptionInput, UpdateExceptionInput } from './exception.inputs.js';
import type { PermittedExceptionType } from './exception.type.js';
import { PermittedException, type StoredEvidence } from './permitted-exception.entity.js';
import { isUuid } from '../common/ids.js';
import { assertVersion, flushOrConflict } from '../common/optimistic-lock.js';

const POPULATE = ['recipient', 'authoredBy', 'approvedBy', 'revokedBy'] as const;
/** Issues that only say the exception is not approved yet (or name the approver): not a draft's problem. */
const NOT_A_DRAFT_PROBLEM = new Set(['status', 'approverId', 'approverRole', 'at']);

/** What a draft holds once checked: the columns the input sets. */
interface DraftValues {
  kind: ExceptionKind;
  title: string;
  evidence: StoredEvidence;
  purposeKeys: string[];
  categories: PermittedException['categories'];
  allProviders: boolean;
  providerIds: string[];
  recipient: Recipient | null;
  validFrom: Date;
  validUntil: Date | null;
}

/** The well-formed consent event ids an agreement's evidence cites, once each. */
function citedIds(evidence: StoredEvidence): string[] {
  const cited = evidence.consentEventIds;
  return Array.isArray(cited)
    ? [...new Set(cited.filter((id): id is string => typeof id === 'string' && isUuid(id)))]
    : [];
}

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
export class ExceptionService {
  constructor(
    private readonly em: SqlEntityManager,
    private readonly actor: Actor | null,
    private readonly deps: AppDeps,
  ) {}

  async list(filter: {
    status?: EffectiveExceptionStatus | null;
    kind?: ExceptionKind | null;
  }): Promise<PermittedExceptionType[]> {
    const rows = await this.em.find(PermittedException, filter.kind ? { kind: filter.kind } : {}, {
      populate: POPULATE,
      orderBy: { id: 'desc' },
    });
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
    const events = await this.consentEventFacts([...new Set(agreements.flatMap((e) => citedIds(e.evidence)))]);
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
    return this.em.transactional((em) => this.with(em).writeCreate(input));
  }

  update(input: UpdateExceptionInput): Promise<PermittedException> {
    return this.em.transactional((em) => this.with(em).writeUpdate(input));
  }

  approve(id: string, expectedVersion: number): Promise<PermittedException> {
    return this.em.transactional((em) => this.with(em).writeApprove(id, expectedVersion));
  }

  revoke(id: string, reason: string, expectedVersion: number): Promise<PermittedException> {
    return this.em.transactional((em) => this.with(em).writeRevoke(id, reason, expectedVersion));
  }

  private with(em: SqlEntityManager): ExceptionService {
    return new ExceptionService(em, this.actor, this.deps);
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
    const values = await this.checkDraft(input, null);
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
    const values = await this.checkDraft(input, exception);
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
    return this.reload(exception.id);
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
      consentEvents: await this.citedConsentEvents(exception.kind, exception.evidence),
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
    if (reasonIssue) throw new BadInputError([reasonIssue], '');
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
  private async checkDraft(input: CreateExceptionInput, existing: PermittedException | null): Promise<DraftValues> {
    const issues: Issue[] = [];
    const kind = input.kind;
    const title = input.title.trim();
    const titleIssue = validateText(title, { field: 'title', maxLength: FIELD_LIMITS.source, required: true });
    if (titleIssue) issues.push(titleIssue);

    // Exactly one part of the evidence, the one for this kind.
    const expected = EVIDENCE_FIELD[kind];
    for (const other of EXCEPTION_KINDS) {
      const field = EVIDENCE_FIELD[other];
      if (other !== kind && input.evidence[field] != null) {
        issues.push({
          field: `evidence.${field}`,
          code: 'INVALID_VALUE',
          message: `Evidence for ${other} does not belong to a ${kind} exception.`,
        });
      }
    }
    if (input.evidence[expected] == null) {
      issues.push({
        field: `evidence.${expected}`,
        code: 'REQUIRED',
        message: `Give the evidence for ${kind} (it may be incomplete in a draft).`,
      });
    }
    const evidence = evidenceToStore(kind, input.evidence);

    const scope = input.scope;
    const purposeKeys = scope.purposeKeys.map((k) => k.trim());
    purposeKeys.forEach((key, i) => {
      // Stated or not (an exception may name a purpose outside the stated ones), keyed as policy-core keys purposes.
      const problem = validatePurposeKey(key, `scope.purposeKeys[${i}]`);
      if (problem) issues.push(problem);
    });
    const providerIds = scope.allProviders ? [] : [...new Set(scope.providerIds.map((p) => p.trim()))];
    if (scope.allProviders && scope.providerIds.length) {
      issues.push({
        field: 'scope.providerIds',
        code: 'INVALID_VALUE',
        message: 'Name providers or choose all providers, not both.',
      });
    }
    issues.push(...(await this.unknownIds('provider', providerIds, 'scope.providerIds', 'No such provider')));

    const recipientId = scope.recipientId?.trim() || null;
    const recipient = recipientId && isUuid(recipientId) ? await this.em.findOne(Recipient, { id: recipientId }) : null;
    if (recipientId && !recipient)
      issues.push({ field: 'scope.recipientId', code: 'INVALID_VALUE', message: 'No such recipient.' });
    if (kind === 'OUTSOURCING' && typeof evidence.recipientId === 'string' && evidence.recipientId !== recipientId) {
      const known = await this.unknownIds(
        'recipient',
        [evidence.recipientId],
        `evidence.${expected}.recipientId`,
        'No such recipient',
      );
      issues.push(...known.map((i) => ({ ...i, field: `evidence.${expected}.recipientId` })));
    }

    const now = this.deps.now();
    const values: DraftValues = {
      kind,
      title,
      evidence,
      purposeKeys,
      categories: [...scope.categories],
      allProviders: scope.allProviders,
      providerIds,
      recipient,
      validFrom: input.validFrom ?? existing?.validFrom ?? now,
      validUntil: input.validUntil ?? null,
    };
    const shape: ExceptionShape = {
      id: existing?.id ?? 'new',
      ...values,
      recipientId,
      status: 'DRAFT',
      authorId: this.requireActor().userId,
      approvedById: null,
      approvedAt: null,
      revokedAt: null,
    };
    const purposes: PurposeFact[] = purposeFacts(await loadPurposeFacts(this.em));
    const validation = validateActivation({
      exception: toDraft(shape),
      approverId: '',
      approverRole: 'OWNER',
      at: now,
      purposes,
      consentEvents: await this.citedConsentEvents(kind, evidence),
    });
    if (!validation.ok) {
      // Incomplete evidence and evidence of what is still to happen are for the approval to refuse.
      const draftProblems = validation.issues.filter(
        (i) => i.code !== 'REQUIRED' && i.code !== 'NOT_YET_HAPPENED' && !NOT_A_DRAFT_PROBLEM.has(i.field),
      );
      issues.push(...withInputPaths(kind, draftProblems));
    }
    if (issues.length) throw new BadInputError(dedupe(issues));
    return values;
  }

  /**
   * The stored consent events among those a PROVIDER_AGREEMENT exception's evidence cites, for
   * policy-core's agreementIssues (an id with none is unknown; malformed ids name none).
   */
  private async citedConsentEvents(
    kind: ExceptionKind,
    evidence: StoredEvidence,
  ): Promise<AgreementEventFact[] | undefined> {
    if (kind !== 'PROVIDER_AGREEMENT') return undefined;
    return this.consentEventFacts(citedIds(evidence));
  }

  /** The stored consent events among `ids`, with whether their provider withdrew or refused since. */
  private async consentEventFacts(ids: readonly string[]): Promise<AgreementEventFact[]> {
    if (!ids.length) return [];
    // withdrawn: a later event of the provider for the same purpose that is not a GRANT (their consent is no longer this one).
    const rows = await citedConsentEventRows<{
      id: string;
      provider_id: string;
      purpose_key: string;
      action: AgreementEventFact['action'];
      withdrawn: unknown;
    }>(this.em, ids);
    return rows.map((r) => ({
      id: String(r.id),
      providerId: String(r.provider_id),
      purposeKey: r.purpose_key,
      action: r.action,
      withdrawnSince: Number(r.withdrawn) > 0,
    }));
  }

  /** Issues for ids that name no row of `table` (malformed ids included), with `field[i]` paths. */
  private async unknownIds(
    table: 'provider' | 'recipient',
    ids: readonly string[],
    field: string,
    message: string,
  ): Promise<Issue[]> {
    if (!ids.length) return [];
    const wellFormed = [...new Set(ids.filter((id) => isUuid(id)))];
    const found = wellFormed.length
      ? new Set((await existingIds(this.em, table, wellFormed)).map((r) => String(r.id)))
      : new Set<string>();
    return ids.flatMap((id, i) =>
      found.has(id) ? [] : [{ field: `${field}[${i}]`, code: 'INVALID_VALUE' as const, message: `${message}.` }],
    );
  }
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.field}|${i.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What the audit keeps about a scope: references and categories, never values. */
function auditScope(values: DraftValues): Record<string, unknown> {
  return {
    kind: values.kind,
    purposeKeys: values.purposeKeys,
    categories: values.categories,
    allProviders: values.allProviders,
    recipientId: values.recipient?.id ?? null,
    validFrom: values.validFrom.toISOString(),
    validUntil: values.validUntil?.toISOString() ?? null,
  };
}
