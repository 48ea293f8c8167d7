// Who a recipient is to the organisation: policy-core's vocabulary (its labels are in policy-core's
// catalogue, `recipientKind.<KIND>`), registered once as a GraphQL enum.
export { RECIPIENT_KINDS, type RecipientKind } from '@steward/policy-core';
