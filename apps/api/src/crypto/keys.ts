import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OperatorError } from '../common/operator-error.js';

/**
 * The keys derived from one master key. Field values and the blind index use separate keys so
 * that a leaked index key cannot decrypt anything.
 */
export interface KeyRing {
  /** Identifies the master key without revealing it (stored beside each ciphertext). */
  keyId: string;
  fieldKey: Buffer;
  indexKey: Buffer;
  tokenKey: Buffer;
  /** Ed25519 key that signs ledger checkpoints; it lives with the master key, never in the database. */
  checkpointKey: KeyObject;
  checkpointPublicKey: KeyObject;
}

// PKCS#8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410).
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export function deriveKeyRing(masterKeyBase64: string): KeyRing {
  const master = Buffer.from(masterKeyBase64, 'base64');
  if (master.length !== 32) {
    throw new OperatorError('STEWARD_ENCRYPTION_KEY must be 32 bytes, base64-encoded (e.g. `openssl rand -base64 32`)');
  }
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
  const keyId = createHmac('sha256', master).update('steward/key-id').digest('hex').slice(0, 16);
  return {
    keyId,
    fieldKey: derive('steward/field-encryption/v1'),
    indexKey: derive('steward/blind-index/v1'),
    tokenKey: derive('steward/tokens/v1'),
    ...checkpointKeys(derive('steward/ledger-checkpoint/v1')),
  };
}

function checkpointKeys(seed: Buffer) {
  const checkpointKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  return { checkpointKey, checkpointPublicKey: createPublicKey(checkpointKey) };
}

/**
 * The embedded default keeps its key in a file beside the SQLite database (mode 0600). With
 * PostgreSQL the key must come from the environment: instances that generated their own keys
 * could not read each other's data.
 */
export function resolveMasterKey(opts: { fromEnv: string | null; dataDir: string; allowGenerate: boolean }): string {
  if (opts.fromEnv) return opts.fromEnv;
  const file = join(opts.dataDir, 'steward.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  if (!opts.allowGenerate) {
    throw new OperatorError('STEWARD_ENCRYPTION_KEY is required when DATABASE_URL is set (32 random bytes, base64)');
  }
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32).toString('base64');
  writeFileSync(file, key + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
}

export function constantTimeEqualHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
