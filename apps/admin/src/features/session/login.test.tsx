import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionUser } from '../../test/factories.js';
import { renderApp } from '../../test/render.js';
import { graphQLError } from '../../test/stub-api.js';

describe('login', () => {
  it('sends a signed-out admin to the login page, remembering where they were', async () => {
    const { router } = renderApp('/providers/prov-1', { role: null });
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe('?next=%2Fproviders%2Fprov-1');
  });

  it('shows the API error for wrong credentials', async () => {
    const { api } = renderApp('/login', {
      role: null,
      handlers: { Login: () => graphQLError('UNAUTHENTICATED', 'Invalid email or password.') },
    });
    fireEvent.change(await screen.findByLabelText(/Email/), { target: { value: 'officer@jspe.or.jp' } });
    fireEvent.change(screen.getByLabelText(/Password/), { target: { value: 'wrong password!' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Invalid email or password.');
    expect(api.callsOf('Login')[0]?.variables).toEqual({
      input: { email: 'officer@jspe.or.jp', password: 'wrong password!' },
    });
  });

  it('goes to the remembered page after signing in', async () => {
    let signedIn = false;
    const { router } = renderApp('/login?next=%2Fpolicy', {
      role: null,
      handlers: {
        Me: () => ({ data: { me: signedIn ? sessionUser('OWNER') : null } }),
        Login: () => {
          signedIn = true;
          return { data: { login: { ...sessionUser('OWNER'), lastLoginAt: null } } };
        },
        PolicyPage: () => graphQLError('INTERNAL_SERVER_ERROR', 'not under test'),
      },
    });
    fireEvent.change(await screen.findByLabelText(/Email/), { target: { value: 'owner@jspe.or.jp' } });
    fireEvent.change(screen.getByLabelText(/Password/), { target: { value: 'long enough password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/policy'));
    expect(await screen.findByTestId('current-user-name')).toBeTruthy();
  });
});
