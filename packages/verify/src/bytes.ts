import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';

export { bytesToHex };

const HASH_HEX = /^[0-9a-f]{64}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** A SHA-256 as the wire format carries it: 64 lowercase hex digits. */
export function isHashHex(value: unknown): value is string {
  return typeof value === 'string' && HASH_HEX.test(value);
}

/** The 32 bytes of a lowercase hex hash, or null when it is not one. */
export function hashFromHex(value: unknown): Uint8Array | null {
  return isHashHex(value) ? hexToBytes(value) : null;
}

/** Standard padded base64 (RFC 4648 §4), or null. `atob` is in every browser and in Node ≥ 16. */
export function bytesFromBase64(value: unknown): Uint8Array | null {
  if (typeof value !== 'string' || !BASE64.test(value)) return null;
  const binary = atob(value);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
