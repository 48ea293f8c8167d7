import { roleAbilities } from '@steward/policy-core';
import type { AdminRole } from '@steward/schema';

// Page-level actions (a "New …" button, a screen for writers) follow policy-core's roleAbilities;
// actions on one object follow that object's abilities from the API.

/** May this role change anything (record collections, consents, providers)? VIEWER may only read. */
export function canWrite(role: AdminRole | null | undefined): boolean {
  return roleAbilities(role).write;
}

/** May this role list and create admin users? OWNER only (the API enforces the same). */
export function canManageUsers(role: AdminRole | null | undefined): boolean {
  return roleAbilities(role).manageUsers;
}

/** May this role start background jobs on demand (verify the ledger now)? OWNER only (the API enforces the same). */
export function canRunJobs(role: AdminRole | null | undefined): boolean {
  return roleAbilities(role).runJobs;
}
