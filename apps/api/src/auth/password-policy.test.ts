import { describe, expect, it } from 'vitest';
import { passwordIssues } from './password-policy.js';

const account = { email: 'tanaka.kenji@jspe.example', displayName: 'Tanaka Kenji' };
const codes = (pw: string) => passwordIssues(pw, account).map((i) => i.code);

describe('password policy', () => {
  it('refuses passwords long enough but easy to guess', () => {
    for (const weak of [
      'aaaaaaaaaaaa',
      'password1234',
      'qwertyuiop12',
      '123456789012',
      'abcdefghijkl',
      'tanakakenji1',
      'Tanaka.Kenji2026',
      'P@ssw0rd2024!',
      'iloveyou1234',
    ]) {
      expect([weak, codes(weak)]).toEqual([weak, ['WEAK_PASSWORD']]);
    }
  });

  it('refuses by length first, and accepts a long phrase of unrelated words', () => {
    expect(codes('short')).toEqual(['TOO_SHORT']);
    // Twelve spaces are no password at all.
    expect(codes(' '.repeat(12))).toEqual(['REQUIRED']);
    expect(codes('x'.repeat(257))).toEqual(['TOO_LONG']);
    expect(codes('copper-lantern-rides-quietly')).toEqual([]);
    expect(codes('精密工学会の秋季大会は仙台で')).toEqual([]);
  });

  it('names the field it was given', () => {
    expect(passwordIssues('password1234', account, 'newPassword')[0]).toMatchObject({ field: 'newPassword' });
  });
});
