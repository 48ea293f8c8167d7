import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One provider's running state over the ledger entries naming them (`providerId`), as of the Merkle
 * tree's reach (`ledger_head.tree_sequence`): how many, the chain over their hashes
 * (`SHA-256(previous ‖ "\n" ‖ entry hash)`, from 64 zeros) and the last one's sequence. Written with
 * the leaves (an append's, or the build job's batch), so it changes only when the tree grows; the
 * provider map (provider-map.ts), whose root v2 tree heads sign, is made of these rows.
 */
@Entity({ tableName: 'ledger_provider_state' })
export class LedgerProviderState {
  @PrimaryKey({ type: 'uuid' })
  providerId!: string;

  @Property({ type: 'integer' })
  entryCount!: number;

  @Property({ type: 'string', length: 64 })
  chainHash!: string;

  @Property({ type: 'integer' })
  lastSequence!: number;
}
