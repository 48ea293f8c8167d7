import { memberOf } from './guard.js';
import { localized, type Localized } from '../messages/catalogue.js';

/** The four circumstances of policy clause 2 that permit use outside the stated purposes. */
export const EXCEPTION_KINDS = ['LAW', 'PROVIDER_AGREEMENT', 'OUTSOURCING', 'BOARD_APPROVAL'] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];
export const isExceptionKind = memberOf(EXCEPTION_KINDS);

export type ExceptionKindInfo = {
  /** Item number within policy clause 2. */
  readonly item: 1 | 2 | 3 | 4;
  readonly title: Localized;
  /**
   * Evidence field keys an exception of this kind must carry before it can be activated; they are
   * the property names of the kind's evidence type (`LawEvidence`, …) and the `evidence.<key>`
   * paths that `missingEvidence` reports, in this order.
   */
  readonly requiredEvidence: readonly string[];
};

export const EXCEPTION_KIND_INFO: Readonly<Record<ExceptionKind, ExceptionKindInfo>> = {
  LAW: {
    item: 1,
    title: /* @__PURE__ */ localized('exceptionKind.LAW'),
    requiredEvidence: ['statute', 'article', 'requestingAuthority', 'documentReference', 'issuedOn'],
  },
  PROVIDER_AGREEMENT: {
    item: 2,
    title: /* @__PURE__ */ localized('exceptionKind.PROVIDER_AGREEMENT'),
    requiredEvidence: ['consentEventIds', 'summary'],
  },
  OUTSOURCING: {
    item: 3,
    title: /* @__PURE__ */ localized('exceptionKind.OUTSOURCING'),
    requiredEvidence: ['recipientId', 'contractReference', 'servesPurposeKey', 'categories', 'supervisionRecord'],
  },
  BOARD_APPROVAL: {
    item: 4,
    title: /* @__PURE__ */ localized('exceptionKind.BOARD_APPROVAL'),
    requiredEvidence: ['meetingKind', 'meetingDate', 'resolutionNumber', 'legitimateReason', 'minutesReference'],
  },
};
