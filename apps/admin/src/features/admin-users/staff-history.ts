import { isAdminRole } from '@steward/policy-core';
import { ROLE_LABEL } from '../../components/labels.js';
import { STAFF_TEXT } from './staff-texts.js';

const T = STAFF_TEXT.history.details;

const roleName = (value: unknown): string | null =>
  typeof value === 'string' && isAdminRole(value) ? ROLE_LABEL[value] : null;

const count = (value: unknown): number | null => (typeof value === 'number' && value > 0 ? value : null);

/**
 * What a staff history entry's detail (the audit entry's JSON) says, in words: a role change from
 * what to what, the role invited and joined as, sessions ended, invitations revoked. Empty for
 * anything else, or a detail it cannot read.
 */
export function staffHistoryDetail(entry: { action: string; detail?: string | null }): string {
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
      return from && to ? T.roleChange(from, to) : '';
    }
    case 'admin_user.invite':
    case 'admin_user.invitation_accepted': {
      const role = roleName(detail.role);
      if (!role) return '';
      return entry.action === 'admin_user.invite' ? T.invited(role) : T.joined(role);
    }
    default: {
      const parts: string[] = [];
      const ended = count(detail.sessionsEnded);
      if (ended) parts.push(T.sessionsEnded(ended));
      const revoked = count(detail.invitationsRevoked);
      if (revoked) parts.push(T.invitationsRevoked(revoked));
      return parts.join('; ');
    }
  }
}
