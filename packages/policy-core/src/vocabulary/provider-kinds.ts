import { memberOf } from './guard.js';
import type { Localized } from './localized.js';

/** Who provides personal information, in the words of policy clause 1. */
export const PROVIDER_KINDS = ['RELATED_PERSONNEL', 'BUSINESS_USER', 'SERVICE_USER'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];
export const isProviderKind = memberOf(PROVIDER_KINDS);

export const PROVIDER_KIND_LABELS: Readonly<Record<ProviderKind, Localized>> = {
  RELATED_PERSONNEL: { en: 'Related personnel', ja: '関係者' },
  BUSINESS_USER: { en: 'Business user', ja: '事業利用者' },
  SERVICE_USER: { en: 'Service user', ja: 'サービス利用者' },
};
