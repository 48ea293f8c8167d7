import { callerCanWrite, type Caller } from '../abilities/caller.js';
import { allowedInquiryStatuses, validateInquiryStatusChange } from './inquiry-status.js';
import type { InquiryStatus } from './inquiry-vocabulary.js';

/** What the abilities of an inquiry depend on: its status, whether a provider is linked, the answers recorded. */
export type InquiryAbilityFacts = { status: InquiryStatus; providerLinked: boolean; answers: number };

/** What the caller may do with one inquiry now; the admin shows exactly these actions. */
export type InquiryAbilities = {
  /** Record an answer given or an internal note (in any status: a reopened or closed inquiry keeps its record whole). */
  reply: boolean;
  /** Assign it to an admin who handles inquiries, or to nobody. */
  assign: boolean;
  /** Link it to a provider, or to another one. */
  link: boolean;
  /** Remove the link to its provider: one is linked. */
  unlink: boolean;
  /**
   * The statuses it may move to now (closing and reopening included): validateInquiryStatusChange,
   * so ANSWERED only once an answer is recorded.
   */
  nextStatuses: InquiryStatus[];
};

/**
 * The caller's abilities on an inquiry, from the rules the API applies to each mutation: a viewer
 * or nobody may do nothing (inquiries are handled by owners and privacy officers).
 */
export function inquiryAbilities(i: InquiryAbilityFacts, caller: Caller | null): InquiryAbilities {
  if (!callerCanWrite(caller)) return { reply: false, assign: false, link: false, unlink: false, nextStatuses: [] };
  return {
    reply: true,
    assign: true,
    link: true,
    unlink: i.providerLinked,
    nextStatuses: allowedInquiryStatuses(i.status).filter(
      (to) => validateInquiryStatusChange(i.status, to, { answers: i.answers }).ok,
    ),
  };
}
