import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { PROVIDER_KINDS, PROVIDER_LANGUAGES, type ProviderKind, type ProviderLanguage } from '@steward/policy-core';
import { BaseEntity } from '../common/base.entity.js';

/** A person who gave the organisation personal information. Holds no personal values itself. */
@Entity()
@Index({ properties: ['kind', 'id'] })
// The partner change feed's new providers, by registration time (partners/changes).
@Index({ properties: ['createdAt'] })
export class Provider extends BaseEntity<'version' | 'language'> {
  @Enum({ items: () => [...PROVIDER_KINDS], type: 'string' })
  kind!: ProviderKind;

  /** The organisation's own reference (e.g. a membership number); not secret, searchable by prefix. */
  @Unique()
  @Property({ type: 'string', length: 64 })
  reference!: string;

  /** Optimistic lock: every change bumps it, and a write that names an older one is refused. */
  @Property({ type: 'integer', version: true })
  version: number = 1;

  /**
   * The language of every document and message to the provider (ja or en), chosen at collection.
   * The column's default is what providers recorded before it existed were written to: English.
   * Declared after `version`, where the migration added the column.
   */
  @Enum({ items: () => [...PROVIDER_LANGUAGES], type: 'string', default: 'en' })
  language: ProviderLanguage = 'en';
}
