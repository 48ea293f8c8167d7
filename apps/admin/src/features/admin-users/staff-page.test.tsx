import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildInvitation, buildStaffMember, staffAbilities } from '../../test/factories.js';
import { renderApp } from '../../test/render.js';
import { absoluteLink } from './InviteStaffCard.js';
import { graphQLError, type Handlers } from '../../test/stub-api.js';

const officer = buildStaffMember('PRIVACY_OFFICER', {
  mfaEnrolled: true,
  openSessions: 2,
  abilities: staffAbilities('changeRole', 'deactivate', 'resetPassword', 'endSessions'),
});
const viewer = buildStaffMember('VIEWER', {
  active: false,
  deactivatedAt: '2025-03-01T00:00:00Z',
  abilities: staffAbilities('reactivate'),
});
// The owner's own row: the API gives no abilities (their own account is on the account page).
const owner = buildStaffMember('OWNER', { abilities: staffAbilities() });

function staffPage(handlers: Handlers = {}) {
  return renderApp('/admin-users', {
    role: 'OWNER',
    handlers: {
      AdminUsers: () => ({ data: { adminUsers: [owner, officer, viewer] } }),
      StaffInvitations: () => ({ data: { staffInvitations: [] } }),
      StaffSettings: () => ({ data: { staffSettings: { requireMfa: false, requiredByServer: false } } }),
      ...handlers,
    },
  });
}

/** Opens one row's action menu and returns it. */
async function actionsOf(name: string) {
  fireEvent.click(await screen.findByRole('button', { name: `Manage ${name}` }));
  const menu = await screen.findByRole('menu');
  await within(menu).findAllByRole('menuitem'); // shown once its opening frame has run
  return menu;
}

const labels = (menu: HTMLElement) =>
  within(menu)
    .getAllByRole('menuitem')
    .map((item) => item.textContent);

