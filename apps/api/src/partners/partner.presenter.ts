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

/** The one place partner values are decrypted: only the items of the permitted categories are passed in. */
export function presentPartnerProvider(cipher: FieldCipher, id: string, reference: string, items: readonly SealedItemRow[]): PartnerProviderType {
  return {
    id,
    reference,
    items: items.map((i) => ({ category: i.category, value: revealSealed(cipher, i.id, i.category, i.value_sealed) })),
  };
}
