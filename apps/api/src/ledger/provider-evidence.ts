import type { SignedTreeHeadJson } from './ledger-hash.js';

/**
 * The evidence a provider can check offline (format `steward-evidence/1`, read by packages/verify):
 * every ledger entry about them with its inclusion proof, and the provider map's proof that these are
 * all of them, under a head signed for the package. ARCHITECTURE.md "Evidence" says what it proves.
 */
export interface EvidenceEntry {
  leafIndex: number;
  prevHash: string;
  /** The entry's hashed content (ledger-hash.ts LedgerEntryContent, recordedAt as ISO text). */
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

export interface EvidenceRestore {
  entry: EvidenceEntry;
  lostFrom: number;
  lostTo: number;
  anchor: { sequence: number; hash: string };
  manifestHash: string;
  restoreSignature: string;
}

export interface EvidencePackage {
  format: 'steward-evidence/1';
  head: SignedTreeHeadJson;
  publicKey: string;
  providerId: string;
  entries: EvidenceEntry[];
  completeness: {
    present: Omit<ProviderMapLeaf, 'providerId'> | null;
    absent: { left: ProviderMapLeaf | null; right: ProviderMapLeaf | null } | null;
  };
  earlierHead: SignedTreeHeadJson | null;
  consistencyProof: string[] | null;
  restores: EvidenceRestore[];
}
