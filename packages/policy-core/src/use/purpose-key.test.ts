import { describe, expect, it } from 'vitest';
import * as api from '../index.js';
import { isPurposeKey, PURPOSE_KEY_MAX_LENGTH, validatePurposeKey } from './purpose-key.js';

const code = (key: string | null | undefined) => validatePurposeKey(key, 'purposeKey')?.code ?? null;

describe('validatePurposeKey', () => {
  it('accepts stated and unstated keys alike: upper-case letters, digits and _, starting with a letter', () => {
    for (const key of [
      'JOURNAL_DELIVERY',
      'TAX_INQUIRY_2026',
      'A',
      'P1',
      'A_',
      `A${'B'.repeat(PURPOSE_KEY_MAX_LENGTH - 1)}`,
    ]) {
      expect(code(key), key).toBeNull();
      expect(isPurposeKey(key)).toBe(true);
    }
  });

  it('refuses malformed keys with the field named', () => {
    expect(validatePurposeKey('journal-delivery', 'input.purposeKey')).toEqual({
      field: 'input.purposeKey',
      code: 'INVALID_FORMAT',
      message: 'Upper-case letters, digits and _ only, starting with a letter.',
    });
    for (const key of [
      'journal',
      '1ST_MAILING',
      '_HIDDEN',
      'TAX INQUIRY',
      'TAX-INQUIRY',
      "X' OR 1=1 --",
      ' JOURNAL',
      'JOURNAL ',
      'ÄRGER',
      'JOURNAL\n',
    ]) {
      expect(['INVALID_FORMAT', 'CONTROL_CHARACTERS'], JSON.stringify(key)).toContain(code(key));
    }
    expect(isPurposeKey('journal')).toBe(false);
    expect(isPurposeKey(42)).toBe(false);
  });

  it('needs a key, at most 64 characters, free of control characters', () => {
    expect(code('')).toBe('REQUIRED');
    expect(code('   ')).toBe('REQUIRED');
    expect(code(null)).toBe('REQUIRED');
    expect(code(undefined)).toBe('REQUIRED');
    expect(code(`A${'B'.repeat(PURPOSE_KEY_MAX_LENGTH)}`)).toBe('TOO_LONG');
    expect(code('A\u202EB')).toBe('CONTROL_CHARACTERS');
    expect(code('A\u0000B')).toBe('CONTROL_CHARACTERS');
  });

  it('is exported, with the policy draft using the same rule', () => {
    expect(
      'validatePurposeKey' in api && 'isPurposeKey' in api && 'unstatedPurpose' in api && 'agreementIssues' in api,
    ).toBe(true);
    expect(api.POLICY_LIMITS.purposeKey).toBe(PURPOSE_KEY_MAX_LENGTH);
  });
});
