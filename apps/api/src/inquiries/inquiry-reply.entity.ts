import { DateTimeType, Entity, Enum, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import {
  INQUIRY_CHANNELS,
  INQUIRY_REPLY_KINDS,
  type InquiryChannel,
  type InquiryReplyKind,
} from '@steward/policy-core';
import { AdminUser } from '../auth/admin-user.entity.js';
import { BaseEntity } from '../common/base.entity.js';
import { Inquiry } from './inquiry.entity.js';

/** A staff entry on an inquiry: an internal note or the answer given, with its channel and time. */
@Entity()
@Index({ properties: ['inquiry', 'at'] })
export class InquiryReply extends BaseEntity<'channel'> {
  @ManyToOne(() => Inquiry, { deleteRule: 'cascade' })
  inquiry!: Rel<Inquiry>;

  @Enum({ items: () => [...INQUIRY_REPLY_KINDS], type: 'string' })
  kind!: InquiryReplyKind;

  /** How an answer was given; null for notes. */
  @Enum({ items: () => [...INQUIRY_CHANNELS], type: 'string', nullable: true })
  channel: InquiryChannel | null = null;

  @Property({ type: DateTimeType })
  at!: Date;

  /** The text, sealed with `inquiryReplySealContext(id)`. */
  @Property({ type: 'text', hidden: true })
  sealedBody!: string;

  @ManyToOne(() => AdminUser)
  author!: Rel<AdminUser>;

  @Property({ type: 'string', length: 120 })
  authorName!: string;
}

export function inquiryReplySealContext(id: string): string {
  return `inquiry-reply:${id}`;
}
