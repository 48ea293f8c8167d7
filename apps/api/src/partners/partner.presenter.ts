import type { DataCategory } from '@steward/policy-core';
import type { FieldCipher } from '../crypto/field-cipher.js';
import { revealSealed } from '../providers/provider.presenter.js';
import type { PartnerProviderType } from './partner.type.js';

/** An item read for a partner, still sealed. */
export interface SealedItemRow {
  id: string;
  category: DataCategory;
  value_sealed: string;
}

/**
 * The one place partner values are decrypted: only the items of the permitted categories are
 * passed in. The provider's id is the partner's handle; its reference (the organisation's, e.g. a
 * membership number) is personal information outside the permitted categories and never leaves.
 */
export function presentPartnerProvider(
  cipher: FieldCipher,
  id: string,
  items: readonly SealedItemRow[],
): PartnerProviderType {
  return {
    id,
    items: items.map((i) => ({ category: i.category, value: revealSealed(cipher, i.id, i.category, i.value_sealed) })),
  };
}
