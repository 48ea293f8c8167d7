import { ROLE_CAN_WRITE, type AdminRole } from '../vocabulary/roles.js';

/**
 * What a role may do regardless of any one object: the page-level actions (a "New …" button, a
 * screen for owners and privacy officers, the admin users screen). Per-object actions come from
 * the object's own abilities.
 */
export type RoleAbilities = {
  /** Change data at all: record, enter, draft, issue keys (ROLE_CAN_WRITE; a viewer only reads). */
  write: boolean;
  /** List and create admin users: owners only. */
  manageUsers: boolean;
  /** Start background jobs on demand (a ledger verification now): owners only. */
  runJobs: boolean;
  /**
   * Read providers' names where another record names them (ledger entries, exceptions' scope,
   * requests, inquiries): owners and privacy officers, who work with providers; a viewer reads
   * their references. Each such read is audited.
   */
  readProviderNames: boolean;
};

/** The abilities of `role`; no role (signed out) may do nothing. */
export function roleAbilities(role: AdminRole | null | undefined): RoleAbilities {
  if (!role) return { write: false, manageUsers: false, runJobs: false, readProviderNames: false };
  return {
    write: ROLE_CAN_WRITE[role] === true,
    manageUsers: role === 'OWNER',
    runJobs: role === 'OWNER',
    readProviderNames: role === 'OWNER' || role === 'PRIVACY_OFFICER',
  };
}
