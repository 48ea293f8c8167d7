import { Entity, Enum, Index, Property, Unique, DateTimeType } from '@mikro-orm/core';
import type { PolicyClause } from '@steward/policy-core';
import { BaseEntity } from '../common/base.entity.js';

export interface PolicySectionData {
  clause: PolicyClause;
  titleEn: string;
  titleJa: string;
  bodyEn: string;
  bodyJa: string;
}

export type PolicyStatus = 'DRAFT' | 'PUBLISHED';

/** One version of the privacy policy. Published versions are immutable and the newest governs all data. */
@Entity()
@Index({ properties: ['status', 'number'] })
export class PolicyVersion extends BaseEntity<'status' | 'publishedAt'> {
  @Unique()
  @Property({ type: 'integer' })
  number!: number;

  @Enum({ items: ['DRAFT', 'PUBLISHED'], type: 'string' })
  status: PolicyStatus = 'DRAFT';

  @Property({ type: DateTimeType, nullable: true })
  publishedAt: Date | null = null;

  @Property({ type: 'text' })
  changeSummary!: string;

  /** SHA-256 of the canonical JSON of the sections: what a receipt refers to. */
  @Property({ type: 'string', length: 64 })
  contentHash!: string;

  @Property({ type: 'json' })
  sections!: PolicySectionData[];
}
