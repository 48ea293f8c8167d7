// Who a recipient is to the organisation. Vocabulary belongs in policy-core (STYLE.md §4); it is
// here until policy-core gains recipient rules, and is registered once as a GraphQL enum.

export const RECIPIENT_KINDS = ['CONTRACTOR', 'THIRD_PARTY', 'AUTHORITY'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];
