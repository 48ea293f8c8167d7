import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { graphQLError } from '../../test/stub-api.js';
import { renderApp } from '../../test/render.js';
import { buildSystemCredential } from './system-fixtures.js';

const KEY = `sys_0123456789abcdef_${'5ec2e7'.repeat(10)}abcd`;

describe('internal systems', () => {
  it('issues a key and shows it once, with a warning and a copy button, never again', async () => {
    const credential = buildSystemCredential();
    let issued = false;
    const { api } = renderApp('/systems', {
      handlers: {
        SystemCredentials: () => ({ data: { systemCredentials: issued ? [credential] : [] } }),
        IssueSystemKey: () => {
          issued = true;
          return { data: { issueSystemKey: { key: KEY, credential } } };
        },
      },
    });
    expect(await screen.findByText('No system keys issued.')).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Issue system key' });
    fireEvent.change(within(form).getByLabelText(/^System/), { target: { value: '  Membership database ' } });
    fireEvent.change(within(form).getByLabelText(/^Key label/), { target: { value: 'Nightly sync' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Issue key' }));

    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(KEY)).toBeTruthy();
    expect(within(dialog).getByText('You will not see this key again')).toBeTruthy();
    expect(within(dialog).getByText(/Membership database’s configuration/)).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Copy key' })).toBeTruthy();
    expect(api.callsOf('IssueSystemKey')[0]?.variables).toEqual({
      input: { systemName: 'Membership database', label: 'Nightly sync' },
    });

    fireEvent.click(within(dialog).getByRole('button', { name: 'I have stored it' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const table = screen.getByRole('table', { name: 'System keys' });
    expect(await within(table).findByText('0123456789abcdef')).toBeTruthy();
    expect(screen.queryByText(KEY)).toBeNull();
    expect((within(form).getByLabelText(/^System/) as HTMLInputElement).value).toBe('');
  });

  it('lists keys with who issued them, when they were last used and whether they are revoked', async () => {
    renderApp('/systems', {
      handlers: {
        SystemCredentials: () => ({
          data: {
            systemCredentials: [
              buildSystemCredential({
                id: 'k2',
                systemName: 'Mailing tool',
                key: { label: 'Newsletter', keyId: 'feedfacefeedface', lastUsedAt: '2025-04-03T08:30:00Z' },
              }),
              buildSystemCredential({
                id: 'k1',
                key: { label: 'Old sync', keyId: 'deadbeefdeadbeef', revoked: true, revokedAt: '2025-04-02T12:00:00Z' },
              }),
            ],
          },
        }),
      },
    });
    const table = await screen.findByRole('table', { name: 'System keys' });
    const [, active, revoked] = within(table).getAllByRole('row');
    expect(within(active!).getByText('Mailing tool')).toBeTruthy();
    expect(within(active!).getByText('Active')).toBeTruthy();
    expect(within(active!).queryByText('Never')).toBeNull();
    expect(within(active!).getByText(/Officer Suzuki/)).toBeTruthy();
    expect(within(active!).getByRole('button', { name: 'Revoke key Newsletter of Mailing tool' })).toBeTruthy();
    expect(within(revoked!).getByText(/^Revoked /)).toBeTruthy();
    expect(within(revoked!).getByText('Never')).toBeTruthy();
    expect(within(revoked!).queryByRole('button', { name: /Revoke/ })).toBeNull();
  });

  it('revokes a key only once the revocation is confirmed', async () => {
    let revoked = false;
    const { api } = renderApp('/systems', {
      handlers: {
        SystemCredentials: () => ({
          data: {
            systemCredentials: [
              buildSystemCredential(revoked ? { key: { revoked: true, revokedAt: '2025-04-04T00:00:00Z' } } : {}),
            ],
          },
        }),
        RevokeSystemKey: ({ input: { id } }) => {
          revoked = true;
          return {
            data: {
              revokeSystemKey: buildSystemCredential({
                id: String(id),
                key: { revoked: true, revokedAt: '2025-04-04T00:00:00Z' },
              }),
            },
          };
        },
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke key Nightly sync of Membership database' }));
    let dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/refused at once; this cannot be undone/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.callsOf('RevokeSystemKey')).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Revoke key Nightly sync of Membership database' }));
    dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Revoke key' }));
    await waitFor(() => expect(api.callsOf('RevokeSystemKey')).toHaveLength(1));
    expect(api.callsOf('RevokeSystemKey')[0]?.variables).toEqual({ input: { id: 'sys-cred-1' } });
    const table = screen.getByRole('table', { name: 'System keys' });
    expect(await within(table).findByText(/^Revoked /)).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('asks for the system and the label before calling the API, and shows the API’s refusals at their fields', async () => {
    const { api } = renderApp('/systems', {
      handlers: {
        SystemCredentials: () => ({ data: { systemCredentials: [] } }),
        IssueSystemKey: () =>
          graphQLError('BAD_USER_INPUT', 'input.systemName: Contains a control or text-direction character (U+202E).', {
            field: 'input.systemName',
            issues: [
              {
                field: 'input.systemName',
                code: 'CONTROL_CHARACTERS',
                message: 'Contains a control or text-direction character (U+202E).',
              },
            ],
          }),
      },
    });
    const form = await screen.findByRole('form', { name: 'Issue system key' });
    fireEvent.click(within(form).getByRole('button', { name: 'Issue key' }));
    expect(await within(form).findByText('Name the system, e.g. “Membership database”.')).toBeTruthy();
    expect(within(form).getByText('Name the key, e.g. after the server or job that will use it.')).toBeTruthy();
    expect(api.callsOf('IssueSystemKey')).toEqual([]);

    fireEvent.change(within(form).getByLabelText(/^System/), { target: { value: 'Mailer\u202Eevil' } });
    fireEvent.change(within(form).getByLabelText(/^Key label/), { target: { value: 'x' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Issue key' }));
    // In English, the server's own sentence (it is more specific than the catalogue's phrase).
    expect(await within(form).findByText('Contains a control or text-direction character (U+202E).')).toBeTruthy();
    expect(
      within(form)
        .getByLabelText(/^System/)
        .getAttribute('aria-invalid'),
    ).toBe('true');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows the API’s refusals at their fields in Japanese, and a code it does not know as the server wrote it', async () => {
    renderApp('/systems', {
      language: 'ja',
      handlers: {
        SystemCredentials: () => ({ data: { systemCredentials: [] } }),
        IssueSystemKey: () =>
          graphQLError('BAD_USER_INPUT', 'input.systemName: Contains a control character (U+202E).', {
            field: 'input.systemName',
            issues: [
              {
                field: 'input.systemName',
                code: 'CONTROL_CHARACTERS',
                message: 'Contains a control character (U+202E).',
              },
              { field: 'input.label', code: 'NOT_A_CODE_WE_KNOW', message: 'Something only the server can say.' },
            ],
          }),
      },
    });
    const form = await screen.findByRole('form', { name: 'システムキーの発行' });
    fireEvent.change(within(form).getByLabelText(/^システム/), { target: { value: 'Mailer\u202Eevil' } });
    fireEvent.change(within(form).getByLabelText(/^キーの名称/), { target: { value: 'x' } });
    fireEvent.click(within(form).getByRole('button', { name: 'キーを発行' }));
    expect(await within(form).findByText('制御文字または不可視文字が含まれています。')).toBeTruthy();
    expect(within(form).getByText('Something only the server can say.')).toBeTruthy();
    expect(within(form).queryByText('Contains a control character (U+202E).')).toBeNull();
  });

  it('is for owners and privacy officers: viewers see no link and no keys', async () => {
    const { api } = renderApp('/systems', { role: 'VIEWER' });
    expect(await screen.findByText('Read-only access')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByText('Recipients')).toBeTruthy();
    expect(within(nav).queryByText('Internal systems')).toBeNull();
    expect(api.callsOf('SystemCredentials')).toEqual([]);
  });

  it('reads in Japanese, names in the confirmation shown as written', async () => {
    renderApp('/systems', {
      language: 'ja',
      handlers: {
        SystemCredentials: () => ({
          data: { systemCredentials: [buildSystemCredential({ systemName: '会員DB <b>&amp;</b>' })] },
        }),
      },
    });
    const table = await screen.findByRole('table', { name: 'システムキー' });
    expect(screen.getByRole('heading', { name: '内部システム' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: 'システム' })).toBeTruthy();
    const form = screen.getByRole('form', { name: 'システムキーの発行' });
    fireEvent.click(within(form).getByRole('button', { name: 'キーを発行' }));
    expect(await within(form).findByText('システム名を入力してください（例：「会員データベース」）。')).toBeTruthy();

    fireEvent.click(
      await within(table).findByRole('button', { name: '会員DB <b>&amp;</b>のキー「Nightly sync」を失効させる' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('会員DB <b>&amp;</b>のキーNightly syncを失効させますか？');
    expect(within(dialog).getByText('会員DB <b>&amp;</b>').tagName).toBe('B');
    expect(within(dialog).getByRole('button', { name: 'キーを失効させる' })).toBeTruthy();
  });

  it('sits next to Recipients in the navigation', async () => {
    renderApp('/systems', { handlers: { SystemCredentials: () => ({ data: { systemCredentials: [] } }) } });
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    const links = within(nav)
      .getAllByRole('link')
      .map((a) => a.textContent);
    expect(links.slice(links.indexOf('Recipients'), links.indexOf('Recipients') + 2)).toEqual([
      'Recipients',
      'Internal systems',
    ]);
  });
});
