import { memberOf } from './guard.js';
import { labelsOf, type Localized } from '../messages/catalogue.js';

/**
 * How personal information reached the society in one act of collection. IMPORT: brought in from
 * another system's file (consents given there, e.g. on paper), by the admin's import.
 */
export const COLLECTION_CHANNELS = [
  'WEB_FORM',
  'PAPER_FORM',
  'EMAIL',
  'EVENT',
  'PARTNER_SYSTEM',
  'TELEPHONE',
  'IMPORT',
] as const;
export type CollectionChannel = (typeof COLLECTION_CHANNELS)[number];
export const isCollectionChannel = memberOf(COLLECTION_CHANNELS);

export const COLLECTION_CHANNEL_LABELS: Readonly<Record<CollectionChannel, Localized>> = /* @__PURE__ */ labelsOf(
  'channel',
  COLLECTION_CHANNELS,
);
