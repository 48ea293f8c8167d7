import { memberOf } from './guard.js';
import type { Localized } from './localized.js';

export const ADMIN_ROLES = ['OWNER', 'PRIVACY_OFFICER', 'VIEWER'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];
export const isAdminRole = memberOf(ADMIN_ROLES);

/** Whether a role may change data; VIEWER reads (and every read is still audited). */
export const ROLE_CAN_WRITE: Readonly<Record<AdminRole, boolean>> = {
  OWNER: true,
  PRIVACY_OFFICER: true,
  VIEWER: false,
};

export const ADMIN_ROLE_LABELS: Readonly<Record<AdminRole, Localized>> = {
  OWNER: { en: 'Owner', ja: 'オーナー' },
  PRIVACY_OFFICER: { en: 'Privacy officer', ja: '個人情報保護管理者' },
  VIEWER: { en: 'Viewer', ja: '閲覧者' },
};
