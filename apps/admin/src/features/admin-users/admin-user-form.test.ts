import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/i18n.js';
import {
  EMPTY_ADMIN_USER_FORM,
  toCreateAdminUserInput,
  validateAdminUserForm as validateWith,
  type AdminUserFormValues,
} from './admin-user-form.js';

const { t } = createI18n('en');
const validateAdminUserForm = (values: AdminUserFormValues) => validateWith(values, t);

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

  it('words its own messages in the language of t', () => {
    const ja = createI18n('ja').t;
    const errors = validateWith({ ...valid, role: '', password: 'short' }, ja);
    expect(errors['role']).toBe('権限を選択してください。');
    expect(errors['password']).toBe('12 文字以上で入力してください。');
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
