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

  /** On a RESTORE entry's checkpoint only: the restore's own signed statement (restoreStatement), which alone lets verification accept the gap it records. */
  @Property({ type: 'text', nullable: true })
  restoreSignature?: string | null;
}
