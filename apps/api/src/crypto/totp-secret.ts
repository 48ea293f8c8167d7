import { generateSecret, generateURI, verify } from 'otplib';
import type { FieldCipher } from './field-cipher.js';

// A member's TOTP secret (RFC 6238: SHA-1, 6 digits, 30-second steps, as every authenticator app
// expects) is sealed like personal data, bound to its account. It is opened only here, to check a
// code: like the cipher's sealedEquals, the secret never leaves the crypto module once sealed.

const context = (userId: string) => `admin_user.totp:${userId}`;
const PERIOD_SECONDS = 30;

/** A new secret (160 bits, base32), its sealed form, and the otpauth:// URI an authenticator app scans. */
export function newTotpSecret(
  cipher: FieldCipher,
  account: { userId: string; email: string; issuer: string },
): { secret: string; sealed: string; uri: string } {
  const secret = generateSecret();
  const uri = generateURI({ strategy: 'totp', issuer: account.issuer, label: account.email, secret });
  return { secret, sealed: cipher.encrypt(secret, context(account.userId)), uri };
}

/**
 * The time step of `code` if it is the account's current code (one step of clock drift either way)
 * and newer than `afterStep` (a code is accepted once), or null.
 */
export async function acceptTotpCode(
  cipher: FieldCipher,
  userId: string,
  sealed: string,
  code: string,
  now: Date,
  afterStep: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = Math.floor(now.getTime() / 1000);
  const result = await verify({
    strategy: 'totp',
    secret: cipher.decrypt(sealed, context(userId)),
    token: code,
    epoch,
    epochTolerance: PERIOD_SECONDS,
  });
  if (!result.valid) return null;
  const step = Math.floor(epoch / PERIOD_SECONDS) + result.delta;
  return afterStep !== null && step <= afterStep ? null : step;
}
