import {
  REQUEST_CHANNELS,
  REQUEST_KINDS,
  REQUEST_STATUSES,
  REQUEST_URGENCIES,
  VERIFICATION_METHODS,
} from '@steward/policy-core';
import { registerEnumType } from 'type-graphql';
import { describeValues } from '../common/enums.js';
import { DATA_ITEM_CHANGE_ACTIONS } from './data-item-change.entity.js';

// policy-core's request vocabulary, registered once as GraphQL enums (as common/enums.ts does for the rest).
function asEnum<const T extends readonly string[]>(values: T): { [K in T[number]]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T[number]]: K };
}

export const RequestKindEnum = asEnum(REQUEST_KINDS);
export const RequestChannelEnum = asEnum(REQUEST_CHANNELS);
export const RequestStatusEnum = asEnum(REQUEST_STATUSES);
export const RequestUrgencyEnum = asEnum(REQUEST_URGENCIES);
export const VerificationMethodEnum = asEnum(VERIFICATION_METHODS);
export const ResponsePeriodUnitEnum = asEnum(['CALENDAR_DAYS', 'BUSINESS_DAYS'] as const);
export const DataItemChangeActionEnum = asEnum(DATA_ITEM_CHANGE_ACTIONS);

registerEnumType(RequestKindEnum, {
  name: 'RequestKind',
  description: 'Clause 4: disclosure, amendment, or cessation of use.',
  valuesConfig: describeValues({
    DISCLOSURE: 'The provider asks for everything held about them (answered with a disclosure package).',
    AMENDMENT: 'The provider asks to correct, add or delete items held about them.',
    CESSATION: 'The provider asks the organisation to stop using their data, or providing it to others.',
  }),
});
registerEnumType(RequestChannelEnum, {
  name: 'RequestChannel',
  description: "How a provider's request reached the organisation.",
  valuesConfig: describeValues({
    WEB_FORM: 'The public request form (/privacy/request).',
    POST: 'By post, entered by staff.',
    TELEPHONE: 'By telephone, entered by staff.',
    FAX: 'By fax, entered by staff.',
    EMAIL: 'By e-mail, entered by staff.',
    IN_PERSON: 'In person at the secretariat, entered by staff.',
  }),
});
registerEnumType(RequestStatusEnum, {
  name: 'RequestStatus',
  description: 'RECEIVED → VERIFYING → IN_PROGRESS → COMPLETED, or REJECTED.',
  valuesConfig: describeValues({
    RECEIVED: 'Received; nothing done yet.',
    VERIFYING: "Confirming the requester's identity.",
    IN_PROGRESS: 'Identity verified; the work is under way.',
    COMPLETED: 'Answered; the resolution says what was done.',
    REJECTED: 'Refused, with a reason.',
  }),
});
registerEnumType(RequestUrgencyEnum, {
  name: 'RequestUrgency',
  description: 'OVERDUE, DUE_SOON (within 3 days), ON_TRACK, or CLOSED.',
  valuesConfig: describeValues({
    OVERDUE: 'Open and past its due date.',
    DUE_SOON: 'Open and due within 3 days.',
    ON_TRACK: 'Open, with more than 3 days left.',
    CLOSED: 'Completed or rejected.',
  }),
});
registerEnumType(VerificationMethodEnum, {
  name: 'VerificationMethod',
  description: 'How a requester was confirmed to be the provider.',
  valuesConfig: describeValues({
    ID_DOCUMENT: 'An identity document was shown or copied (its number is never recorded).',
    KNOWN_EMAIL_CONFIRMATION: 'A message to the e-mail address on record was answered.',
    MEMBERSHIP_RECORD: 'What they said matches the membership record.',
    IN_PERSON: 'Known to staff in person.',
  }),
});
registerEnumType(ResponsePeriodUnitEnum, {
  name: 'ResponsePeriodUnit',
  description: 'How the response period of provider requests is counted.',
  valuesConfig: describeValues({
    CALENDAR_DAYS: 'Every day counts.',
    BUSINESS_DAYS: 'Only days the secretariat is open (not closed days or holidays) count.',
  }),
});
registerEnumType(DataItemChangeActionEnum, {
  name: 'DataItemChangeAction',
  description: 'What an amendment did to one item.',
  valuesConfig: describeValues({
    ADD: 'Added a new item.',
    UPDATE: "Corrected an item's value.",
    REMOVE: 'Deleted an item.',
  }),
});
