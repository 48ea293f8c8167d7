import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { sessionUser } from '../../test/factories.js';
import { renderApp } from '../../test/render.js';
import { graphQLError } from '../../test/stub-api.js';

const preview = {
  email: 'new@jspe.or.jp',
  displayName: 'New Member',
  role: 'PRIVACY_OFFICER' as const,
  expiresAt: '2025-04-08T00:00:00Z',
  organisationName: 'JSPE',
};

describe('invitation page', () => {
  beforeEach(() => localStorage.clear());

  it('shows the invitation without a session, and signs the new member in once they choose a password', async () => {
    let accepted = false;
    const { api, router } = renderApp('/invitation#tok-123', {
      role: null,
      handlers: {
        Me: () => ({ data: { me: accepted ? sessionUser('PRIVACY_OFFICER') : null } }),
        Invitation: () => ({ data: { invitation: preview } }),
        AcceptInvitation: ({ input }) => {
          if (input.password === 'password1234') {
            return graphQLError('BAD_USER_INPUT', 'Invalid.', {
              issues: [{ field: 'password', code: 'WEAK_PASSWORD', message: 'This password is easy to guess.' }],
            });
          }
          accepted = true;
          return { data: { acceptInvitation: { ...sessionUser('PRIVACY_OFFICER'), email: preview.email } } };
        },
        WorkQueue: () => graphQLError('INTERNAL_SERVER_ERROR', 'not under test'),
      },
    });
    expect(await screen.findByText("New Member, you are invited to JSPE's Steward")).toBeTruthy();
    expect(screen.getByText(/as Privacy officer\. You will sign in as new@jspe.or.jp/)).toBeTruthy();
    expect(api.callsOf('Invitation')[0]?.variables).toEqual({ token: 'tok-123' });
    expect(router.state.location.pathname).toBe('/invitation');

    const form = screen.getByRole('form', { name: 'Accept invitation' });
    fireEvent.change(within(form).getByLabelText(/^Choose a password/), { target: { value: 'password1234' } });
    fireEvent.change(within(form).getByLabelText(/^Repeat the password/), { target: { value: 'password1234' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create my account' }));
    expect(await within(form).findByText('This password is easy to guess.')).toBeTruthy();

    fireEvent.change(within(form).getByLabelText(/^Choose a password/), { target: { value: 'violet staple orbit' } });
    fireEvent.change(within(form).getByLabelText(/^Repeat the password/), { target: { value: 'violet staple orbit' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create my account' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(await screen.findByTestId('current-user-name')).toBeTruthy();
    expect(api.callsOf('AcceptInvitation').at(-1)?.variables).toEqual({
      input: { token: 'tok-123', password: 'violet staple orbit' },
    });
  });

  it('says so when the link no longer works', async () => {
    renderApp('/invitation#used-token', {
      role: null,
      handlers: {
        Invitation: () => graphQLError('NOT_FOUND', 'Invitation (it may have expired or been used) not found'),
      },
    });
    expect(await screen.findByText('This invitation link does not work')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Accept invitation' })).toBeNull();
  });

  it('speaks Japanese to the new member, who can switch to English before choosing a password', async () => {
    renderApp('/invitation#tok-123', {
      role: null,
      language: 'ja',
      handlers: { Invitation: () => ({ data: { invitation: preview } }) },
    });
    expect(await screen.findByText('New Member 様、JSPE の Steward へ招待されています')).toBeTruthy();
    expect(screen.getByText(/この招待は 2025年4月8日 .* まで有効です。/)).toBeTruthy();
    const form = screen.getByRole('form', { name: '招待を承諾' });
    expect(within(form).getByLabelText(/^パスワードを設定/)).toBeTruthy();
    expect(within(form).getByText(/12 文字以上で、推測されにくいものにしてください。/)).toBeTruthy();
    expect(within(form).getByRole('button', { name: 'アカウントを作成' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'サインイン画面へ' })).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: 'English' }));
    expect(await screen.findByRole('form', { name: 'Accept invitation' })).toBeTruthy();
  });

  it("speaks the organisation's default language and gives the expiry in its time zone, before anyone signs in", async () => {
    renderApp('/invitation#tok-123', {
      role: null,
      language: 'en',
      handlers: {
        Invitation: () => ({ data: { invitation: preview } }),
        OrganisationLanguage: () => ({ data: { organisation: { id: 'org', defaultLanguage: 'JA' } } }),
        OrganisationTimeZone: () => ({ data: { organisation: { id: 'org', timeZone: 'Asia/Tokyo' } } }),
      },
    });
    expect(await screen.findByText('New Member 様、JSPE の Steward へ招待されています')).toBeTruthy();
    // 00:00 UTC is 09:00 in Tokyo, whatever the browser's zone.
    expect(await screen.findByText('この招待は 2025年4月8日 09:00 まで有効です。')).toBeTruthy();
  });
});
