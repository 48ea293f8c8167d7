import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FieldCipher } from './field-cipher.js';
import { deriveKeyRing } from './keys.js';

const cipher = new FieldCipher(deriveKeyRing(randomBytes(32).toString('base64')));

describe('FieldCipher: what services may do with a sealed value without opening it', () => {
  it('re-seals a value to another row or field, which then opens only there', () => {
    const sealed = cipher.encrypt('Hanako Yamada', 'item:1:NAME');
    const moved = cipher.reseal(sealed, 'item:1:NAME', 'change:9:NAME:before');
    expect(moved).not.toBe(sealed);
    expect(cipher.decrypt(moved, 'change:9:NAME:before')).toBe('Hanako Yamada');
    expect(() => cipher.decrypt(moved, 'item:1:NAME')).toThrow();
    // A value copied from another row fails to open, so it cannot be re-sealed from the wrong one either.
    expect(() => cipher.reseal(sealed, 'item:2:NAME', 'change:9:NAME:before')).toThrow();
  });

  it('says whether a sealed value is a candidate, exactly', () => {
    const sealed = cipher.encrypt('hanako@example.jp', 'item:1:EMAIL');
    expect(cipher.sealedEquals(sealed, 'item:1:EMAIL', 'hanako@example.jp')).toBe(true);
    expect(cipher.sealedEquals(sealed, 'item:1:EMAIL', 'Hanako@example.jp')).toBe(false);
    expect(cipher.sealedEquals(sealed, 'item:1:EMAIL', 'hanako@example.jp ')).toBe(false);
    expect(() => cipher.sealedEquals(sealed, 'item:2:EMAIL', 'hanako@example.jp')).toThrow();
  });
});
