import { fireEvent, screen, waitFor, within } from '@testing-library/react';
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

  it("says wrong credentials in its own words, from the error code (not the server's English message)", async () => {
    const { api } = renderApp('/login', {
      role: null,
      handlers: { Login: () => graphQLError('UNAUTHENTICATED', 'Invalid email or password.') },
    });
    fireEvent.change(await screen.findByLabelText(/Email/), { target: { value: 'officer@jspe.or.jp' } });
    fireEvent.change(screen.getByLabelText(/Password/), { target: { value: 'wrong password!' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Sign-in failed');
    expect(alert.textContent).toContain('E-mail or password is incorrect.');
    expect(alert.textContent).not.toContain('Invalid email or password.');
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

  it('asks for the second factor when the password was right, and sends it with the same credentials', async () => {
    const { api, router } = renderApp('/login', {
      role: null,
      handlers: {
        Login: ({ input }) =>
          input.code
            ? { data: { login: { ...sessionUser('OWNER'), lastLoginAt: null } } }
            : graphQLError('MFA_REQUIRED', 'Enter the code from your authenticator app, or a recovery code'),
        WorkQueue: () => graphQLError('INTERNAL_SERVER_ERROR', 'not under test'),
      },
    });
    fireEvent.change(await screen.findByLabelText(/Email/), { target: { value: 'owner@jspe.or.jp' } });
    fireEvent.change(screen.getByLabelText(/^Password/), { target: { value: 'long enough password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const code = await screen.findByLabelText(/Authentication code/);
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.change(code, { target: { value: ' 123456 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(api.callsOf('Login').map((c) => c.variables)).toEqual([
      { input: { email: 'owner@jspe.or.jp', password: 'long enough password' } },
      { input: { email: 'owner@jspe.or.jp', password: 'long enough password', code: '123456' } },
    ]);
  });

  it('says when to try again after too many attempts', async () => {
    renderApp('/login', {
      role: null,
      handlers: {
        Login: () =>
          graphQLError('TOO_MANY_REQUESTS', 'Too many requests; try again later', { retryAfterSeconds: 125 }),
      },
    });
    fireEvent.change(await screen.findByLabelText(/Email/), { target: { value: 'owner@jspe.or.jp' } });
    fireEvent.change(screen.getByLabelText(/^Password/), { target: { value: 'long enough password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Too many sign-in attempts');
    expect(alert.textContent).toContain('try again in 3 minutes');
  });

  it('says the code was wrong when a code was refused, and asks for it again after the password changes', async () => {
    const { api } = renderApp('/login', {
      role: null,
      handlers: {
        Login: ({ input }) =>
          input.code
            ? graphQLError('UNAUTHENTICATED', 'The code is incorrect')
            : graphQLError('MFA_REQUIRED', 'Enter the code from your authenticator app, or a recovery code'),
      },
    });
    fireEvent.change(await screen.findByLabelText(/Email/), { target: { value: 'owner@jspe.or.jp' } });
    fireEvent.change(screen.getByLabelText(/^Password/), { target: { value: 'long enough password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    fireEvent.change(await screen.findByLabelText(/Authentication code/), { target: { value: '000000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The code is incorrect.');

    // A changed password has not been accepted yet: the code step goes until the API asks again.
    fireEvent.change(screen.getByLabelText(/^Password/), { target: { value: 'another password' } });
    expect(screen.queryByLabelText(/Authentication code/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByLabelText(/Authentication code/)).toBeTruthy();
    expect(api.callsOf('Login').at(-1)?.variables).toEqual({
      input: { email: 'owner@jspe.or.jp', password: 'another password' },
    });
  });

  it('speaks Japanese before sign-in, maps refusals to Japanese messages, and switches to English', async () => {
    renderApp('/login', {
      role: null,
      language: 'ja',
      handlers: {
        Login: () => graphQLError('TOO_MANY_REQUESTS', 'Too many requests; try again later', { retryAfterSeconds: 30 }),
      },
    });
    const form = await screen.findByRole('form', { name: 'サインイン' });
    expect(within(form).getByText('サインインして、プライバシーポリシーに基づき個人情報を管理します。')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText(/メールアドレス/), { target: { value: 'owner@jspe.or.jp' } });
    fireEvent.change(within(form).getByLabelText(/^パスワード/), { target: { value: 'long enough password' } });
    fireEvent.click(within(form).getByRole('button', { name: 'サインイン' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('サインインの試行回数が上限に達しました');
    expect(alert.textContent).toContain('30 秒後に改めてお試しください');
    expect(alert.textContent).not.toContain('Too many');

    fireEvent.click(screen.getByRole('radio', { name: 'English' }));
    expect(await screen.findByRole('form', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByLabelText(/^Password/)).toBeTruthy();
  });
});
