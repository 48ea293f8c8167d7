import { OptionalProps, Entity, Index, ManyToOne, PrimaryKey, Property, DateTimeType, type Rel } from '@mikro-orm/core';
import { AdminUser } from './admin-user.entity.js';

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored. */
@Entity({ tableName: 'admin_session' })
@Index({ properties: ['expiresAt'] })
export class AdminSession {
  [OptionalProps]?: 'createdAt' | 'lastSeenAt' | 'userAgent';

  @PrimaryKey({ type: 'string', length: 64 })
  tokenHash!: string;

  @ManyToOne(() => AdminUser, { deleteRule: 'cascade' })
  user!: Rel<AdminUser>;

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();

  @Property({ type: DateTimeType })
  lastSeenAt: Date = new Date();

  @Property({ type: DateTimeType })
  expiresAt!: Date;

  @Property({ type: 'string', length: 300, nullable: true })
  userAgent: string | null = null;
}
