import { memberOf } from './guard.js';
import { labelsOf, type Localized } from '../messages/catalogue.js';

/** Who provides personal information, in the words of policy clause 1. */
export const PROVIDER_KINDS = ['RELATED_PERSONNEL', 'BUSINESS_USER', 'SERVICE_USER'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];
export const isProviderKind = memberOf(PROVIDER_KINDS);

export const PROVIDER_KIND_LABELS: Readonly<Record<ProviderKind, Localized>> = /* @__PURE__ */ labelsOf(
  'providerKind',
  PROVIDER_KINDS,
);
