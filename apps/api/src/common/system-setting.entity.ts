import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Installation-wide facts, e.g. the check value of the encryption key in use. */
@Entity({ tableName: 'system_setting' })
export class SystemSetting {
  @PrimaryKey({ type: 'string', length: 64 })
  key!: string;

  @Property({ type: 'text' })
  value!: string;
}
