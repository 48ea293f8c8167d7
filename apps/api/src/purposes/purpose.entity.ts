import { Entity, Property, Unique } from '@mikro-orm/core';
import type { DataCategory } from '@steward/policy-core';
import { BaseEntity } from '../common/base.entity.js';

/** A purpose of use stated to providers, with the categories of data it needs. */
@Entity()
export class Purpose extends BaseEntity<'retired' | 'consentFromVersion' | 'descriptionJa'> {
  @Unique()
  @Property({ type: 'string', length: 64 })
  key!: string;

  @Property({ type: 'string', length: 200 })
  titleEn!: string;

  @Property({ type: 'string', length: 200 })
  titleJa!: string;

  /** English. */
  @Property({ type: 'text' })
  description!: string;

  @Property({ type: 'json' })
  categories!: DataCategory[];

  @Property({ type: 'integer' })
  introducedInVersion!: number;

  @Property({ type: 'boolean' })
  retired: boolean = false;

  /** The policy version that last added or widened the purpose: grants recorded before it do not cover it (clause 7). */
  @Property({ type: 'integer', default: 1 })
  consentFromVersion: number = 1;

  /** Japanese; empty until written (a Japanese reader then sees the English one). */
  @Property({ type: 'text', default: '' })
  descriptionJa: string = '';
}
