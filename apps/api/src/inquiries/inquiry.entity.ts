import { DateTimeType, Entity, Enum, Index, ManyToOne, Property, Unique, type Rel } from '@mikro-orm/core';
import { INQUIRY_CHANNELS, INQUIRY_STATUSES, type InquiryChannel, type InquiryStatus } from '@steward/policy-core';
import { AdminUser } from '../auth/admin-user.entity.js';
import { BaseEntity } from '../common/base.entity.js';
import { Provider } from '../providers/provider.entity.js';

/** What an inquiry says, sealed as one value: who asked, how to answer them, and what they asked. */
export interface InquiryContent {
  name: string | null;
  email: string | null;
  postalAddress: string | null;
  telephone: string | null;
  subject: string;
  message: string;
}

/**
 * An inquiry about the handling of personal information (clause 8), from the public form or
 * written down by staff from post, telephone, fax or e-mail. Everything the inquirer said is
 * sealed (AES-256-GCM, bound to the row); the columns hold only what the inbox filters on.
 */
@Entity()
@Index({ properties: ['status', 'id'] })
@Index({ properties: ['assignee', 'id'] })
@Index({ properties: ['provider', 'id'] })
export class Inquiry extends BaseEntity<'status' | 'assignee' | 'provider' | 'recordedBy' | 'version'> {
  /** The receipt reference given to the inquirer, e.g. INQ-7K2M9QX4TD. */
  @Unique()
  @Property({ type: 'string', length: 20 })
  reference!: string;

  @Enum({ items: () => [...INQUIRY_CHANNELS], type: 'string' })
  channel!: InquiryChannel;

  @Enum({ items: () => [...INQUIRY_STATUSES], type: 'string' })
  status: InquiryStatus = 'NEW';

  @Property({ type: DateTimeType })
  receivedAt!: Date;

  /** InquiryContent as JSON, sealed with `inquirySealContext(id)`. */
  @Property({ type: 'text', hidden: true })
  sealedContent!: string;

  @ManyToOne(() => AdminUser, { nullable: true })
  assignee: Rel<AdminUser> | null = null;

  /** The provider the inquiry turned out to be from, once identified. */
  @ManyToOne(() => Provider, { nullable: true, deleteRule: 'set null' })
  provider: Rel<Provider> | null = null;

  /** The admin who wrote a staff entry down; null for the public form. */
  @ManyToOne(() => AdminUser, { nullable: true })
  recordedBy: Rel<AdminUser> | null = null;

  @Property({ type: 'integer', version: true })
  version: number = 1;
}

export function inquirySealContext(id: string): string {
  return `inquiry:${id}`;
}
