import { memberOf } from './guard.js';
import { labelsOf, type Localized } from '../messages/catalogue.js';

export const ADMIN_ROLES = ['OWNER', 'PRIVACY_OFFICER', 'VIEWER'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];
export const isAdminRole = memberOf(ADMIN_ROLES);

/** Whether a role may change data; VIEWER reads (and every read is still audited). */
export const ROLE_CAN_WRITE: Readonly<Record<AdminRole, boolean>> = {
  OWNER: true,
  PRIVACY_OFFICER: true,
  VIEWER: false,
};

export const ADMIN_ROLE_LABELS: Readonly<Record<AdminRole, Localized>> = /* @__PURE__ */ labelsOf('role', ADMIN_ROLES);
