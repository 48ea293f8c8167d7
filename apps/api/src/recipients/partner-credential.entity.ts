import { Embedded, Entity, Index, ManyToOne, type Rel } from '@mikro-orm/core';
import { ApiKeyColumns } from '../common/api-key-columns.js';
import { BaseEntity } from '../common/base.entity.js';
import { Recipient } from './recipient.entity.js';

/** An API key (`stw_<keyId>_<secret>`) of a recipient's system. */
@Entity()
@Index({ properties: ['recipient', 'createdAt'] })
export class PartnerCredential extends BaseEntity {
  @ManyToOne(() => Recipient, { deleteRule: 'cascade' })
  recipient!: Rel<Recipient>;

  @Embedded(() => ApiKeyColumns, { prefix: false })
  key!: ApiKeyColumns;
}
