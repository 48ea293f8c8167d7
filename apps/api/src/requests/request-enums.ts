import {
  REQUEST_CHANNELS,
  REQUEST_KINDS,
  REQUEST_STATUSES,
  REQUEST_URGENCIES,
  VERIFICATION_METHODS,
} from '@steward/policy-core';
import { registerEnumType } from 'type-graphql';
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
});
registerEnumType(RequestChannelEnum, { name: 'RequestChannel' });
registerEnumType(RequestStatusEnum, {
  name: 'RequestStatus',
  description: 'RECEIVED → VERIFYING → IN_PROGRESS → COMPLETED, or REJECTED.',
});
registerEnumType(RequestUrgencyEnum, {
  name: 'RequestUrgency',
  description: 'OVERDUE, DUE_SOON (within 3 days), ON_TRACK, or CLOSED.',
});
registerEnumType(VerificationMethodEnum, { name: 'VerificationMethod' });
registerEnumType(ResponsePeriodUnitEnum, { name: 'ResponsePeriodUnit' });
registerEnumType(DataItemChangeActionEnum, { name: 'DataItemChangeAction' });
