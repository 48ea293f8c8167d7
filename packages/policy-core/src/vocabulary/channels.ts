import { memberOf } from './guard.js';
import type { Localized } from './localized.js';

/** How personal information reached the society in one act of collection. */
export const COLLECTION_CHANNELS = ['WEB_FORM', 'PAPER_FORM', 'EMAIL', 'EVENT', 'PARTNER_SYSTEM', 'TELEPHONE'] as const;
export type CollectionChannel = (typeof COLLECTION_CHANNELS)[number];
export const isCollectionChannel = memberOf(COLLECTION_CHANNELS);

export const COLLECTION_CHANNEL_LABELS: Readonly<Record<CollectionChannel, Localized>> = {
  WEB_FORM: { en: 'Web form', ja: 'ウェブフォーム' },
  PAPER_FORM: { en: 'Paper form', ja: '紙の申込書' },
  EMAIL: { en: 'E-mail', ja: '電子メール' },
  EVENT: { en: 'Event', ja: 'イベント' },
  PARTNER_SYSTEM: { en: 'Partner system', ja: '連携先システム' },
  TELEPHONE: { en: 'Telephone', ja: '電話' },
};
