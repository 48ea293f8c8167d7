import {
  DateTimeType,
  Entity,
  Enum,
  Index,
  ManyToOne,
  PrimaryKey,
  Property,
  OptionalProps,
  type Rel,
} from '@mikro-orm/core';
import { REQUEST_STATUSES, type RequestStatus } from '@steward/policy-core';
import { newId } from '../common/ids.js';
import { ProviderRequest } from './provider-request.entity.js';

/** Append-only history of a request's status (the first row records its receipt). */
@Entity()
@Index({ properties: ['request', 'at'] })
export class RequestStatusChange {
  [OptionalProps]?: 'id' | 'fromStatus' | 'actorId' | 'reasonSealed';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @ManyToOne(() => ProviderRequest, { deleteRule: 'cascade' })
  request!: Rel<ProviderRequest>;

  @Enum({ items: () => [...REQUEST_STATUSES], type: 'string', nullable: true })
  fromStatus: RequestStatus | null = null;

  @Enum({ items: () => [...REQUEST_STATUSES], type: 'string' })
  toStatus!: RequestStatus;

  @Property({ type: DateTimeType })
  at!: Date;

  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  /** The admin's display name, or "Public form". */
  @Property({ type: 'string', length: 160 })
  actorName!: string;

  /** Sealed (statusReasonSealContext): the staff's reason (a rejection's, a completion's resolution). */
  @Property({ type: 'text', nullable: true, hidden: true, lazy: false })
  reasonSealed: string | null = null;
}

/** What a status change's sealed reason is bound to (AES-GCM associated data). */
export const statusReasonSealContext = (id: string) => `request-status-change:${id}:reason`;
