import { describe, expect, it } from 'vitest';
import { catalogues, createI18n } from '../../i18n/i18n.js';
import { staffHistoryAction, staffHistoryDetail } from './staff-history.js';

const en = createI18n('en').t;
const ja = createI18n('ja').t;

describe('staffHistoryDetail', () => {
  const d = (action: string, detail: unknown, t = en) =>
    staffHistoryDetail({ action, detail: detail === null ? null : JSON.stringify(detail) }, t);

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
    expect(staffHistoryDetail({ action: 'admin_user.role_change', detail: '{not json' }, en)).toBe('');
    expect(d('admin_user.role_change', [1, 2])).toBe('');
  });

  it('says the same in Japanese, with counts', () => {
    expect(d('admin_user.deactivate', { sessionsEnded: 2, invitationsRevoked: 1 }, ja)).toBe(
      '2 件のセッションを終了、承諾待ちの招待 1 件を取消し',
    );
    expect(d('admin_user.sessions_ended', { sessionsEnded: 1 }, en)).toBe('1 session ended');
  });
});

describe('staffHistoryAction', () => {
  it('names every known staff action in both languages, and shows an unknown one as it is', () => {
    const named = catalogues.en['staff']!['history'] as { actions: Record<string, Record<string, string>> };
    const actions = Object.entries(named.actions).flatMap(([area, words]) =>
      Object.keys(words).map((name) => `${area}.${name}`),
    );
    expect(actions).toEqual(expect.arrayContaining(['admin_user.invitation_accepted', 'auth.recovery_code_used']));
    for (const action of actions) {
      for (const t of [en, ja]) {
        const words = staffHistoryAction(action, t);
        expect(words, action).not.toContain('history.actions');
        expect(words, action).not.toBe(action);
      }
    }
    expect(staffHistoryAction('admin_user.role_change', en)).toBe('Role changed');
    expect(staffHistoryAction('admin_user.role_change', ja)).toBe('権限を変更');
    expect(staffHistoryAction('admin_user.something_new', ja)).toBe('admin_user.something_new');
  });
});
