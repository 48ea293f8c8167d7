import { describe, expect, it } from 'vitest';
import { EMPTY_ADMIN_USER_FORM, toCreateAdminUserInput, validateAdminUserForm } from './admin-user-form.js';

const valid = {
  email: ' officer@jspe.or.jp ',
  displayName: ' Privacy Officer ',
  role: 'PRIVACY_OFFICER' as const,
  password: 'correct horse battery',
};

describe('validateAdminUserForm', () => {
  it('accepts a complete form', () => {
    expect(validateAdminUserForm(valid)).toEqual({});
  });

  it('reports every empty field', () => {
    expect(Object.keys(validateAdminUserForm(EMPTY_ADMIN_USER_FORM)).sort()).toEqual([
      'displayName',
      'email',
      'password',
      'role',
    ]);
  });

  it('rejects a malformed e-mail and a short password', () => {
    const errors = validateAdminUserForm({ ...valid, email: 'officer@', password: 'short' });
    expect(errors['email']).toBeDefined();
    expect(errors['password']).toMatch(/at least 12/);
  });

  it('refuses in the display name what the server refuses: a TAB, a zero-width space, a bidi mark', () => {
    for (const displayName of ['Privacy\tOfficer', 'Privacy\u200BOfficer', 'Privacy \u200EOfficer']) {
      expect(validateAdminUserForm({ ...valid, displayName })['displayName']).toMatch(/Contains .* \(U\+/);
    }
  });

  it('counts password length in characters, not UTF-16 units', () => {
    expect(validateAdminUserForm({ ...valid, password: '🔒'.repeat(12) })['password']).toBeUndefined();
    expect(validateAdminUserForm({ ...valid, password: '🔒'.repeat(6) })['password']).toBeDefined();
  });
});

describe('toCreateAdminUserInput', () => {
  it('trims names but never the password', () => {
    expect(toCreateAdminUserInput({ ...valid, password: ' spaced password ' })).toEqual({
      email: 'officer@jspe.or.jp',
      displayName: 'Privacy Officer',
      role: 'PRIVACY_OFFICER',
      password: ' spaced password ',
    });
  });
});
