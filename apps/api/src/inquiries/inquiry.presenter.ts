import { allowedInquiryStatuses, inquiryAbilities } from '@steward/policy-core';
import type { Actor } from '../context.js';
import type { FieldCipher } from '../crypto/field-cipher.js';
import { inquiryReplySealContext, type InquiryReply } from './inquiry-reply.entity.js';
import { inquirySealContext, type Inquiry, type InquiryContent } from './inquiry.entity.js';
import type { InquiryAbilitiesType, InquiryReplyType, InquirySummaryType, InquiryType } from './inquiry.type.js';

/** The inbox row: no personal values, so presenting it needs no decryption and no audit entry. */
export function presentInquirySummary(i: Inquiry): InquirySummaryType {
  return {
    id: i.id,
    reference: i.reference,
    channel: i.channel,
    status: i.status,
    receivedAt: i.receivedAt,
    assignee: i.assignee ? { id: i.assignee.id, displayName: i.assignee.displayName } : null,
    providerId: i.provider?.id ?? null,
    providerReference: i.provider?.reference ?? null,
    recordedBy: i.recordedBy?.displayName ?? null,
    nextStatuses: allowedInquiryStatuses(i.status),
    version: i.version,
  };
}

export function openInquiryContent(cipher: FieldCipher, i: Inquiry): InquiryContent {
  return JSON.parse(cipher.decrypt(i.sealedContent, inquirySealContext(i.id))) as InquiryContent;
}

export function presentReply(cipher: FieldCipher, r: InquiryReply): InquiryReplyType {
  return {
    id: r.id,
    kind: r.kind,
    channel: r.channel,
    at: r.at,
    author: r.authorName,
    body: cipher.decrypt(r.sealedBody, inquiryReplySealContext(r.id)),
  };
}

/** The one place an inquiry's content leaves the server decrypted (the service audits the read). */
export function presentInquiry(cipher: FieldCipher, i: Inquiry, replies: readonly InquiryReply[]): InquiryType {
  return {
    summary: presentInquirySummary(i),
    content: openInquiryContent(cipher, i),
    replies: replies.map((r) => presentReply(cipher, r)),
  };
}

/**
 * What `caller` may do with a presented inquiry (policy-core's inquiryAbilities), from its status,
 * provider link and the answers among its replies. A field of its own, resolved only when asked for:
 * the disclosure package lists a provider's inquiries as presented, and carries no abilities.
 */
export function presentInquiryAbilities(i: InquiryType, caller: Actor | null): InquiryAbilitiesType {
  return inquiryAbilities(
    {
      status: i.summary.status,
      providerLinked: i.summary.providerId !== null,
      answers: i.replies.filter((r) => r.kind === 'ANSWER').length,
    },
    caller,
  );
}
