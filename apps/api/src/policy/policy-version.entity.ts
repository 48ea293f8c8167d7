import { Entity, Enum, Index, Property, Unique, DateTimeType } from '@mikro-orm/core';
import type { DataCategory, PolicyClause } from '@steward/policy-core';
import { BaseEntity } from '../common/base.entity.js';

export interface PolicySectionData {
  clause: PolicyClause;
  titleEn: string;
  titleJa: string;
  bodyEn: string;
  bodyJa: string;
}

export type PolicyStatus = 'DRAFT' | 'PUBLISHED';

/** A purpose of use as a version states it (a draft proposes them; publishing applies them). */
export interface PolicyPurposeData {
  key: string;
  titleEn: string;
  titleJa: string;
  /** English. */
  description: string;
  /** Japanese; absent from snapshots taken before it existed (read as ''). */
  descriptionJa?: string;
  categories: DataCategory[];
  retired: boolean;
}

/** What publishing changed about the purposes (policy-core's purposeChanges), kept for the impact view. */
export interface StoredPurposeChanges {
  added: string[];
  widened: { key: string; addedCategories: DataCategory[] }[];
  narrowed: { key: string; removedCategories: DataCategory[] }[];
  retired: string[];
}

/**
 * One version of the privacy policy. A draft (at most one: its number is the next one) is edited
 * with optimistic locking; publishing makes it the version in force at once. Published versions
 * are immutable: the service refuses, and a database trigger refuses UPDATE and DELETE.
 */
@Entity()
@Index({ properties: ['status', 'number'] })
export class PolicyVersion extends BaseEntity<
  'status' | 'publishedAt' | 'version' | 'purposes' | 'purposeChanges' | 'changeSummaryJa' | 'changeSummaryEn'
> {
  @Unique()
  @Property({ type: 'integer' })
  number!: number;

  @Enum({ items: ['DRAFT', 'PUBLISHED'], type: 'string' })
  status: PolicyStatus = 'DRAFT';

  @Property({ type: DateTimeType, nullable: true })
  publishedAt: Date | null = null;

  /**
   * The change summary as first written, in one language (versions before issue 16), kept as it was:
   * published rows never change. New versions write the English summary here (else the Japanese one)
   * for readers of the older shape, and both languages below.
   */
  @Property({ type: 'text' })
  changeSummary!: string;

  /** SHA-256 of the canonical JSON of the sections: what a receipt refers to. */
  @Property({ type: 'string', length: 64 })
  contentHash!: string;

  @Property({ type: 'json' })
  sections!: PolicySectionData[];

  /** The purposes of use this version states; null for a version seeded before drafts carried them. */
  @Property({ type: 'json', nullable: true })
  purposes: PolicyPurposeData[] | null = null;

  /** Set on publishing: the purposes added, widened, narrowed and retired against the version before. */
  @Property({ type: 'json', nullable: true })
  purposeChanges: StoredPurposeChanges | null = null;

  @Property({ type: 'integer', version: true })
  version: number = 1;

  /** The change summary per language; both null on a version written before them (policy-core's bilingualFromLegacy reads changeSummary). */
  @Property({ type: 'text', nullable: true })
  changeSummaryJa: string | null = null;

  @Property({ type: 'text', nullable: true })
  changeSummaryEn: string | null = null;
}
