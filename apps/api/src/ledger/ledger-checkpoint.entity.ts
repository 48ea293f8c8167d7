import { DateTimeType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A signed statement "entry N has hash H", made with a key that is not in the database. */
@Entity({ tableName: 'ledger_checkpoint' })
export class LedgerCheckpoint {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  sequence!: number;

  @Property({ type: 'string', length: 64 })
  hash!: string;

  @Property({ type: DateTimeType })
  signedAt!: Date;

  @Property({ type: 'string', length: 32 })
  keyId!: string;

  @Property({ type: 'text' })
  signature!: string;
}
