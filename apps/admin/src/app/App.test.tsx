import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { buildListItem, providersPage, sessionUser } from '../test/factories.js';
import { App } from './App.js';
import { routes } from './routes.js';

type Body = { operationName: string; variables: Record<string, unknown> };

function fakeApi() {
  const state = { signedIn: true, sessionValid: true };
  const calls: string[] = [];
  const json = (body: unknown) =>
    new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  const fetch = (async (_url: RequestInfo | URL, init?: RequestInit) => {
    const { operationName } = JSON.parse(String(init?.body)) as Body;
    calls.push(operationName);
    switch (operationName) {
      case 'Me':
        return json({ data: { me: state.signedIn ? sessionUser('PRIVACY_OFFICER') : null } });
      case 'Login':
        state.signedIn = true;
        state.sessionValid = true;
        return json({ data: { login: { ...sessionUser('PRIVACY_OFFICER'), lastLoginAt: null } } });
      case 'Logout':
        state.signedIn = false;
        return json({ data: { logout: true } });
      case 'Purposes':
        return json({ data: { purposes: [] } });
      case 'Providers':
        return state.sessionValid
          ? json({ data: providersPage([buildListItem(1)]) })
          : json({ data: null, errors: [{ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } }] });
      default:
        return json({ data: null, errors: [{ message: `no stub for ${operationName}` }] });
    }
  }) as typeof globalThis.fetch;
  return { state, calls, clientOptions: { url: 'http://steward.test/graphql', fetch } };
}

describe('App session handling', () => {
  it('sends the admin to the login page when the API says UNAUTHENTICATED, and back after signing in', async () => {
    const api = fakeApi();
    api.state.sessionValid = false; // e.g. the session expired on the server; `me` still answered from before
    const router = createMemoryRouter(routes, { initialEntries: ['/providers'] });
    render(<App router={router} clientOptions={api.clientOptions} />);

    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(router.state.location.search).toBe('?next=%2Fproviders');

    fireEvent.change(await screen.findByLabelText(/Email/), { target: { value: 'officer@jspe.or.jp' } });
    fireEvent.change(screen.getByLabelText(/Password/), { target: { value: 'a long password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/providers'));
    expect(await screen.findByText('R-00001')).toBeTruthy();
  });

  it('logs out from the header, showing the name and role until then', async () => {
    const api = fakeApi();
    const router = createMemoryRouter(routes, { initialEntries: ['/providers'] });
    render(<App router={router} clientOptions={api.clientOptions} />);
    expect((await screen.findByTestId('current-user-name')).textContent).toBe('Officer Suzuki');
    const header = within(screen.getByRole('banner'));
    expect(header.getByText('Privacy officer')).toBeTruthy();

    fireEvent.click(header.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(api.calls).toContain('Logout');
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
  });
});
