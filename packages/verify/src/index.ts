export { bytesFromBase64, bytesToHex, equalBytes, hashFromHex, isHashHex } from './bytes.js';
export { canonicalJson } from './canonical-json.js';
export {
  contentFieldProblems,
  entryHash,
  GENESIS_HASH,
  isEntryContent,
  type LedgerEntryContent,
} from './entry-hash.js';
export {
  consistencyProof,
  inclusionProof,
  leafHash,
  nodeHash,
  rootFromLeaves,
  verifyConsistency,
  verifyInclusion,
  type MerkleFailure,
  type MerkleResult,
} from './merkle.js';
export { EVIDENCE_FORMAT } from './evidence.js';
export {
  explainFailure,
  explainProblem,
  explainWarning,
  shortTimestamp,
  summarize,
  type Language,
} from './messages.js';
export {
  verifyPackage,
  type Completeness,
  type ConsistencyCause,
  type EntryRef,
  type EvidencePackage,
  type HeadSummary,
  type PackageEntry,
  type PackageFailure,
  type PackageResult,
  type Part,
  type Problem,
  type ProofPackage,
  type VerifyOptions,
  type Warning,
} from './package.js';
export {
  EMPTY_MAP_ROOT,
  providerChain,
  providerMapLeafData,
  verifyMapLeaf,
  type ProviderMapLeaf,
} from './provider-map.js';
export { restoreStatement, type PackageRestore, type RestoreFailureCause, type RestoreRecord } from './restore.js';
export {
  treeHeadStatement,
  verifySignedHead,
  type HeadFailure,
  type HeadResult,
  type SignedTreeHead,
  type VerifiedHead,
} from './signed-head.js';
