import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildStaffMember } from '../../test/factories.js';
import { renderApp } from '../../test/render.js';
import { graphQLError } from '../../test/stub-api.js';

const users = [
  buildStaffMember('OWNER', { lastLoginAt: '2025-04-01T00:00:00Z' }),
  buildStaffMember('VIEWER', { createdAt: '2025-01-02T00:00:00Z' }),
];

describe('admin users', () => {
  it('is in the navigation for owners only', async () => {
    const owner = renderApp('/purposes', { role: 'OWNER' });
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: 'Admin users' })).toBeTruthy();
    owner.unmount();

    renderApp('/purposes', { role: 'PRIVACY_OFFICER' });
    const officerNav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(within(officerNav).queryByRole('link', { name: 'Admin users' })).toBeNull();
    expect(within(officerNav).getByRole('link', { name: 'Record collection' })).toBeTruthy();
  });

  it('refuses the page to non-owners without asking the API', async () => {
    const { api } = renderApp('/admin-users', { role: 'PRIVACY_OFFICER' });
    expect(await screen.findByText('Only owners manage admin users.')).toBeTruthy();
    expect(api.callsOf('AdminUsers')).toHaveLength(0);
  });

  it('lists users and puts the API field errors on the create form', async () => {
    const { api } = renderApp('/admin-users', {
      role: 'OWNER',
      handlers: {
        AdminUsers: () => ({ data: { adminUsers: users } }),
        CreateAdminUser: () =>
          graphQLError('BAD_USER_INPUT', 'Invalid.', {
            issues: [{ field: 'input.email', code: 'DUPLICATE', message: 'An admin with this e-mail exists.' }],
          }),
      },
    });
    const table = await screen.findByRole('table', { name: 'Admin users' });
    await within(table).findByText('Viewer Ito');
    expect(within(table).getByText('Never')).toBeTruthy();

    const form = screen.getByRole('form', { name: 'Create admin user' });
    fireEvent.click(within(form).getByRole('button', { name: 'Create user' }));
    await waitFor(() => expect(within(form).getByLabelText(/Email/).getAttribute('aria-invalid')).toBe('true'));
    expect(api.callsOf('CreateAdminUser')).toHaveLength(0);

    fireEvent.change(within(form).getByLabelText(/Email/), { target: { value: 'viewer@jspe.or.jp' } });
    fireEvent.change(within(form).getByLabelText(/Display name/), { target: { value: 'Second Viewer' } });
    fireEvent.change(within(form).getByLabelText(/Role/), { target: { value: 'VIEWER' } });
    fireEvent.change(within(form).getByLabelText(/Initial password/), { target: { value: 'twelve chars!' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create user' }));
    await waitFor(() => expect(api.callsOf('CreateAdminUser')).toHaveLength(1));
    expect(await within(form).findByText('An admin with this e-mail exists.')).toBeTruthy();
    expect(api.callsOf('CreateAdminUser')[0]?.variables).toEqual({
      input: { email: 'viewer@jspe.or.jp', displayName: 'Second Viewer', role: 'VIEWER', password: 'twelve chars!' },
    });
  });

  it('tells a non-owner in Japanese that only owners manage admin users', async () => {
    renderApp('/admin-users', { role: 'PRIVACY_OFFICER', language: 'ja' });
    const notice = await screen.findByRole('alert');
    expect(notice.textContent).toContain('閲覧のみの権限です');
    expect(notice.textContent).toContain('職員を管理できるのはオーナーのみです。');
  });
});
