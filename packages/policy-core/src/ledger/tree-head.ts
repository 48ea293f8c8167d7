import { issue, type Issue } from '../issues.js';

/**
 * A signed tree head as it travels (in evidence packages and request forms; the offline verifier's input):
 * the ledger's Merkle tree had `treeSize` leaves with root `rootHash` at `timestamp`. v1 commits to no
 * provider map (`providerMapRoot` is `-`), v2 to the map's size and root too.
 */
export interface SignedTreeHead {
  version: 1 | 2;
  treeSize: number;
  rootHash: string;
  /** Date#toISOString of the signing time, exactly as signed. */
  timestamp: string;
  /** v2 only. */
  providerMapSize?: number;
  providerMapRoot: string;
  /** Ed25519 over the head's statement, base64. */
  signature: string;
}

/** The longest head text read: a head is about 300 characters; room for whitespace a mail client adds. */
export const TREE_HEAD_MAX_LENGTH = 4000;

const HEX64 = /^[0-9a-f]{64}$/;
/** An Ed25519 signature (64 bytes) in canonical base64. */
const SIGNATURE = /^[A-Za-z0-9+/]{86}==$/;
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

type Parsed = { ok: true; head: SignedTreeHead } | { ok: false; issues: Issue[] };

/**
 * Reads a signed tree head handed in as text (a provider's copy from an earlier package, or the
 * public `tree-head.json`, whose `{ head }` wrapper is accepted): well-formed JSON of either version,
 * numbers whole, hashes 64 lowercase hex digits, the time exactly as Date#toISOString writes it, the
 * signature 64 bytes of base64. Says nothing of whether the signature verifies (that takes the key).
 * The head comes back in the wire's field order, so its JSON is the same whoever typed it.
 */
export function parseTreeHead(text: string, field = 'earlierHead'): Parsed {
  const refuse = (message: string): Parsed => ({ ok: false, issues: [issue(field, 'INVALID_FORMAT', message)] });
  if (text.length > TREE_HEAD_MAX_LENGTH)
    return {
      ok: false,
      issues: [
        issue(field, 'TOO_LONG', `A signed head is at most ${TREE_HEAD_MAX_LENGTH} characters`, {
          max: TREE_HEAD_MAX_LENGTH,
        }),
      ],
    };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return refuse('Not JSON: copy the head exactly as the package shows it');
  }
  if (isObject(value) && !('treeSize' in value) && isObject(value['head'])) value = value['head'];
  if (!isObject(value)) return refuse('A signed head is a JSON object');
  const h = value;
  const version = h['version'] ?? 1;
  if (version !== 1 && version !== 2) return refuse('version is 1 or 2');
  const treeSize = h['treeSize'];
  if (typeof treeSize !== 'number' || !Number.isSafeInteger(treeSize) || treeSize < 1)
    return refuse('treeSize is a whole number of at least 1');
  const rootHash = h['rootHash'];
  if (typeof rootHash !== 'string' || !HEX64.test(rootHash)) return refuse('rootHash is 64 lowercase hex digits');
  const timestamp = h['timestamp'];
  if (typeof timestamp !== 'string' || !ISO_MS.test(timestamp) || !sameInstant(timestamp))
    return refuse('timestamp is an ISO 8601 time in UTC with milliseconds');
  const signature = h['signature'];
  if (typeof signature !== 'string' || !SIGNATURE.test(signature))
    return refuse('signature is an Ed25519 signature in base64');
  const providerMapRoot = h['providerMapRoot'];
  if (version === 1) {
    if (providerMapRoot !== '-') return refuse('A version 1 head has providerMapRoot "-"');
    return { ok: true, head: { version: 1, treeSize, rootHash, timestamp, providerMapRoot, signature } };
  }
  const providerMapSize = h['providerMapSize'];
  if (typeof providerMapSize !== 'number' || !Number.isSafeInteger(providerMapSize) || providerMapSize < 0)
    return refuse('providerMapSize is a whole number');
  if (typeof providerMapRoot !== 'string' || !HEX64.test(providerMapRoot))
    return refuse('providerMapRoot is 64 lowercase hex digits');
  return {
    ok: true,
    head: { version: 2, treeSize, rootHash, timestamp, providerMapSize, providerMapRoot, signature },
  };
}

/**
 * The head a statement and its signature make (`steward-tree-head/1` or `/2`, one field per line, as
 * the API's `LedgerTreeHead.statement` shows it), or null when the text is no head statement. The
 * statement is what was signed, so a head rebuilt from it verifies exactly as signed.
 */
export function treeHeadFromStatement(statement: string, signature: string): SignedTreeHead | null {
  const lines = statement.split('\n');
  const [tag, size, rootHash, timestamp] = lines;
  const head =
    tag === 'steward-tree-head/1' && lines.length === 5
      ? { version: 1, treeSize: Number(size), rootHash, timestamp, providerMapRoot: lines[4], signature }
      : tag === 'steward-tree-head/2' && lines.length === 6
        ? {
            version: 2,
            treeSize: Number(size),
            rootHash,
            timestamp,
            providerMapSize: Number(lines[4]),
            providerMapRoot: lines[5],
            signature,
          }
        : null;
  if (!head) return null;
  const parsed = parseTreeHead(JSON.stringify(head));
  return parsed.ok ? parsed.head : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text names a real instant, written back the same way (no 2026-02-30). */
function sameInstant(iso: string): boolean {
  const at = new Date(iso);
  return !Number.isNaN(at.getTime()) && at.toISOString() === iso;
}
