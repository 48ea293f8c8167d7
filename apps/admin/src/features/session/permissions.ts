import { ROLE_CAN_WRITE } from '@steward/policy-core';
import type { AdminRole } from '@steward/schema';

/** May this role change anything (record collections, consents, providers)? VIEWER may only read. */
export function canWrite(role: AdminRole | null | undefined): boolean {
  if (!role) return false;
  return ROLE_CAN_WRITE[role] === true;
}

/** May this role list and create admin users? OWNER only (the API enforces the same). */
export function canManageUsers(role: AdminRole | null | undefined): boolean {
  return role === 'OWNER';
}
