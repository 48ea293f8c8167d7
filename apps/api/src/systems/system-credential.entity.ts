import { Embedded, Entity, Property } from '@mikro-orm/core';
import { ApiKeyColumns } from '../common/api-key-columns.js';
import { BaseEntity } from '../common/base.entity.js';

/**
 * A key (`sys_<keyId>_<secret>`) of one of the organisation's own systems (the membership
 * database, the mailing tool), which may ask the `decision` query and nothing else.
 */
@Entity()
export class SystemCredential extends BaseEntity {
  /** The system the key is for, e.g. "Membership database"; several keys may name one system (rotation). */
  @Property({ type: 'string', length: 200 })
  systemName!: string;

  @Embedded(() => ApiKeyColumns, { prefix: false })
  key!: ApiKeyColumns;
}
