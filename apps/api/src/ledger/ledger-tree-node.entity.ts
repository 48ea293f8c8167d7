import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * One complete subtree of the ledger's Merkle tree (RFC 9162): the node at `level` covering leaves
 * `idx·2^level` to `(idx+1)·2^level − 1`. Level 0 is a leaf, the leaf hash of one ledger entry's
 * chain hash, and carries that entry's `sequence`: the mapping entry → leaf index. Nodes are written
 * once, when they become complete, in the transaction that appends their last leaf; a root or proof
 * of any size is folded from O(log n) of them (ledger-tree.service.ts).
 */
@Entity({ tableName: 'ledger_tree_node' })
export class LedgerTreeNode {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  level!: number;

  @PrimaryKey({ type: 'integer', autoincrement: false })
  idx!: number;

  @Property({ type: 'string', length: 64 })
  hash!: string;

  /** On a leaf only: the ledger entry it is (its leaf index is `idx`). */
  @Unique()
  @Property({ type: 'integer', nullable: true })
  sequence: number | null = null;
}
