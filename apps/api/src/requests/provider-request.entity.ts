import { DateTimeType, Entity, Enum, Index, ManyToOne, Property, Unique, type Rel } from '@mikro-orm/core';
import {
  REQUEST_CHANNELS,
  REQUEST_KINDS,
  REQUEST_STATUSES,
  VERIFICATION_METHODS,
  type RequestChannel,
  type RequestKind,
  type RequestStatus,
  type VerificationMethod,
} from '@steward/policy-core';
import { AdminUser } from '../auth/admin-user.entity.js';
import { BaseEntity } from '../common/base.entity.js';
import { Provider } from '../providers/provider.entity.js';

/** What the requester told us, sealed as one JSON value (never stored in plaintext). */
export interface RequesterDetails {
  name: string;
  contact: string;
  details: string | null;
  /** Ids copied from the cookie banner, so their cookie consent history can be disclosed too. */
  cookieConsentIds: string[];
}

/**
 * A provider's request under policy clause 4: disclosure, amendment or cessation of use. The
 * requester's details are sealed (AES-256-GCM, bound to this row); the due date is computed once
 * from the organisation's response period when the request is received; whether it is overdue is
 * policy-core's, at read time.
 */
@Entity()
@Index({ properties: ['status', 'dueAt'] })
@Index({ properties: ['provider', 'id'] })
export class ProviderRequest extends BaseEntity<
  | 'version'
  | 'provider'
  | 'enteredBy'
  | 'verificationMethod'
  | 'verifiedBy'
  | 'verifiedAt'
  | 'verificationNoteSealed'
  | 'rejectionReasonSealed'
  | 'completedAt'
  | 'resolutionSealed'
  | 'packageProducedAt'
  | 'packageHash'
  | 'earlierHead'
> {
  /** The receipt reference the requester is given (e.g. R-7K2M9QX4TA); not secret. */
  @Unique()
  @Property({ type: 'string', length: 32 })
  reference!: string;

  @Enum({ items: () => [...REQUEST_KINDS], type: 'string' })
  kind!: RequestKind;

  @Enum({ items: () => [...REQUEST_CHANNELS], type: 'string' })
  channel!: RequestChannel;

  @Enum({ items: () => [...REQUEST_STATUSES], type: 'string' })
  status!: RequestStatus;

  @Property({ type: DateTimeType })
  receivedAt!: Date;

  @Property({ type: DateTimeType })
  dueAt!: Date;

  /** Sealed JSON of RequesterDetails. */
  @Property({ type: 'text', hidden: true, lazy: false })
  requesterSealed!: string;

  /** The provider the request concerns, once staff have identified them. */
  @ManyToOne(() => Provider, { nullable: true, deleteRule: 'set null' })
  provider: Rel<Provider> | null = null;

  /** Who entered it; null when the provider submitted it on the public form. */
  @ManyToOne(() => AdminUser, { nullable: true, deleteRule: 'set null' })
  enteredBy: Rel<AdminUser> | null = null;

  @Enum({ items: () => [...VERIFICATION_METHODS], type: 'string', nullable: true })
  verificationMethod: VerificationMethod | null = null;

  @ManyToOne(() => AdminUser, { nullable: true, deleteRule: 'set null' })
  verifiedBy: Rel<AdminUser> | null = null;

  @Property({ type: DateTimeType, nullable: true })
  verifiedAt: Date | null = null;

  /** Sealed: a verification note may mention the document seen. */
  @Property({ type: 'text', nullable: true, hidden: true, lazy: false })
  verificationNoteSealed: string | null = null;

  /** Sealed (rejectionReasonSealContext): why it was rejected, the staff's note to the requester. */
  @Property({ type: 'text', nullable: true, hidden: true, lazy: false })
  rejectionReasonSealed: string | null = null;

  @Property({ type: DateTimeType, nullable: true })
  completedAt: Date | null = null;

  /** Sealed (resolutionSealContext): what was done, in a sentence, written by staff. */
  @Property({ type: 'text', nullable: true, hidden: true, lazy: false })
  resolutionSealed: string | null = null;

  /** When a disclosure package was last produced, and the SHA-256 of its canonical JSON. */
  @Property({ type: DateTimeType, nullable: true })
  packageProducedAt: Date | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  packageHash: string | null = null;

  @Property({ type: 'integer', version: true })
  version: number = 1;

  /**
   * The signed tree head the provider handed in (from their last disclosure package), as checked on
   * intake: its JSON in the wire's field order (policy-core parseTreeHead). Not personal: a head is public.
   * Declared last: the migration added the column at the end.
   */
  @Property({ type: 'text', nullable: true })
  earlierHead: string | null = null;
}

/** Sealing contexts: a value copied onto another row or field fails to decrypt. */
export const requesterSealContext = (requestId: string) => `provider-request:${requestId}:requester`;
export const verificationNoteSealContext = (requestId: string) => `provider-request:${requestId}:verification-note`;
export const rejectionReasonSealContext = (requestId: string) => `provider-request:${requestId}:rejection-reason`;
export const resolutionSealContext = (requestId: string) => `provider-request:${requestId}:resolution`;
