import { createCipheriv, createDecipheriv, createHmac, randomBytes, sign, verify } from 'node:crypto';
import type { KeyRing } from './keys.js';

const VERSION = 'v1';

/**
 * AES-256-GCM for personal data values at rest. The associated data binds each ciphertext to
 * its row and category, so a value copied onto another row (falsification) fails to decrypt.
 */
export class FieldCipher {
  constructor(private readonly keys: KeyRing) {}

  get keyId(): string {
    return this.keys.keyId;
  }

  /** Signs a ledger checkpoint statement (Ed25519). */
  signCheckpoint(statement: string): string {
    return sign(null, Buffer.from(statement, 'utf8'), this.keys.checkpointKey).toString('base64');
  }

  verifyCheckpoint(statement: string, signature: string): boolean {
    try {
      return verify(
        null,
        Buffer.from(statement, 'utf8'),
        this.keys.checkpointPublicKey,
        Buffer.from(signature, 'base64'),
      );
    } catch {
      return false;
    }
  }

  /** The public half, for verifying checkpoints outside Steward (SPKI, base64). */
  get checkpointPublicKey(): string {
    return this.keys.checkpointPublicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  }

  /** The same public key raw (its 32 bytes, base64): what the signed tree heads' wire format names. */
  get checkpointPublicKeyRaw(): string {
    const { x } = this.keys.checkpointPublicKey.export({ format: 'jwk' });
    return Buffer.from(x!, 'base64url').toString('base64');
  }

  encrypt(plaintext: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.fieldKey, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return `${VERSION}.${this.keys.keyId}.${Buffer.concat([iv, tag, body]).toString('base64')}`;
  }

  decrypt(sealed: string, context: string): string {
    const [version, keyId, payload] = sealed.split('.');
    if (version !== VERSION || !payload) throw new Error('Unknown ciphertext format');
    if (keyId !== this.keys.keyId) throw new Error('Ciphertext was sealed with another key');
    const raw = Buffer.from(payload, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.keys.fieldKey, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** `encrypt` for an optional free text: null (and '') stay null. */
  sealText(plaintext: string | null | undefined, context: string): string | null {
    return plaintext ? this.encrypt(plaintext, context) : null;
  }

  /** `decrypt` for an optional sealed free text. */
  openText(sealed: string | null | undefined, context: string): string | null {
    return sealed ? this.decrypt(sealed, context) : null;
  }

  /** How every value this key seals begins (`v1.<keyId>.`): what is stored without it is not sealed by this key. */
  get sealedPrefix(): string {
    return `${VERSION}.${this.keys.keyId}.`;
  }

  /** Whether `value` is a ciphertext of this key bound to `context` (it opens), rather than plaintext. */
  opens(value: string, context: string): boolean {
    if (!value.startsWith(this.sealedPrefix)) return false;
    try {
      this.decrypt(value, context);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Re-binds a sealed value to another row or field (an item's value kept as an amendment's
   * "before") without the plaintext leaving the cipher.
   */
  reseal(sealed: string, fromContext: string, toContext: string): string {
    return this.encrypt(this.decrypt(sealed, fromContext), toContext);
  }

  /** Whether a sealed value is `candidate` (a change that changes nothing), without the plaintext leaving the cipher. */
  sealedEquals(sealed: string, context: string, candidate: string): boolean {
    return this.decrypt(sealed, context) === candidate;
  }

  /** Keyed blind index: equal inputs give equal tokens, and nothing about the input leaks without the key. */
  blindIndex(kind: string, normalized: string): string {
    return createHmac('sha256', this.keys.indexKey).update(`${kind}\u0000${normalized}`).digest('hex');
  }
}
