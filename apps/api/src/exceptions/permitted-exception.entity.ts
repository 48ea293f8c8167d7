import { Entity, Enum, Index, ManyToOne, Property, DateTimeType, type Rel } from '@mikro-orm/core';
import {
  EXCEPTION_KINDS,
  EXCEPTION_STATUSES,
  type DataCategory,
  type ExceptionKind,
  type ExceptionStatus,
} from '@steward/policy-core';
import { AdminUser } from '../auth/admin-user.entity.js';
import { BaseEntity } from '../common/base.entity.js';
import { Recipient } from '../recipients/recipient.entity.js';

/**
 * Evidence as stored: the kind's evidence keys (policy-core's `ExceptionEvidenceByKind`) with
 * dates as ISO strings; keys may be missing while the exception is a draft.
 */
export type StoredEvidence = Record<string, string | string[] | null>;

/**
 * A permitted exception (policy clause 2): kind, evidence, scope, validity window, lifecycle.
 * The stored status is DRAFT, ACTIVE or REVOKED; EXPIRED (and NOT_YET_VALID) are derived at read
 * time by policy-core's effectiveStatus, so expiry needs no job and bites at the exact instant.
 */
@Entity()
@Index({ properties: ['kind', 'id'] })
@Index({ properties: ['recipient', 'status'] })
export class PermittedException extends BaseEntity<
  | 'version'
  | 'recipient'
  | 'validUntil'
  | 'approvedBy'
  | 'approvedAt'
  | 'revokedBy'
  | 'revokedAt'
  | 'revocationReason'
  | 'allProviders'
> {
  @Enum({ items: () => [...EXCEPTION_KINDS], type: 'string' })
  kind!: ExceptionKind;

  /** A short name for lists and reasons, e.g. "Journal delivery by courier". */
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'json' })
  evidence!: StoredEvidence;

  @Property({ type: 'json' })
  purposeKeys!: string[];

  @Property({ type: 'json' })
  categories!: DataCategory[];

  /** Whose data; ignored when `allProviders`. */
  @Property({ type: 'json' })
  providerIds!: string[];

  @Property({ type: 'boolean' })
  allProviders: boolean = false;

  /** Who may receive the data; null = internal use only, never provision. */
  @ManyToOne(() => Recipient, { nullable: true, deleteRule: 'restrict' })
  recipient: Rel<Recipient> | null = null;

  @Property({ type: DateTimeType })
  validFrom!: Date;

  /** Exclusive; null = until revoked. */
  @Property({ type: DateTimeType, nullable: true })
  validUntil: Date | null = null;

  @Enum({ items: () => [...EXCEPTION_STATUSES], type: 'string' })
  status!: ExceptionStatus;

  @ManyToOne(() => AdminUser, { deleteRule: 'restrict' })
  authoredBy!: Rel<AdminUser>;

  @ManyToOne(() => AdminUser, { nullable: true, deleteRule: 'restrict' })
  approvedBy: Rel<AdminUser> | null = null;

  @Property({ type: DateTimeType, nullable: true })
  approvedAt: Date | null = null;

  @ManyToOne(() => AdminUser, { nullable: true, deleteRule: 'restrict' })
  revokedBy: Rel<AdminUser> | null = null;

  @Property({ type: DateTimeType, nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  revocationReason: string | null = null;

  /** Optimistic lock: every change bumps it, and a write that names an older one is refused. */
  @Property({ type: 'integer', version: true })
  version: number = 1;
}
