import { fromDbDate } from '../common/sql/dialect.js';
import { treeHeadStatementOf } from './ledger-hash.js';
import type { TreeHeadRow } from './ledger-tree.queries.js';
import type { LedgerProviderEvidenceType, LedgerTreeHeadType } from './ledger-tree.type.js';
import type { EvidencePackage, SignedTreeHead } from '@steward/policy-core';

/** A stored signed tree head as it travels (packages, request forms): the contract's JSON, v1 or v2. */
export function treeHeadJsonOf(row: TreeHeadRow): SignedTreeHead {
  const common = {
    treeSize: Number(row.tree_size),
    rootHash: row.root_hash,
    timestamp: fromDbDate(row.signed_at).toISOString(),
    signature: row.signature,
  };
  return Number(row.version) === 2
    ? {
        version: 2,
        ...common,
        providerMapSize: Number(row.provider_map_size),
        providerMapRoot: String(row.provider_map_root),
      }
    : { version: 1, ...common, providerMapRoot: '-' };
}

/** A stored signed tree head as the API shows it: with the exact statement signed and the raw public key. */
export function presentTreeHead(row: TreeHeadRow, publicKey: string): LedgerTreeHeadType {
  const head = treeHeadJsonOf(row);
  const v2 = head.version === 2;
  return {
    version: head.version ?? 1,
    treeSize: head.treeSize,
    rootHash: head.rootHash,
    timestamp: fromDbDate(row.signed_at),
    providerMapSize: v2 ? (head.providerMapSize ?? 0) : null,
    providerMapRoot: v2 ? head.providerMapRoot : null,
    statement: treeHeadStatementOf(head),
    signature: row.signature,
    keyId: row.key_id,
    publicKey,
  };
}

/** An evidence package for the API: the package itself as JSON text, and what the admin shows of it. */
export function presentProviderEvidence(pkg: EvidencePackage): LedgerProviderEvidenceType {
  return {
    evidence: JSON.stringify(pkg),
    providerId: pkg.providerId,
    treeSize: pkg.head.treeSize,
    timestamp: new Date(pkg.head.timestamp),
    providerMapSize: pkg.head.providerMapSize ?? 0,
    entryCount: pkg.entries.length,
    earlierHeadConsistent: pkg.earlierHead === null ? null : pkg.consistencyProof !== null,
    restoreCount: pkg.restores.length,
  };
}
