import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { sessionUser } from '../../test/factories.js';
import { renderApp } from '../../test/render.js';
import { graphQLError } from '../../test/stub-api.js';

const sessions = [
  {
    id: 'session-here',
    device: 'Chrome on macOS',
    createdAt: '2025-04-01T00:00:00Z',
    lastSeenAt: '2025-04-02T00:00:00Z',
    expiresAt: '2025-04-09T00:00:00Z',
    current: true,
  },
  {
    id: 'session-phone',
    device: 'Safari on iPhone',
    createdAt: '2025-03-01T00:00:00Z',
    lastSeenAt: '2025-03-02T00:00:00Z',
    expiresAt: '2025-03-09T00:00:00Z',
    current: false,
  },
];
const CODES = Array.from({ length: 10 }, (_, i) => `code-${i}-abcd`);
const QR = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>';

function typeInto(container: HTMLElement, label: RegExp, value: string) {
  fireEvent.change(within(container).getByLabelText(label), { target: { value } });
}

describe('my account', () => {
  it('is linked from the header; lists my sessions, this one marked, and signs out another one', async () => {
    let open = sessions;
    const { api, router } = renderApp('/providers', {
      role: 'VIEWER',
      handlers: {
        Providers: () => graphQLError('INTERNAL_SERVER_ERROR', 'not under test'),
        MySessions: () => ({ data: { mySessions: open } }),
        EndMySession: ({ input }) => {
          open = open.filter((s) => s.id !== input.id);
          return { data: { endMySession: input.id === 'session-here' } };
        },
      },
    });
    fireEvent.click(await screen.findByRole('link', { name: 'My account' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/account'));
    const table = await screen.findByRole('table', { name: 'My sessions' });
    const here = (await within(table).findByText('Chrome on macOS')).closest('tr')!;
    expect(within(here).getByText('This session')).toBeTruthy();

    fireEvent.click(within(table).getByRole('button', { name: 'Sign out Safari on iPhone' }));
    await waitFor(() => expect(within(table).queryByText('Safari on iPhone')).toBeNull());
    expect(api.callsOf('EndMySession')[0]?.variables).toEqual({ input: { id: 'session-phone' } });
    expect(router.state.location.pathname).toBe('/account');

    fireEvent.click(within(table).getByRole('button', { name: 'Sign out This session' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
  });

  it('changes the password, with the API issues (WEAK_PASSWORD) on their fields', async () => {
    let answer: 'weak' | 'ok' = 'weak';
    const { api } = renderApp('/account', {
      handlers: {
        MySessions: () => ({ data: { mySessions: [] } }),
        ChangePassword: () =>
          answer === 'weak'
            ? graphQLError('BAD_USER_INPUT', 'Invalid.', {
                issues: [{ field: 'newPassword', code: 'WEAK_PASSWORD', message: 'This password is easy to guess.' }],
              })
            : { data: { changePassword: { id: 'user-privacy_officer', passwordChangedAt: '2025-04-02T00:00:00Z' } } },
      },
    });
    const form = await screen.findByRole('form', { name: 'Change password' });
    typeInto(form, /^Current password/, 'old password here');
    typeInto(form, /^New password/, 'password1234');
    typeInto(form, /^Repeat the new password/, 'password12345');
    fireEvent.click(within(form).getByRole('button', { name: 'Change password' }));
    expect(await within(form).findByText('The two passwords differ.')).toBeTruthy();
    expect(api.callsOf('ChangePassword')).toHaveLength(0);

    typeInto(form, /^Repeat the new password/, 'password1234');
    fireEvent.click(within(form).getByRole('button', { name: 'Change password' }));
    expect(await within(form).findByText('This password is easy to guess.')).toBeTruthy();
    expect(api.callsOf('ChangePassword')[0]?.variables).toEqual({
      input: { currentPassword: 'old password here', newPassword: 'password1234' },
    });

    answer = 'ok';
    typeInto(form, /^New password/, 'violet staple orbit canyon');
    typeInto(form, /^Repeat the new password/, 'violet staple orbit canyon');
    fireEvent.click(within(form).getByRole('button', { name: 'Change password' }));
    expect((await within(form).findByRole('status')).textContent).toContain('Password changed');
  });

  it('enrols an authenticator app: QR code and key, a first code, then ten recovery codes shown once', async () => {
    let enrolled = false;
    const { api } = renderApp('/account', {
      role: 'OWNER',
      handlers: {
        Me: () => ({ data: { me: { ...sessionUser('OWNER'), mfaEnrolled: enrolled } } }),
        MySessions: () => ({ data: { mySessions: [] } }),
        BeginTotpEnrolment: () => ({
          data: { beginTotpEnrolment: { secret: 'JBSWY3DPEHPK3PXP', uri: 'otpauth://totp/x', qrSvg: QR } },
        }),
        ConfirmTotpEnrolment: ({ input }) => {
          if (input.password !== 'my-own-password-1') {
            return graphQLError('BAD_USER_INPUT', 'Invalid.', {
              issues: [{ field: 'input.password', code: 'INVALID_VALUE', message: 'The password is incorrect.' }],
            });
          }
          if (input.code !== '123456') {
            return graphQLError('BAD_USER_INPUT', 'Invalid.', {
              issues: [{ field: 'code', code: 'INVALID_VALUE', message: 'The code does not match: try the next one.' }],
            });
          }
          enrolled = true;
          return { data: { confirmTotpEnrolment: { codes: CODES } } };
        },
        RegenerateRecoveryCodes: () => ({ data: { regenerateRecoveryCodes: { codes: CODES } } }),
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Set up an authenticator app' }));
    const qr = (await screen.findByAltText('QR code for your authenticator app')) as HTMLImageElement;
    expect(qr.src.startsWith('data:image/svg+xml;utf8,')).toBe(true);
    expect(decodeURIComponent(qr.src.slice('data:image/svg+xml;utf8,'.length))).toBe(QR);
    expect(screen.getByLabelText('Key for manual entry').textContent).toBe('JBSWY3DPEHPK3PXP');

    fireEvent.change(screen.getByLabelText(/Code from the app/), { target: { value: '000000' } });
    fireEvent.change(screen.getByLabelText(/^Your password/), { target: { value: 'not-my-password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    // The API's issues go on their fields.
    expect(await screen.findByText('The password is incorrect.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^Your password/), { target: { value: 'my-own-password-1' } });
    expect(screen.queryByText('The password is incorrect.')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('The code does not match: try the next one.')).toBeTruthy();

    fireEvent.change(screen.getByLabelText(/Code from the app/), { target: { value: ' 123456 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    const codes = await screen.findByLabelText('Recovery codes');
    expect(codes.textContent?.split('\n')).toEqual(CODES);
    expect(screen.getByRole('button', { name: 'Copy codes' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Download as text' })).toBeTruthy();
    expect(api.callsOf('ConfirmTotpEnrolment').at(-1)?.variables).toEqual({
      input: { code: '123456', password: 'my-own-password-1' },
    });

    fireEvent.click(screen.getByRole('button', { name: 'I have stored them' }));
    expect(await screen.findByText(/An authenticator app is set up/)).toBeTruthy();
    expect(screen.queryByLabelText('Recovery codes')).toBeNull();
    expect(screen.getByRole('form', { name: 'Remove the second factor' })).toBeTruthy();

    const regenerate = screen.getByRole('form', { name: 'New recovery codes' });
    typeInto(regenerate, /Code from the app/, '654321');
    fireEvent.click(within(regenerate).getByRole('button', { name: 'Make new recovery codes' }));
    expect((await within(regenerate).findByLabelText('Recovery codes')).textContent).toContain('code-9-abcd');
  });
});

describe('my second factor when the organisation requires one', () => {
  it('offers new recovery codes but no removal (the API would refuse it)', async () => {
    renderApp('/account', {
      role: 'OWNER',
      handlers: {
        Me: () => ({ data: { me: { ...sessionUser('OWNER'), mfaEnrolled: true, mfaRequired: true } } }),
        MySessions: () => ({ data: { mySessions: [] } }),
      },
    });
    expect(await screen.findByText('Your organisation requires a second factor for your role.')).toBeTruthy();
    expect(screen.getByRole('form', { name: 'New recovery codes' })).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Remove the second factor' })).toBeNull();
  });
});

describe('restricted sessions', () => {
  it('after a password reset, shows only "choose a new password" until it is changed', async () => {
    let restricted = true;
    const { api } = renderApp('/providers', {
      handlers: {
        Me: () => ({
          data: {
            me: { ...sessionUser('PRIVACY_OFFICER'), sessionRestriction: restricted ? 'PASSWORD_CHANGE' : null },
          },
        }),
        ChangePassword: () => {
          restricted = false;
          return {
            data: { changePassword: { id: 'user-privacy_officer', passwordChangedAt: '2025-04-02T00:00:00Z' } },
          };
        },
        Providers: () => graphQLError('INTERNAL_SERVER_ERROR', 'not under test'),
      },
    });
    expect(await screen.findByRole('heading', { name: 'Choose a new password' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Main navigation' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(api.callsOf('Providers')).toHaveLength(0);

    const form = screen.getByRole('form', { name: 'Change password' });
    typeInto(form, /^Temporary password/, 'tmp-Zx9-secret');
    typeInto(form, /^New password/, 'violet staple orbit canyon');
    typeInto(form, /^Repeat the new password/, 'violet staple orbit canyon');
    fireEvent.click(within(form).getByRole('button', { name: 'Change password' }));
    expect(await screen.findByRole('navigation', { name: 'Main navigation' })).toBeTruthy();
    expect(api.callsOf('ChangePassword')[0]?.variables).toEqual({
      input: { currentPassword: 'tmp-Zx9-secret', newPassword: 'violet staple orbit canyon' },
    });
  });

  it('when a second factor is required, shows only the enrolment, and signs out from there', async () => {
    const { api, router } = renderApp('/policy', {
      role: 'OWNER',
      handlers: {
        Me: () => ({
          data: { me: { ...sessionUser('OWNER'), sessionRestriction: 'MFA_ENROLMENT', mfaRequired: true } },
        }),
        Logout: () => ({ data: { logout: true } }),
      },
    });
    expect(await screen.findByRole('heading', { name: 'Set up a second factor' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Set up an authenticator app' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Main navigation' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(api.callsOf('Logout')).toHaveLength(1);
  });

  it('speaks Japanese: the page, the sessions table and its own password check', async () => {
    renderApp('/account', {
      language: 'ja',
      handlers: { MySessions: () => ({ data: { mySessions: sessions } }) },
    });
    expect(await screen.findByRole('heading', { name: 'アカウント' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: '自分のセッション' });
    await within(table).findByText('Chrome on macOS');
    expect(within(table).getByRole('columnheader', { name: '端末' })).toBeTruthy();
    expect(within(table).getByRole('button', { name: 'Safari on iPhoneをサインアウト' })).toBeTruthy();
    expect(within(table).getByRole('button', { name: 'このセッションをサインアウト' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '認証アプリを設定' })).toBeTruthy();

    const form = screen.getByRole('form', { name: 'パスワードの変更' });
    fireEvent.click(within(form).getByRole('button', { name: 'パスワードを変更' }));
    expect(await within(form).findByText('現在のパスワードを入力してください。')).toBeTruthy();
  });
});
