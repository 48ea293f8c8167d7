import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { PROVIDER_KINDS, type ProviderKind } from '@steward/policy-core';
import { BaseEntity } from '../common/base.entity.js';

/** A person who gave the organisation personal information. Holds no personal values itself. */
@Entity()
@Index({ properties: ['kind', 'id'] })
export class Provider extends BaseEntity<'version'> {
  @Enum({ items: () => [...PROVIDER_KINDS], type: 'string' })
  kind!: ProviderKind;

  /** The organisation's own reference (e.g. a membership number); not secret, searchable by prefix. */
  @Unique()
  @Property({ type: 'string', length: 64 })
  reference!: string;

  /** Optimistic lock: every change bumps it, and a write that names an older one is refused. */
  @Property({ type: 'integer', version: true })
  version: number = 1;
}
