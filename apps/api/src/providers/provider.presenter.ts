import type { DataCategory, ProviderKind, ProviderLanguage } from '@steward/policy-core';
import { fromDbDate } from '../common/sql/dialect.js';
import type { FieldCipher } from '../crypto/field-cipher.js';
import { itemSealContext, itemSourceSealContext, type PersonalDataItem } from './personal-data-item.entity.js';
import type { Provider } from './provider.entity.js';
import type { PersonalDataItemType, ProviderOptionType, ProviderType } from './provider.type.js';

// The one place where personal values are decrypted on their way to a caller.

export function presentProvider(provider: Provider, displayName: string | null): ProviderType {
  return {
    id: provider.id,
    kind: provider.kind,
    reference: provider.reference,
    displayName,
    language: provider.language,
    createdAt: provider.createdAt,
    updatedAt: provider.updatedAt,
    version: provider.version,
  };
}

/** A provider row as the list's lean query returns it (dates as stored). */
export interface ProviderRow {
  id: string;
  kind: ProviderKind;
  reference: string;
  language: ProviderLanguage;
  version: number | string;
  created_at: unknown;
  updated_at: unknown;
}

export function presentProviderRow(row: ProviderRow, displayName: string | null): ProviderType {
  return {
    id: row.id,
    kind: row.kind,
    reference: row.reference,
    displayName,
    language: row.language,
    createdAt: fromDbDate(row.created_at),
    updatedAt: fromDbDate(row.updated_at),
    version: Number(row.version),
  };
}

/** A provider as a picker's query reads it. */
export interface ProviderOptionRow {
  id: string;
  reference: string;
}

export function presentProviderOption(row: ProviderOptionRow, displayName: string | null): ProviderOptionType {
  return { id: row.id, reference: row.reference, displayName };
}

/** An item's sealed value as a lean query reads it. */
export interface SealedValueRow {
  id: string;
  category: DataCategory;
  value_sealed: string;
}

/** A provider's display name: their most recent NAME item, opened (null when they have none). */
export function openDisplayName(cipher: FieldCipher, name: SealedValueRow | null | undefined): string | null {
  return name ? revealSealed(cipher, name.id, name.category, name.value_sealed) : null;
}

export function revealValue(cipher: FieldCipher, item: PersonalDataItem): string {
  return revealSealed(cipher, item.id, item.category, item.valueSealed);
}

/** The same for an item read as a plain row. */
export function revealSealed(cipher: FieldCipher, itemId: string, category: DataCategory, sealed: string): string {
  return cipher.decrypt(sealed, itemSealContext(itemId, category));
}

export function presentDataItem(cipher: FieldCipher, item: PersonalDataItem): PersonalDataItemType {
  return {
    id: item.id,
    category: item.category,
    value: revealValue(cipher, item),
    source: cipher.openText(item.sourceSealed, itemSourceSealContext(item.id)),
    channel: item.channel,
    collectedAt: item.collectedAt,
    collectionId: item.collection?.id ?? null,
    publiclyAvailable: item.publiclyAvailable,
    publicProvenance: item.publicProvenance,
    version: item.version,
  };
}
