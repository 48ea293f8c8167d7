import { DateTimeType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A signed tree head (STH): "the ledger's Merkle tree of `treeSize` leaves has root `rootHash`",
 * signed at `signedAt` with the checkpoint key (statement: ledger-hash.ts treeHeadStatement).
 */
@Entity({ tableName: 'ledger_tree_head' })
export class LedgerTreeHead {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  treeSize!: number;

  @Property({ type: 'string', length: 64 })
  rootHash!: string;

  /** The statement's timestamp (milliseconds kept: it is signed as Date#toISOString). */
  @Property({ type: DateTimeType })
  signedAt!: Date;

  @Property({ type: 'string', length: 32 })
  keyId!: string;

  @Property({ type: 'text' })
  signature!: string;
}
