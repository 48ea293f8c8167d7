import {
  allowedNextStatuses,
  label,
  labelKey,
  type DocumentActorKind,
  type Language,
  daysRemaining,
  isAdminRole,
  isOverdue,
  requestAbilities,
  requestUrgency,
  type DataCategory,
} from '@steward/policy-core';
import { formatMessage } from '../i18n/messages.js';
import type { Actor } from '../context.js';
import type { FieldCipher } from '../crypto/field-cipher.js';
import { changeSealContext, type DataItemChange } from './data-item-change.entity.js';
import {
  rejectionReasonSealContext,
  requesterSealContext,
  resolutionSealContext,
  verificationNoteSealContext,
  type ProviderRequest,
  type RequesterDetails,
} from './provider-request.entity.js';
import { type ProviderCessation } from './provider-cessation.entity.js';
import { statusReasonSealContext, type RequestStatusChange } from './request-status-change.entity.js';
import type {
  DataItemChangeType,
  DisclosedActorType,
  ProviderCessationType,
  ProviderRequestType,
  RequesterType,
  RequestStatusChangeType,
} from './request.type.js';
import type { RequestCalendarSettings } from './request-settings.js';
import type { RequestSettingsType } from './request.type.js';

// The one place where a request's sealed values are opened on their way to a caller.

export function sealRequester(cipher: FieldCipher, requestId: string, details: RequesterDetails): string {
  return cipher.encrypt(JSON.stringify(details), requesterSealContext(requestId));
}

export function openRequester(cipher: FieldCipher, requestId: string, sealed: string): RequesterType {
  const d = JSON.parse(cipher.decrypt(sealed, requesterSealContext(requestId))) as RequesterDetails;
  return { name: d.name, contact: d.contact, details: d.details ?? null, cookieConsentIds: d.cookieConsentIds ?? [] };
}

/**
 * A request with its provider, enteredBy and verifiedBy populated; overdue and urgency at `now`;
 * what `caller` may do with it (policy-core's requestAbilities).
 */
export function presentRequest(
  cipher: FieldCipher,
  r: ProviderRequest,
  now: Date,
  caller: Actor | null,
): ProviderRequestType {
  return {
    id: r.id,
    reference: r.reference,
    kind: r.kind,
    channel: r.channel,
    status: r.status,
    receivedAt: r.receivedAt,
    dueAt: r.dueAt,
    overdue: isOverdue({ status: r.status, dueAt: r.dueAt }, now),
    urgency: requestUrgency({ status: r.status, dueAt: r.dueAt }, now),
    daysRemaining: daysRemaining(r.dueAt, now),
    allowedNextStatuses: allowedNextStatuses(r.status),
    requester: openRequester(cipher, r.id, r.requesterSealed),
    provider: r.provider
      ? { id: r.provider.id, reference: r.provider.reference, kind: r.provider.kind, version: r.provider.version }
      : null,
    enteredBy: r.enteredBy?.displayName ?? null,
    verification:
      r.verificationMethod && r.verifiedAt
        ? {
            method: r.verificationMethod,
            verifiedBy: r.verifiedBy?.displayName ?? 'Unknown',
            verifiedAt: r.verifiedAt,
            note: r.verificationNoteSealed
              ? cipher.decrypt(r.verificationNoteSealed, verificationNoteSealContext(r.id))
              : null,
          }
        : null,
    rejectionReason: cipher.openText(r.rejectionReasonSealed, rejectionReasonSealContext(r.id)),
    completedAt: r.completedAt,
    resolution: cipher.openText(r.resolutionSealed, resolutionSealContext(r.id)),
    packageProducedAt: r.packageProducedAt,
    packageHash: r.packageHash,
    earlierHead: r.earlierHead,
    version: r.version,
    abilities: requestAbilities(
      {
        kind: r.kind,
        status: r.status,
        providerLinked: r.provider !== null,
        identityVerified: r.verifiedAt !== null,
      },
      caller,
    ),
  };
}

