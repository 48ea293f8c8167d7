import { DateTimeType, Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { newId } from '../common/ids.js';
import { AdminUser } from './admin-user.entity.js';

/** One of a member's one-time recovery codes for the second factor; only its keyed hash is kept. */
@Entity({ tableName: 'recovery_code' })
@Index({ properties: ['user', 'codeHash'] })
export class RecoveryCode {
  [OptionalProps]?: 'id' | 'usedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @ManyToOne(() => AdminUser, { deleteRule: 'cascade' })
  user!: Rel<AdminUser>;

  @Property({ type: 'string', length: 64, hidden: true })
  codeHash!: string;

  @Property({ type: DateTimeType })
  createdAt!: Date;

  @Property({ type: DateTimeType, nullable: true })
  usedAt: Date | null = null;
}
