/*
 * The evidence a provider can check offline, format `steward-evidence/1`: the disclosure package
 * carries it as `evidence`, and @steward/verify (which depends on nothing of Steward) reads the same
 * JSON. Every ledger entry naming the provider with its Merkle inclusion proof, and the provider
 * map's proof that these are all of them, under a tree head signed for the package. ARCHITECTURE.md
 * "Evidence" says what a verified package proves and what it does not.
 */

import type { SignedTreeHead } from '../ledger/tree-head.js';

export const EVIDENCE_FORMAT_VERSION = 'steward-evidence/1';

export interface EvidenceEntry {
  /** 0-based position among the tree's leaves (a restore's lost numbers are no leaves). */
  leafIndex: number;
  prevHash: string;
  /** The entry's hashed content (recordedAt as ISO text). */
  content: Record<string, unknown>;
  hash: string;
  inclusionProof: string[];
}

/** One leaf of the provider map: a provider's entry count, chain over their entries' hashes, last entry. */
export interface ProviderMapLeaf {
  providerId: string;
  mapLeafIndex: number;
  entryCount: number;
  chainHash: string;
  lastSequence: number;
  mapProof: string[];
}

/** A restore that lost entries after the provider's earlier head: named by its signed RESTORE entry. */
export interface EvidenceRestore {
  entry: EvidenceEntry;
  lostFrom: number;
  lostTo: number;
  anchor: { sequence: number; hash: string };
  manifestHash: string;
  restoreSignature: string;
}

export interface EvidencePackage {
  format: typeof EVIDENCE_FORMAT_VERSION;
  head: SignedTreeHead;
  /** The ledger's checkpoint key (raw 32-byte Ed25519), base64: compare it with the one the organisation publishes. */
  publicKey: string;
  providerId: string;
  entries: EvidenceEntry[];
  completeness: {
    present: Omit<ProviderMapLeaf, 'providerId'> | null;
    absent: { left: ProviderMapLeaf | null; right: ProviderMapLeaf | null } | null;
  };
  earlierHead: SignedTreeHead | null;
  consistencyProof: string[] | null;
  restores: EvidenceRestore[];
}
