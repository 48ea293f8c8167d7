import { createHash, createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type SignedTreeHead, treeHeadStatement, verifySignedHead } from './signed-head.js';

// Signed as the server signs (apps/api/src/crypto/keys.ts: a raw seed wrapped in PKCS#8, OpenSSL's
// Ed25519), so noble's verification is checked against another implementation.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
function keyPair(label: string) {
  const seed = createHash('sha256').update(label).digest();
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  return { privateKey, publicKey: Buffer.from(jwk.x!, 'base64url').toString('base64') };
}
const { privateKey, publicKey } = keyPair('signed-head test');

function signed(overrides: Partial<Omit<SignedTreeHead, 'signature'>> = {}): SignedTreeHead {
  const unsigned = {
    treeSize: 1_004_211,
    rootHash: '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
    timestamp: '2026-12-06T10:00:00.000Z',
    providerMapRoot: '-',
    ...overrides,
  };
  return {
    ...unsigned,
    signature: sign(null, Buffer.from(treeHeadStatement(unsigned)), privateKey).toString('base64'),
  };
}

describe('verifySignedHead', () => {
  it('accepts a head signed with the key and returns its size, root and time', () => {
    const head = signed();
    expect(treeHeadStatement(head)).toBe(
      'steward-tree-head/1\n1004211\n5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328\n2026-12-06T10:00:00.000Z\n-',
    );
    expect(verifySignedHead(head, publicKey)).toMatchObject({
      ok: true,
      treeSize: 1_004_211,
      rootHash: head.rootHash,
      timestamp: head.timestamp,
      providerMapRoot: null,
    });
  });

  it('returns a provider map root when the head commits to one', () => {
    const providerMapRoot = 'ab'.repeat(32);
    expect(verifySignedHead(signed({ providerMapRoot }), publicKey)).toMatchObject({ ok: true, providerMapRoot });
  });

  it.each([
    ['treeSize', { treeSize: 1_004_212 }],
    ['rootHash', { rootHash: '6dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328' }],
    ['timestamp', { timestamp: '2026-12-06T10:00:00.001Z' }],
    ['providerMapRoot', { providerMapRoot: '00'.repeat(32) }],
  ])('refuses a head whose %s changed after signing', (_, change) => {
    expect(verifySignedHead({ ...signed(), ...change }, publicKey)).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
  });

  it('refuses a head signed with another key', () => {
    expect(verifySignedHead(signed(), keyPair('someone else').publicKey)).toEqual({
      ok: false,
      reason: 'BAD_SIGNATURE',
    });
  });

  it.each([
    ['treeSize', { treeSize: -1 }],
    ['treeSize', { treeSize: '12' }],
    ['rootHash', { rootHash: '5DC9DA79A70659A9AD559CB701DED9A2AB9D823AAD2F4960CFE370EFF4604328' }],
    ['timestamp', { timestamp: '2026-12-06T10:00:00Z' }],
    ['timestamp', { timestamp: '2026-12-06T19:00:00.000+09:00' }],
    ['providerMapRoot', { providerMapRoot: '' }],
    ['signature', { signature: 'not base64!' }],
    ['signature', { signature: Buffer.alloc(63).toString('base64') }],
  ])('names the malformed field %s', (field, change) => {
    expect(verifySignedHead({ ...signed(), ...change }, publicKey)).toEqual({
      ok: false,
      reason: 'MALFORMED_HEAD',
      field,
    });
  });

  it('refuses a public key that is not a raw 32-byte Ed25519 key', () => {
    expect(verifySignedHead(signed(), Buffer.alloc(31).toString('base64'))).toEqual({
      ok: false,
      reason: 'BAD_PUBLIC_KEY',
    });
    expect(verifySignedHead(signed(), 'MCowBQYDK2VwAyEA')).toEqual({ ok: false, reason: 'BAD_PUBLIC_KEY' });
    expect(verifySignedHead(null, publicKey)).toEqual({ ok: false, reason: 'MALFORMED_HEAD', field: 'head' });
  });

  describe('v2 (with the provider map)', () => {
    const mapRoot = 'cd'.repeat(32);
    function signedV2(overrides: Partial<Omit<SignedTreeHead, 'signature'>> = {}): SignedTreeHead {
      const unsigned = {
        version: 2 as const,
        treeSize: 1_004_211,
        rootHash: '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
        timestamp: '2026-12-06T10:00:00.000Z',
        providerMapSize: 812,
        providerMapRoot: mapRoot,
        ...overrides,
      };
      return {
        ...unsigned,
        signature: sign(null, Buffer.from(treeHeadStatement(unsigned)), privateKey).toString('base64'),
      };
    }

    it('signs size, root, time, map size and map root under steward-tree-head/2', () => {
      const head = signedV2();
      expect(treeHeadStatement(head)).toBe(
        `steward-tree-head/2\n1004211\n${head.rootHash}\n2026-12-06T10:00:00.000Z\n812\n${mapRoot}`,
      );
      expect(verifySignedHead(head, publicKey)).toMatchObject({
        ok: true,
        version: 2,
        providerMapSize: 812,
        providerMapRoot: mapRoot,
      });
      expect(verifySignedHead(signed(), publicKey)).toMatchObject({ ok: true, version: 1, providerMapSize: null });
    });

    it('refuses a changed map size, or a v2 head read as v1', () => {
      expect(verifySignedHead({ ...signedV2(), providerMapSize: 813 }, publicKey)).toEqual({
        ok: false,
        reason: 'BAD_SIGNATURE',
      });
      expect(verifySignedHead({ ...signedV2(), version: 1 }, publicKey)).toEqual({
        ok: false,
        reason: 'BAD_SIGNATURE',
      });
    });

    it.each([
      ['version', { version: 3 }],
      ['providerMapSize', { providerMapSize: undefined }],
      ['providerMapRoot', { providerMapRoot: '-' }],
    ])('names the malformed field %s', (field, change) => {
      expect(verifySignedHead({ ...signedV2(), ...change }, publicKey)).toEqual({
        ok: false,
        reason: 'MALFORMED_HEAD',
        field,
      });
    });
  });
});
