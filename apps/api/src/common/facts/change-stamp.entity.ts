import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The change stamp: one row (id 1) whose `stamp` moves by one in the same transaction as every
 * change to a fact an instance keeps in memory (cookie sites and their origins, the policy version
 * in force). Each instance reads it once per request and trusts a cached fact only when it was
 * loaded under the stamp it reads (common/facts/change-stamps.ts).
 */
@Entity({ tableName: 'change_stamp' })
export class ChangeStamp {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id!: number;

  @Property({ type: 'bigint', columnType: 'bigint' })
  stamp!: string;
}
