import { DateTimeType, Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { LedgerEntryKind as LedgerEntryKindValue } from '@steward/policy-core';

/**
 * RESTORE: a restore of an older backup, naming it and the range of entries it lost (see LedgerService.recordRestoreGap).
 * INCIDENT: a step of an incident (incidents/), committing to its affected providers by a hash.
 */
export type LedgerEntryKind = LedgerEntryKindValue;

/**
 * One link of the append-only ledger. It holds references and hashes, never personal values, so
 * amending or erasing a provider's data never breaks the chain. The database refuses UPDATE and
 * DELETE on this table (triggers in the migration).
 */
@Entity({ tableName: 'ledger_entry' })
@Index({ properties: ['providerId', 'sequence'] })
@Index({ properties: ['kind', 'sequence'] })
@Index({ properties: ['recipientId', 'sequence'] })
export class LedgerEntry {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  sequence!: number;

  @Unique()
  @Property({ type: 'uuid' })
  id!: string;

  @Property({ type: DateTimeType })
  recordedAt!: Date;

  @Property({ type: 'string', length: 32 })
  kind!: LedgerEntryKind;

  /** `admin:<id>`, `partner:<id>` (a partner key), `system:<id>` (an internal system's key) or `system` (Steward itself). */
  @Property({ type: 'string', length: 80 })
  actor!: string;

  @Property({ type: 'uuid', nullable: true })
  providerId: string | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  purposeKey: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  recipientId: string | null = null;

  @Property({ type: 'json' })
  categories!: string[];

  @Property({ type: 'string', length: 16 })
  outcome!: 'RECORDED' | 'ALLOWED' | 'DENIED';

  @Property({ type: 'json', nullable: true })
  basis: Record<string, unknown> | null = null;

  @Property({ type: 'integer' })
  policyVersion!: number;

  /** The record this entry is about (a collection, a consent event, a decision). */
  @Property({ type: 'string', length: 64, nullable: true })
  subjectRef: string | null = null;

  /** SHA-256 of the referenced record's content, so a later change to it is detectable. */
  @Property({ type: 'string', length: 64 })
  payloadHash!: string;

  @Property({ type: 'string', length: 64 })
  prevHash!: string;

  @Property({ type: 'string', length: 64 })
  hash!: string;
}
