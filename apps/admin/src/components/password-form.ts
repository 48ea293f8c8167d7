import { validatePassword } from '@steward/policy-core';
import type { FieldErrors } from './errors.js';

/**
 * A new password and its repetition: the length (policy-core's rule) and that both agree. The API
 * checks the length again and how easy it is to guess (WEAK_PASSWORD).
 */
export function newPasswordErrors(password: string, repeated: string, field: string, mismatch: string): FieldErrors {
  const errors: FieldErrors = {};
  const issue = validatePassword(password, field);
  if (issue) errors[field] = issue.message;
  else if (password !== repeated) errors[`${field}Repeated`] = mismatch;
  return errors;
}
