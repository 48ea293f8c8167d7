import { DateTimeType, Entity, Enum, Index, Property } from '@mikro-orm/core';
import { INCIDENT_NOTIFICATION_CHANNELS, type IncidentNotificationChannel } from '@steward/policy-core';
import { BaseEntity } from '../common/base.entity.js';

/** A notification of the people affected (APPI Art. 26(2), Rules Art. 10), or the public notice instead. */
@Entity({ tableName: 'incident_notification' })
@Index({ properties: ['incidentId', 'sentAt'] })
export class IncidentNotification extends BaseEntity<'noteSealed'> {
  @Property({ type: 'uuid' })
  incidentId!: string;

  @Enum({ items: () => [...INCIDENT_NOTIFICATION_CHANNELS], type: 'string' })
  channel!: IncidentNotificationChannel;

  @Property({ type: DateTimeType })
  sentAt!: Date;

  /** Providers told (with `viaMail`: the mails queued). */
  @Property({ type: 'integer' })
  providersCount!: number;

  /** Whether Steward queued the mails itself (INCIDENT_NOTICE). */
  @Property({ type: 'boolean' })
  viaMail!: boolean;

  @Property({ type: 'text', nullable: true, fieldName: 'note_enc', hidden: true })
  noteSealed: string | null = null;
}

export function incidentNotificationSealContext(id: string): string {
  return `incident_notification.note:${id}`;
}
