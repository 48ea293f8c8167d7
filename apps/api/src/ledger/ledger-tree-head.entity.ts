import { DateTimeType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A signed tree head (STH): "the ledger's Merkle tree of `treeSize` leaves has root `rootHash`",
 * signed at `signedAt` with the checkpoint key. Version 1 (statement: ledger-hash.ts
 * treeHeadStatement) says no more; version 2 also commits to the provider map of that size
 * (`providerMapSize` leaves, root `providerMapRoot`; treeHeadStatementOf). A size has one row: signing
 * v2 where a v1 head stands replaces it (same root; the map is fixed by the size).
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

  /** 1: size and root only (signed inside an append); 2: with the provider map (the timer, evidence). */
  @Property({ type: 'integer', default: 1 })
  version: number = 1;

  @Property({ type: 'integer', nullable: true })
  providerMapSize: number | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  providerMapRoot: string | null = null;
}
