import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render.js';
import { buildRecipient } from '../exceptions/exception-fixtures.js';

const KEY = 'stw_pk_live_abcdef0123456789SECRET';
const credential = {
  id: 'cred-1',
  key: {
    label: 'Dispatch system',
    keyId: 'pk_abcdef',
    createdAt: '2025-04-02T00:00:00Z',
    createdBy: 'Officer Suzuki',
    lastUsedAt: null,
    revokedAt: null,
    revoked: false,
  },
};

describe('recipient partner keys', () => {
  it('shows an issued key once, with a warning, and never again', async () => {
    let issued = false;
    const { api } = renderApp('/recipients/rcp-1', {
      handlers: {
        Recipient: () => ({ data: { recipient: buildRecipient({ credentials: issued ? [credential] : [] }) } }),
        IssuePartnerKey: () => {
          issued = true;
          return { data: { issuePartnerKey: { key: KEY, credential } } };
        },
      },
    });
    const form = await screen.findByRole('form', { name: 'Issue key' });
    fireEvent.change(within(form).getByLabelText('Key label'), { target: { value: 'Dispatch system' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Issue key' }));

    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(KEY)).toBeTruthy();
    expect(within(dialog).getByText('You will not see this key again')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Copy key' })).toBeTruthy();
    expect(api.callsOf('IssuePartnerKey')[0]?.variables).toEqual({
      input: { recipientId: 'rcp-1', label: 'Dispatch system' },
    });

    fireEvent.click(within(dialog).getByRole('button', { name: 'I have stored it' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const table = screen.getByRole('table', { name: 'Partner keys' });
    expect(await within(table).findByText('pk_abcdef')).toBeTruthy();
    expect(screen.queryByText(KEY)).toBeNull();
  });

  it('hides key actions from viewers', async () => {
    renderApp('/recipients/rcp-1', {
      role: 'VIEWER',
      handlers: { Recipient: () => ({ data: { recipient: buildRecipient({ credentials: [credential] }) } }) },
    });
    await screen.findByText('pk_abcdef');
    expect(screen.queryByRole('form', { name: 'Issue key' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Revoke/ })).toBeNull();
  });

  it('reads in Japanese: the list, its form and the keys of a recipient', async () => {
    const { unmount } = renderApp('/recipients', {
      language: 'ja',
      handlers: { Recipients: () => ({ data: { recipients: [buildRecipient({ credentials: [credential] })] } }) },
    });
    const table = await screen.findByRole('table', { name: '提供先' });
    expect(screen.getByRole('heading', { name: '提供先' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: '有効なキー' })).toBeTruthy();
    expect(await within(table).findByText('2025年3月1日')).toBeTruthy();
    const form = screen.getByRole('form', { name: '提供先の登録' });
    fireEvent.click(within(form).getByRole('button', { name: '提供先を登録' }));
    expect(await within(form).findByText('組織の名称を入力してください。')).toBeTruthy();
    unmount();

    renderApp('/recipients/rcp-1', {
      language: 'ja',
      handlers: { Recipient: () => ({ data: { recipient: buildRecipient({ credentials: [credential] }) } }) },
    });
    const keys = await screen.findByRole('table', { name: '提供先キー' });
    expect(within(keys).getByRole('button', { name: 'キー「Dispatch system」を失効させる' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'キーを発行' })).toBeTruthy();
  });
});
