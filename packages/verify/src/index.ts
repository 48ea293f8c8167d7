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
export { explainFailure, explainProblem, shortTimestamp, summarize, type Language } from './messages.js';
export {
  verifyPackage,
  type EntryRef,
  type HeadSummary,
  type PackageEntry,
  type PackageFailure,
  type PackageResult,
  type Part,
  type Problem,
  type ProofPackage,
  type VerifyOptions,
} from './package.js';
export {
  treeHeadStatement,
  verifySignedHead,
  type HeadFailure,
  type HeadResult,
  type SignedTreeHead,
  type VerifiedHead,
} from './signed-head.js';
