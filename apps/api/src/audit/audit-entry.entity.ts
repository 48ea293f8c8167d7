import { Entity, Index, PrimaryKey, Property, DateTimeType } from '@mikro-orm/core';
import { newId } from '../common/ids.js';

/** Who did or read what, and when. Never holds personal values: ids and categories only. */
@Entity()
@Index({ properties: ['action', 'subject', 'at'] })
// The audit log's filters walk the id order (newest first) within one staff member or one action.
@Index({ properties: ['actorId', 'id'] })
@Index({ properties: ['action', 'id'] })
export class AuditEntry {
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: DateTimeType })
  at: Date = new Date();

  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  @Property({ type: 'string', length: 160 })
  actorLabel!: string;

  @Property({ type: 'string', length: 64 })
  action!: string;

  @Property({ type: 'string', length: 64 })
  entityType!: string;

  /** The entity id; for a failed sign-in to an e-mail with no account, a keyed hash of the e-mail. */
  @Property({ type: 'string', length: 254, nullable: true })
  subject: string | null = null;

  @Property({ type: 'json' })
  providerIds: string[] = [];

  @Property({ type: 'json', nullable: true })
  detail: Record<string, unknown> | null = null;
}
