import { memberOf } from './guard.js';
import { labelsOf, type Localized } from '../messages/catalogue.js';

/** How personal information reached the society in one act of collection. */
export const COLLECTION_CHANNELS = ['WEB_FORM', 'PAPER_FORM', 'EMAIL', 'EVENT', 'PARTNER_SYSTEM', 'TELEPHONE'] as const;
export type CollectionChannel = (typeof COLLECTION_CHANNELS)[number];
export const isCollectionChannel = memberOf(COLLECTION_CHANNELS);

export const COLLECTION_CHANNEL_LABELS: Readonly<Record<CollectionChannel, Localized>> = /* @__PURE__ */ labelsOf(
  'channel',
  COLLECTION_CHANNELS,
);
