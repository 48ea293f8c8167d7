import { DateTimeType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One rate-limit counter, shared by every instance on the database (common/limits/db-rate-limiter.ts).
 * The key is a limiter's prefix and a keyed hash of what it counts (an account, an address, both):
 * never an e-mail or an address in plaintext.
 */
@Entity({ tableName: 'rate_limit_counter' })
@Index({ properties: ['expiresAt'] })
export class RateLimitCounter {
  @PrimaryKey({ type: 'string', length: 120 })
  limiterKey!: string;

  @Property({ type: 'integer' })
  points!: number;

  /** When the window ends; null for a counter that never expires. */
  @Property({ type: DateTimeType, nullable: true })
  expiresAt: Date | null = null;
}
