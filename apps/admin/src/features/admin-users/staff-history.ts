import { isAdminRole } from '@steward/policy-core';
import type { TFunction } from 'i18next';
import { ROLE_LABEL } from '../../components/labels.js';

/**
 * A staff history entry's action in words (`admin_user.role_change` → "Role changed"): the audit actions
 * about a staff account (the API's STAFF_ACCOUNT_ACTIONS, and the invitation that brought them in) are
 * named in the `staff` catalogue under `history.actions`; any other shows as it is.
 */
export function staffHistoryAction(action: string, t: TFunction): string {
  return t(`staff:history.actions.${action}`, { defaultValue: action });
}

const roleName = (value: unknown): string | null =>
  typeof value === 'string' && isAdminRole(value) ? ROLE_LABEL[value] : null;

const count = (value: unknown): number | null => (typeof value === 'number' && value > 0 ? value : null);

/**
 * What a staff history entry's detail (the audit entry's JSON) says, in words: a role change from
 * what to what, the role invited and joined as, sessions ended, invitations revoked. Empty for
 * anything else, or a detail it cannot read.
 */
export function staffHistoryDetail(entry: { action: string; detail?: string | null }, t: TFunction): string {
  let detail: Record<string, unknown>;
  try {
    const parsed: unknown = entry.detail ? JSON.parse(entry.detail) : null;
    if (!parsed || typeof parsed !== 'object') return '';
    detail = parsed as Record<string, unknown>;
  } catch {
    return '';
  }
  switch (entry.action) {
    case 'admin_user.role_change': {
      const [from, to] = [roleName(detail.from), roleName(detail.to)];
      return from && to ? t('staff:history.details.roleChange', { from, to }) : '';
    }
    case 'admin_user.invite':
    case 'admin_user.invitation_accepted': {
      const role = roleName(detail.role);
      if (!role) return '';
      return entry.action === 'admin_user.invite'
        ? t('staff:history.details.invited', { role })
        : t('staff:history.details.joined', { role });
    }
    default: {
      const ended = count(detail.sessionsEnded);
      const revoked = count(detail.invitationsRevoked);
      const sessions = ended ? t('staff:history.details.sessionsEnded', { count: ended }) : '';
      const invitations = revoked ? t('staff:history.details.invitationsRevoked', { count: revoked }) : '';
      return sessions && invitations
        ? t('staff:history.details.both', { sessions, invitations })
        : sessions || invitations;
    }
  }
}
