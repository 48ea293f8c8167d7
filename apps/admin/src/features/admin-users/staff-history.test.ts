import { describe, expect, it } from 'vitest';
import { staffHistoryDetail } from './staff-history.js';

describe('staffHistoryDetail', () => {
  const d = (action: string, detail: unknown) =>
    staffHistoryDetail({ action, detail: detail === null ? null : JSON.stringify(detail) });

  it('says what a role change changed, from what to what', () => {
    expect(d('admin_user.role_change', { from: 'OWNER', to: 'VIEWER' })).toBe('From Owner to Viewer');
    expect(d('admin_user.role_change', { from: 'OWNER' })).toBe('');
    expect(d('admin_user.role_change', { from: 'OWNER', to: 'ROOT' })).toBe('');
  });

  it('names the role of an invitation and of joining by it', () => {
    expect(d('admin_user.invite', { role: 'PRIVACY_OFFICER', expiresAt: 'x' })).toBe('Invited as Privacy officer');
    expect(d('admin_user.invitation_accepted', { role: 'VIEWER', invitedBy: 'u1' })).toBe('Joined as Viewer');
  });

  it('counts sessions ended and invitations revoked, and says nothing of what it cannot read', () => {
    expect(d('admin_user.deactivate', { sessionsEnded: 2, invitationsRevoked: 1 })).toBe(
      '2 sessions ended; Their 1 open invitation revoked',
    );
    expect(d('admin_user.sessions_ended', { sessionsEnded: 0 })).toBe('');
    expect(d('auth.login', null)).toBe('');
    expect(staffHistoryDetail({ action: 'admin_user.role_change', detail: '{not json' })).toBe('');
    expect(d('admin_user.role_change', [1, 2])).toBe('');
  });
});