export function presentStatusChange(cipher: FieldCipher, c: RequestStatusChange): RequestStatusChangeType {
  return {
    fromStatus: c.fromStatus,
    toStatus: c.toStatus,
    at: c.at,
    actorName: c.actorName,
    reason: cipher.openText(c.reasonSealed, statusReasonSealContext(c.id)),
  };
}

/** An amended item's before and after values, opened (the staff view and the disclosure package alike). */
export function openChangeValues(
  cipher: FieldCipher,
  c: { id: string; category: DataCategory; beforeSealed: string | null; afterSealed: string | null },
): { before: string | null; after: string | null } {
  return {
    before:
      c.beforeSealed === null ? null : cipher.decrypt(c.beforeSealed, changeSealContext(c.id, c.category, 'before')),
    after: c.afterSealed === null ? null : cipher.decrypt(c.afterSealed, changeSealContext(c.id, c.category, 'after')),
  };
}

export function presentChange(
  cipher: FieldCipher,
  c: DataItemChange,
  requestReference: string | null,
): DataItemChangeType {
  return {
    id: c.id,
    itemId: c.itemId,
    category: c.category,
    action: c.action,
    ...openChangeValues(cipher, c),
    changedAt: c.changedAt,
    changedBy: c.changedByName,
    requestReference,
  };
}

export function presentCessation(
  c: ProviderCessation,
  recipientNames: ReadonlyMap<string, string>,
  requestReference: string | null,
): ProviderCessationType {
  return {
    id: c.id,
    action: c.action,
    purposeKey: c.purposeKey,
    recipientId: c.recipientId,
    recipientName: c.recipientId ? (recipientNames.get(c.recipientId) ?? null) : null,
    since: c.since,
    recordedBy: c.recordedByName,
    requestReference,
  };
}

/**
 * What the provider reads, in their `language` (policy-core's `actorKind.*` messages), instead of the ledger's actor references (`admin:<id>`, `partner:<credential
 * id>`, `system:<credential id>`, `system`): staff by name and role (as amendments name who made
 * them), a partner key by its recipient's name, an internal system's key by the system's name,
 * `system` as Steward. A reference whose user or key no longer exists is listed as unknown. Sorted
 * by reference.
 */
export function presentActors(
  refs: readonly string[],
  known: {
    admins: readonly { id: string; displayName: string; role: string }[];
    partnerKeys: readonly { id: string; recipientName: string }[];
    systemKeys: readonly { id: string; systemName: string }[];
  },
  language: Language,
): DisclosedActorType[] {
  const say = (kind: DocumentActorKind, params: Record<string, string> = {}) =>
    formatMessage(language, labelKey('actorKind', kind), params);
  const described = new Map<string, string>([['system', say('STEWARD')]]);
  for (const a of known.admins) {
    const role = isAdminRole(a.role) ? label(language, 'role', a.role) : a.role;
    described.set(`admin:${a.id}`, say('STAFF', { name: a.displayName, role }));
  }
  for (const p of known.partnerKeys)
    described.set(`partner:${p.id}`, say('RECIPIENT_SYSTEM', { name: p.recipientName }));
  for (const k of known.systemKeys) described.set(`system:${k.id}`, say('INTERNAL_SYSTEM', { name: k.systemName }));
  const unknown = say('UNKNOWN');
  return [...refs].sort().map((ref) => ({ ref, description: described.get(ref) ?? unknown }));
}

export function presentSettings({ period, observeJapaneseHolidays }: RequestCalendarSettings): RequestSettingsType {
  return {
    responsePeriodDays: period.days,
    unit: period.unit,
    timeZone: period.timeZone,
    observeJapaneseHolidays,
    recurringClosedDays: [...(period.recurringClosedDays ?? [])],
    holidays: [...(period.holidays ?? [])],
  };
}
