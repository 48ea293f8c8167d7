import { warnIfPastHolidayData } from '../calendar/national-holidays.js';
import {
  dueDate,
  normalizeSubmission,
  validateRequestSubmission,
  type Issue,
  type RequestChannel,
  type RequestKind,
} from '@steward/policy-core';
import { randomBytes } from 'node:crypto';
import { AuditService } from '../audit/audit.service.js';
import { AdminUser } from '../auth/admin-user.entity.js';
import { BadInputError, DomainError } from '../common/errors.js';
import type { RateLimitRule } from '../common/rate-limit.js';
import { Provider } from '../providers/provider.entity.js';
import { ProviderRequest } from './provider-request.entity.js';
import { RequestStatusChange } from './request-status-change.entity.js';
import type { CreateProviderRequestInput, SubmitProviderRequestInput } from './request.inputs.js';
import { sealRequester } from './request.presenter.js';
import { loadResponsePeriod } from './request-settings.js';
import type { RequestReceiptType } from './request.type.js';
import { isUuid } from '../common/ids.js';
import { checkEarlierHead } from '../ledger/earlier-head.js';
import { RequestService } from './request.service.js';
import { Service } from '../common/transaction.js';

/** The public form: five requests per address per hour (× STEWARD_RATE_LIMIT_SCALE). */
export const SUBMIT_RULE: RateLimitRule = { name: 'provider-request-submit', points: 5, durationSeconds: 3600 };

/**
 * Intake of provider requests (clause 4): staff enter them for any channel, providers submit them
 * on the public form. Each is one transaction with its first status-history row and audit entry.
 */
export class RequestIntakeService extends Service {
  /** The public form: rate-limited per address first, then checked; a refused request stores nothing. */
  async submit(
    input: SubmitProviderRequestInput,
    clientAddress: string,
    consume: (rule: RateLimitRule, key: string) => Promise<void>,
  ): Promise<RequestReceiptType> {
    await consume(SUBMIT_RULE, clientAddress);
    const request = await this.inTransaction((tx) =>
      tx.writeIntake({ ...input, channel: 'WEB_FORM', receivedAt: null, providerId: null }, 'public'),
    );
    return { reference: request.reference, kind: request.kind, receivedAt: request.receivedAt, dueAt: request.dueAt };
  }

  async create(input: CreateProviderRequestInput): Promise<ProviderRequest> {
    if (!this.actor) throw new DomainError('UNAUTHENTICATED', 'Sign in to continue');
    const request = await this.inTransaction((tx) => tx.writeIntake(input, 'staff'));
    return new RequestService(this.em, this.actor, this.deps).reload(request.id);
  }

  private async writeIntake(
    input: {
      kind: string;
      channel: RequestChannel;
      receivedAt?: Date | null;
      requesterName: string;
      contact: string;
      details?: string | null;
      cookieConsentIds?: string[] | null;
      providerId?: string | null;
      earlierHead?: string | null;
    },
    by: 'public' | 'staff',
  ): Promise<ProviderRequest> {
    const submission = normalizeSubmission({
      kind: input.kind,
      requesterName: input.requesterName,
      contact: input.contact,
      details: input.details ?? null,
      cookieConsentIds: input.cookieConsentIds ?? [],
    });
    const validation = validateRequestSubmission(submission);
    const issues: Issue[] = validation.ok ? [] : [...validation.issues];
    const now = this.deps.now();
    const receivedAt = input.receivedAt ?? now;
    if (input.receivedAt && (Number.isNaN(input.receivedAt.getTime()) || input.receivedAt.getTime() > now.getTime())) {
      issues.push({
        field: 'receivedAt',
        code: 'INVALID_VALUE',
        message: 'The request cannot be received in the future.',
      });
    }
    let provider: Provider | null = null;
    const providerId = input.providerId?.trim() || null;
    if (providerId) {
      provider = isUuid(providerId) ? await this.em.findOne(Provider, { id: providerId }) : null;
      if (!provider) issues.push({ field: 'providerId', code: 'INVALID_VALUE', message: 'No such provider.' });
    }
    // The head of the provider's last package, for the next one's consistency proof; checked before anything is stored.
    const earlier = input.earlierHead?.trim()
      ? await checkEarlierHead(this.em, this.deps.cipher, input.earlierHead)
      : null;
    if (earlier && !earlier.ok) issues.push(...earlier.issues);
    if (issues.length) throw new BadInputError(issues);

    const period = await loadResponsePeriod(this.em, receivedAt);
    const request = new ProviderRequest();
    request.reference = generateReference();
    request.kind = submission.kind as RequestKind;
    request.channel = input.channel;
    request.status = 'RECEIVED';
    request.receivedAt = receivedAt;
    request.dueAt = dueDate(receivedAt, period);
    warnIfPastHolidayData(period, request.dueAt, this.deps.log);
    request.requesterSealed = sealRequester(this.deps.cipher, request.id, {
      name: submission.requesterName,
      contact: submission.contact,
      details: submission.details ?? null,
      cookieConsentIds: [...(submission.cookieConsentIds ?? [])],
    });
    request.provider = provider;
    request.earlierHead = earlier?.ok ? earlier.json : null;
    request.enteredBy = this.actor ? this.em.getReference(AdminUser, this.actor.userId) : null;
    request.createdAt = now;
    request.updatedAt = now;
    this.em.persist(request);
    this.em.create(RequestStatusChange, {
      request,
      toStatus: 'RECEIVED',
      at: now,
      actorId: this.actor?.userId ?? null,
      actorName: this.actor?.displayName ?? 'Public form',
    });
    new AuditService(this.em, this.actor, this.deps, 'public').record({
      action: by === 'public' ? 'request.submit' : 'request.create',
      entityType: 'ProviderRequest',
      subject: request.id,
      providerIds: provider ? [provider.id] : [],
      detail: {
        kind: request.kind,
        channel: request.channel,
        reference: request.reference,
        dueAt: request.dueAt.toISOString(),
        ...(earlier?.ok ? { earlierHeadSize: earlier.head.treeSize } : {}),
      },
    });
    await this.em.flush();
    return request;
  }
}

/** A receipt reference such as R-7K2M9QX4TA (no look-alike characters). */
function generateReference(): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  const bytes = randomBytes(10);
  return 'R-' + Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}
