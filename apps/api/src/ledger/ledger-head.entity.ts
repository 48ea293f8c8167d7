import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The single row that serialises appenders: its update locks it until the appending transaction ends. */
@Entity({ tableName: 'ledger_head' })
export class LedgerHead {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id!: number;

  @Property({ type: 'integer' })
  sequence!: number;

  @Property({ type: 'string', length: 64 })
  hash!: string;
}
