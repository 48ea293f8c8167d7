import type { DataCategory } from '@steward/policy-core';
import type { FieldCipher } from '../crypto/field-cipher.js';
import { revealSealed } from '../providers/provider.presenter.js';
import { PartnerDataItemType, type PartnerProviderType } from './partner.type.js';

/** An item read for a partner, still sealed. */
export interface SealedItemRow {
  id: string;
  category: DataCategory;
  value_sealed: string;
}

/**
 * A provider as a partner receives it: only the items of the permitted categories are passed in,
 * each with its category; the values stay sealed until the answer selects them
 * (`revealPartnerValue`, through `PartnerDataItem.value`). The provider's id is the partner's handle;
 * its reference (the organisation's, e.g. a membership number) is personal information outside the
 * permitted categories and never leaves.
 */
export function presentPartnerProvider(id: string, items: readonly SealedItemRow[]): PartnerProviderType {
  // Instances of the GraphQL class, so that type-graphql hands `value`'s resolver this very object
  // (a plain object would be copied into a new one, and the service knows its items by identity).
  return { id, items: items.map((i) => Object.assign(new PartnerDataItemType(), { category: i.category })) };
}

/** The one place partner values are decrypted: one permitted item whose value the answer selects. */
export function revealPartnerValue(cipher: FieldCipher, item: SealedItemRow): string {
  return revealSealed(cipher, item.id, item.category, item.value_sealed);
}
