import { memberOf } from './guard.js';
import { localized, type Localized } from '../messages/catalogue.js';

/** The eight numbered clauses of the reference policy, in order. */
export const POLICY_CLAUSES = [
  'COLLECTION',
  'PURPOSE_OF_USE',
  'MANAGEMENT',
  'DISCLOSURE_AND_AMENDMENT',
  'WEBSITE_USE',
  'COOKIES',
  'CHANGES',
  'INQUIRIES',
] as const;
export type PolicyClause = (typeof POLICY_CLAUSES)[number];
export const isPolicyClause = memberOf(POLICY_CLAUSES);

export type PolicyClauseNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
export type PolicyClauseInfo = { readonly number: PolicyClauseNumber; readonly title: Localized };

export const POLICY_CLAUSE_INFO: Readonly<Record<PolicyClause, PolicyClauseInfo>> = Object.fromEntries(
  POLICY_CLAUSES.map((clause, i) => [
    clause,
    { number: (i + 1) as PolicyClauseNumber, title: /* @__PURE__ */ localized(`clause.${clause}`) },
  ]),
) as Record<PolicyClause, PolicyClauseInfo>;
