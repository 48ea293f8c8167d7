/**
 * Completeness: that an evidence package's entries are ALL the entries about its provider. A v2 head
 * commits to a provider map — an RFC 9162 tree whose leaves are, for every provider with entries and
 * in id order, the number of their entries, a chain over those entries' hashes and the last one's
 * sequence. Recomputing the chain over the package's entries and proving that leaf under the signed
 * map root shows none was left out, added or reordered; two adjacent leaves around an id prove a
 * provider has no entries at all.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { hashFromHex, isHashHex } from './bytes.js';
import { GENESIS_HASH } from './entry-hash.js';
import { leafHash, type MerkleFailure, verifyInclusion } from './merkle.js';

/** One provider's leaf in the map, as a package carries it. */
export interface ProviderMapLeaf {
  providerId: string;
  mapLeafIndex: number;
  entryCount: number;
  chainHash: string;
  lastSequence: number;
  /** Audit path in the provider map, leaf → root. */
  mapProof: string[];
}

/** providerChain_i = SHA-256(providerChain_{i-1} + "\n" + entryHash_i), from 64 zeros. */
export function providerChain(entryHashes: readonly string[]): string {
  let chain = GENESIS_HASH;
  for (const hash of entryHashes) chain = bytesToHex(sha256(utf8ToBytes(`${chain}\n${hash}`)));
  return chain;
}

/** The map leaf's data (its leaf hash is RFC 9162's SHA-256(0x00 ‖ data)). */
export function providerMapLeafData(leaf: Omit<ProviderMapLeaf, 'mapLeafIndex' | 'mapProof'>): string {
  return `steward-provider-map/1\n${leaf.providerId}\n${leaf.entryCount}\n${leaf.chainHash}\n${leaf.lastSequence}`;
}

export interface SignedMap {
  size: number;
  root: Uint8Array;
}

export type MapLeafResult = { ok: true } | { ok: false; cause: MerkleFailure };

/** Is `leaf` the map's leaf at its stated index under the signed map root? */
export function verifyMapLeaf(leaf: ProviderMapLeaf, map: SignedMap): MapLeafResult {
  const data = leafHash(utf8ToBytes(providerMapLeafData(leaf)));
  const path = leaf.mapProof.map((h) => hashFromHex(h)!);
  const check = verifyInclusion(data, leaf.mapLeafIndex, map.size, path, map.root);
  if (check.ok) return { ok: true };
  const { ok: _, ...cause } = check;
  return { ok: false, cause };
}

/** The RFC 9162 root of an empty tree: what a map with no providers signs. */
export const EMPTY_MAP_ROOT = bytesToHex(sha256(new Uint8Array(0)));

const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** The first field of a map leaf that is not as the format says (`prefix.field`), or null. */
export function malformedMapLeaf(value: unknown, prefix: string, withId: boolean): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return prefix;
  const v = value as Record<string, unknown>;
  if (withId && typeof v.providerId !== 'string') return `${prefix}.providerId`;
  for (const field of ['mapLeafIndex', 'entryCount', 'lastSequence'] as const) {
    if (!isCount(v[field])) return `${prefix}.${field}`;
  }
  if (!isHashHex(v.chainHash)) return `${prefix}.chainHash`;
  if (!Array.isArray(v.mapProof) || !v.mapProof.every(isHashHex)) return `${prefix}.mapProof`;
  return null;
}