describe('staff page', () => {
  it('shows each row with its status, second factor and sessions, and exactly the actions its abilities allow', async () => {
    staffPage();
    const table = await screen.findByRole('table', { name: 'Admin users' });
    const officerRow = (await within(table).findByText('Officer Suzuki')).closest('tr')!;
    expect(within(officerRow).getByText('Active')).toBeTruthy();
    expect(within(officerRow).getByText('Yes')).toBeTruthy();
    expect(within(officerRow).getByText('2')).toBeTruthy();
    const viewerRow = within(table).getByText('Viewer Ito').closest('tr')!;
    expect(within(viewerRow).getByText('Deactivated')).toBeTruthy();

    expect(within(table).queryByRole('button', { name: 'Manage Owner Sato' })).toBeNull();
    expect(labels(await actionsOf('Officer Suzuki'))).toEqual([
      'Change role…',
      'Reset password…',
      'End sessions…',
      'Deactivate…',
    ]);
    fireEvent.keyDown(await screen.findByRole('menu'), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    expect(labels(await actionsOf('Viewer Ito'))).toEqual(['Reactivate']);
  });

  it('deactivates only after the confirmation', async () => {
    const { api } = staffPage({
      DeactivateStaff: () => ({ data: { deactivateStaff: { ...officer, active: false } } }),
    });
    fireEvent.click(within(await actionsOf('Officer Suzuki')).getByRole('menuitem', { name: 'Deactivate…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Deactivate this account?' });
    expect(api.callsOf('DeactivateStaff')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Deactivate' }));
    await waitFor(() => expect(api.callsOf('DeactivateStaff')).toHaveLength(1));
    expect(api.callsOf('DeactivateStaff')[0]?.variables).toEqual({ input: { id: officer.id } });
  });

  it('shows a temporary password once, and the API refusal of a role change', async () => {
    const { api } = staffPage({
      ResetStaffPassword: () => ({
        data: {
          resetStaffPassword: { user: { ...officer, mustChangePassword: true }, temporaryPassword: 'tmp-Zx9-secret' },
        },
      }),
      ChangeStaffRole: () =>
        graphQLError('BAD_USER_INPUT', 'Invalid.', {
          issues: [{ field: 'role', code: 'LAST_OWNER', message: 'The organisation must keep an active owner.' }],
        }),
    });
    fireEvent.click(within(await actionsOf('Officer Suzuki')).getByRole('menuitem', { name: 'Reset password…' }));
    fireEvent.click(
      within(await screen.findByRole('dialog', { name: 'Reset the password?' })).getByRole('button', {
        name: 'Reset password',
      }),
    );
    const shown = await screen.findByLabelText('Temporary password');
    expect(shown.textContent).toBe('tmp-Zx9-secret');
    expect(screen.getByRole('button', { name: 'Copy password' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByText('tmp-Zx9-secret')).toBeNull());

    fireEvent.click(within(await actionsOf('Officer Suzuki')).getByRole('menuitem', { name: 'Change role…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change the role of Officer Suzuki' });
    fireEvent.change(within(dialog).getByLabelText('New role'), { target: { value: 'VIEWER' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Change role' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The organisation must keep an active owner.');
    expect(api.callsOf('ChangeStaffRole')[0]?.variables).toEqual({ input: { id: officer.id, role: 'VIEWER' } });
  });

  it('invites with a one-time link and its expiry, lists pending invitations and revokes one', async () => {
    const invitation = buildInvitation();
    let pending: (typeof invitation)[] = [];
    const { api } = staffPage({
      StaffInvitations: () => ({ data: { staffInvitations: pending } }),
      InviteStaff: () => {
        pending = [invitation];
        return {
          data: {
            inviteStaff: { invitation: { ...invitation, __typename: 'StaffInvitation' }, link: '/invitation#tok-123' },
          },
        };
      },
      RevokeStaffInvitation: () => {
        pending = [];
        return { data: { revokeStaffInvitation: { id: invitation.id, __typename: 'StaffInvitation' } } };
      },
    });
    expect(await screen.findByText('No pending invitations.')).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Invite staff' });
    fireEvent.change(within(form).getByLabelText(/Email/), { target: { value: ' new@jspe.or.jp ' } });
    fireEvent.change(within(form).getByLabelText(/Display name/), { target: { value: 'New Member' } });
    fireEvent.change(within(form).getByLabelText(/Role/), { target: { value: 'PRIVACY_OFFICER' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create invitation link' }));

    const link = await within(form).findByLabelText('Invitation link');
    expect(link.textContent).toBe(`${window.location.origin}/invitation#tok-123`);
    expect(within(form).getByText(/works once, until/).textContent).toContain('2025');
    expect(api.callsOf('InviteStaff')[0]?.variables).toEqual({
      input: { email: 'new@jspe.or.jp', displayName: 'New Member', role: 'PRIVACY_OFFICER' },
    });

    const table = await screen.findByRole('table', { name: 'Pending invitations' });
    fireEvent.click(await within(table).findByRole('button', { name: 'Revoke the invitation of new@jspe.or.jp' }));
    await waitFor(() => expect(api.callsOf('RevokeStaffInvitation')).toHaveLength(1));
    expect(await screen.findByText('No pending invitations.')).toBeTruthy();
  });

  it('switches the MFA requirement, showing the API refusal, and fixes it on when the server requires it', async () => {
    const refused = staffPage({
      SetMfaRequirement: () =>
        graphQLError('BAD_USER_INPUT', 'Invalid.', {
          issues: [{ field: 'required', code: 'INVALID_TRANSITION', message: 'Enrol your own second factor first.' }],
        }),
    });
    const toggle = await screen.findByRole('switch', { name: /Require a second factor/ });
    fireEvent.click(toggle);
    expect((await screen.findByRole('alert')).textContent).toContain('Enrol your own second factor first.');
    expect(refused.api.callsOf('SetMfaRequirement')[0]?.variables).toEqual({ input: { required: true } });
    refused.unmount();

    staffPage({
      StaffSettings: () => ({ data: { staffSettings: { requireMfa: false, requiredByServer: true } } }),
    });
    const forced = (await screen.findByRole('switch', { name: /Require a second factor/ })) as HTMLInputElement;
    expect(forced.checked).toBe(true);
    expect(forced.disabled).toBe(true);
    expect(screen.getByText(/STEWARD_REQUIRE_MFA/)).toBeTruthy();
  });

  it('shows an invitation link as an absolute address, on the admin’s own when the API gave a path', () => {
    expect(absoluteLink('/invitation#tok', 'https://admin.example.org')).toBe(
      'https://admin.example.org/invitation#tok',
    );
    expect(absoluteLink('https://steward.example.org/invitation#tok', 'http://127.0.0.1:4000')).toBe(
      'https://steward.example.org/invitation#tok',
    );
  });

  it("shows a member's account history only when asked, newest first, with who did what", async () => {
    const { api } = staffPage({
      StaffHistory: ({ id }) => ({
        data: {
          staffHistory: [
            {
              id: 'e2',
              at: '2025-03-02T10:00:00Z',
              actor: 'Owner Sato <owner@jspe.or.jp>',
              action: 'admin_user.deactivate',
              detail: '{"sessionsEnded":1}',
            },
            {
              id: 'e1',
              at: '2025-03-01T12:00:00Z',
              actor: 'Owner Sato <owner@jspe.or.jp>',
              action: 'admin_user.role_change',
              detail: '{"from":"VIEWER","to":"PRIVACY_OFFICER"}',
            },
            {
              id: 'e0',
              at: '2025-03-01T09:00:00Z',
              actor: 'Officer <officer@jspe.or.jp>',
              action: 'admin_user.invitation_accepted',
              detail: '{"invitation":"i1","role":"VIEWER","invitedBy":"u1"}',
            },
            {
              id: 'i1',
              at: '2025-02-28T09:00:00Z',
              actor: 'Owner Sato <owner@jspe.or.jp>',
              action: 'admin_user.invite',
              detail: '{"role":"VIEWER","expiresAt":"2025-03-07T09:00:00Z"}',
            },
          ].filter(() => id === officer.id),
        },
      }),
    });
    await screen.findByRole('button', { name: `Manage ${officer.displayName}` });
    expect(api.callsOf('StaffHistory')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: `History of ${officer.displayName}` }));
    const table = await screen.findByRole('table', { name: 'Account history' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent)
          .slice(1),
      ),
    ).toEqual([
      ['Deactivated', '1 session ended', 'Owner Sato <owner@jspe.or.jp>'],
      ['Role changed', 'From Viewer to Privacy officer', 'Owner Sato <owner@jspe.or.jp>'],
      ['Joined by invitation', 'Joined as Viewer', 'Officer <officer@jspe.or.jp>'],
      ['Invited', 'Invited as Viewer', 'Owner Sato <owner@jspe.or.jp>'],
    ]);
    expect(within(rows[0]!).getByText('Owner Sato <owner@jspe.or.jp>')).toBeTruthy();
    expect(api.callsOf('StaffHistory').map((c) => c.variables)).toEqual([{ id: officer.id }]);
  });

  it("shows the staff page in Japanese: title, columns, a row's actions and its confirmation", async () => {
    renderApp('/admin-users', {
      role: 'OWNER',
      language: 'ja',
      handlers: {
        AdminUsers: () => ({ data: { adminUsers: [owner, officer, viewer] } }),
        StaffInvitations: () => ({ data: { staffInvitations: [] } }),
        StaffSettings: () => ({ data: { staffSettings: { requireMfa: false, requiredByServer: false } } }),
      },
    });
    expect(await screen.findByRole('heading', { name: '職員' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: '職員' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(expect.arrayContaining(['氏名', '権限', '状態', '二要素認証', '最終サインイン']));
    const officerRow = (await within(table).findByText('Officer Suzuki')).closest('tr')!;
    expect(within(officerRow).getByText('有効')).toBeTruthy();
    expect(within(officerRow).getByText('はい')).toBeTruthy();
    expect(within(table).getByText('無効')).toBeTruthy();
    expect(await screen.findByText('承諾待ちの招待はありません。')).toBeTruthy();
    expect(screen.getByRole('form', { name: '職員を招待' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '招待リンクを作成' })).toBeTruthy();
    expect(screen.getByRole('switch', { name: /二要素認証を必須とする/ })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '管理（Officer Suzuki）' }));
    const menu = await screen.findByRole('menu');
    fireEvent.click(await within(menu).findByRole('menuitem', { name: '無効にする…' }));
    const dialog = await screen.findByRole('dialog', { name: 'このアカウントを無効にしますか？' });
    expect(within(dialog).getByText(/Officer Suzuki はサインインできなくなり/)).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'キャンセル' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: '無効にする' })).toBeTruthy();
  });
});
