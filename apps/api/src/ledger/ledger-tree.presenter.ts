import { fromDbDate } from '../common/sql/dialect.js';
import { treeHeadStatement } from './ledger-hash.js';
import type { TreeHeadRow } from './ledger-tree.queries.js';
import type { LedgerTreeHeadType } from './ledger-tree.type.js';

/** A stored signed tree head as the API shows it: with the exact statement signed and the raw public key. */
export function presentTreeHead(row: TreeHeadRow, publicKey: string): LedgerTreeHeadType {
  const treeSize = Number(row.tree_size);
  const timestamp = fromDbDate(row.signed_at);
  return {
    treeSize,
    rootHash: row.root_hash,
    timestamp,
    providerMapRoot: null,
    statement: treeHeadStatement(treeSize, row.root_hash, timestamp),
    signature: row.signature,
    keyId: row.key_id,
    publicKey,
  };
}
