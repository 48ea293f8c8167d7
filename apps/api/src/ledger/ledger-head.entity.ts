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

  /** Leaves in the Merkle tree (ledger-tree-node.entity.ts): moved with the entries, under this row's lock. */
  @Property({ type: 'integer', default: 0 })
  treeSize!: number;

  /**
   * Every entry numbered up to here is a leaf. Equal to `sequence` when the tree is caught up; behind
   * it while the build job (jobs/ledger-tree-build.job.ts) fills in an older ledger.
   */
  @Property({ type: 'integer', default: 0 })
  treeSequence!: number;
}
