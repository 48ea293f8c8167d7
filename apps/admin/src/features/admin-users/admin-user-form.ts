import { ADMIN_ROLES, FIELD_LIMITS, validateField, validateText } from '@steward/policy-core';
import type { AdminRole, CreateAdminUserInput, InviteStaffInput } from '@steward/schema';
import type { TFunction } from 'i18next';
import type { FieldErrors } from '../../components/errors.js';

export type AdminUserFormValues = { email: string; displayName: string; role: AdminRole | ''; password: string };

export const EMPTY_ADMIN_USER_FORM: AdminUserFormValues = { email: '', displayName: '', role: '', password: '' };

export const ADMIN_USER_FIELDS = ['email', 'displayName', 'role', 'password'] as const;

export type InviteFormValues = Omit<AdminUserFormValues, 'password'>;

export const EMPTY_INVITE_FORM: InviteFormValues = { email: '', displayName: '', role: '' };

export const INVITE_FIELDS = ['email', 'displayName', 'role'] as const;

/**
 * Who the account is for: e-mail, name and role (the invitation and the create form share these).
 * The e-mail and name are policy-core's rules, with its messages; `t` words the rest.
 */
export function validateInviteForm(values: InviteFormValues, t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  const email = validateField('EMAIL', values.email.trim(), { field: 'email', maxLength: FIELD_LIMITS.email });
  if (email) errors['email'] = email.message;
  const name = validateText(values.displayName.trim(), {
    field: 'displayName',
    maxLength: FIELD_LIMITS.displayName,
    required: true,
    multiline: false,
  });
  if (name) errors['displayName'] = name.message;
  if (!values.role || !(ADMIN_ROLES as readonly string[]).includes(values.role))
    errors['role'] = t('staff:validation.chooseRole');
  return errors;
}

/** Checks before sending; the API checks the same again (and uniqueness of the e-mail). */
export function validateAdminUserForm(values: AdminUserFormValues, t: TFunction): FieldErrors {
  const errors = validateInviteForm(values, t);
  const length = [...values.password].length;
  if (length < FIELD_LIMITS.password.min) {
    errors['password'] = t('staff:validation.passwordTooShort', { min: FIELD_LIMITS.password.min });
  } else if (length > FIELD_LIMITS.password.max) {
    errors['password'] = t('staff:validation.passwordTooLong', { max: FIELD_LIMITS.password.max });
  }
  return errors;
}

export function toInviteStaffInput(values: InviteFormValues): InviteStaffInput {
  return { email: values.email.trim(), displayName: values.displayName.trim(), role: values.role as AdminRole };
}

export function toCreateAdminUserInput(values: AdminUserFormValues): CreateAdminUserInput {
  return { ...toInviteStaffInput(values), password: values.password };
}
