import type { FieldCipher } from '../crypto/field-cipher.js';
import { itemSealContext, type PersonalDataItem } from './personal-data-item.entity.js';
import type { Provider } from './provider.entity.js';
import type { PersonalDataItemType, ProviderType } from './provider.type.js';

// The one place where personal values are decrypted on their way to a caller.

export function presentProvider(provider: Provider, displayName: string | null): ProviderType {
  return {
    id: provider.id,
    kind: provider.kind,
    reference: provider.reference,
    displayName,
    createdAt: provider.createdAt,
    updatedAt: provider.updatedAt,
    version: provider.version,
  };
}

export function revealValue(cipher: FieldCipher, item: PersonalDataItem): string {
  return cipher.decrypt(item.valueSealed, itemSealContext(item.id, item.category));
}

export function presentDataItem(cipher: FieldCipher, item: PersonalDataItem): PersonalDataItemType {
  return {
    id: item.id,
    category: item.category,
    value: revealValue(cipher, item),
    source: item.source,
    channel: item.channel,
    collectedAt: item.collectedAt,
    collectionId: item.collection?.id ?? null,
    publiclyAvailable: item.publiclyAvailable,
    publicProvenance: item.publicProvenance,
    version: item.version,
  };
}
