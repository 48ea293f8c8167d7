import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { OutboxMailFieldsFragment } from '@steward/schema';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render.js';
import { defaultMailPreferences } from '../../test/factories.js';

function buildMail(overrides: Partial<OutboxMailFieldsFragment> = {}): OutboxMailFieldsFragment {
  return {
    id: '01a24eb5-0000-7000-8000-000000000001',
    kind: 'APPROVAL_WAITING',
    to: 'olive@example.org',
    recipientName: 'Olive Owner',
    subject: '[Example Society] Approval waiting: Courier contract',
    status: 'SENT',
    attempts: 1,
    errorCode: null,
    createdAt: '2026-04-01T00:00:01.000Z',
    sentAt: '2026-04-01T00:00:03.000Z',
    ...overrides,
  };
}

function outbox(mails: OutboxMailFieldsFragment[], configured: boolean, totalCount = mails.length) {
  return {
    data: {
      mailOutbox: {
        edges: mails.map((node) => ({ cursor: `c-${node.id}`, node })),
        totalCount,
        totalCountCapped: false,
        pageInfo: { hasNextPage: false, endCursor: null },
      },
      mailDelivery: { configured, from: 'Steward <steward@example.org>' },
    },
  };
}

describe('outbox page', () => {
  it('lists each mail with its recipient, subject, kind, status and attempts', async () => {
    renderApp('/outbox', {
      role: 'OWNER',
      handlers: {
        MailOutbox: () =>
          outbox(
            [
              buildMail(),
              buildMail({
                id: '01a24eb5-0000-7000-8000-000000000002',
                kind: 'STAFF_INVITATION',
                to: 'new@example.org',
                recipientName: null,
                subject: '[Example Society] You are invited to Steward',
                status: 'FAILED',
                attempts: 6,
                errorCode: 'SMTP_REJECTED',
                sentAt: null,
              }),
            ],
            true,
            // More than one page of 50: the pagination tells how many pages and mails there are.
            120,
          ),
      },
    });
    const table = await screen.findByRole('table', { name: 'Notification mails' });
    const nav = screen.getByRole('navigation', { name: /Notification mails/ });
    expect(within(nav).getByText('Page 1 of 3')).toBeTruthy();
    expect(within(nav).getByText('120 in all')).toBeTruthy();
    const rows = within(table).getAllByRole('row');
    const failed = rows.find((r) => r.getAttribute('data-status') === 'FAILED')!;
    expect(within(failed).getByText('Invitee')).toBeTruthy();
    expect(within(failed).getByText('new@example.org')).toBeTruthy();
    expect(within(failed).getByText('Staff invitation')).toBeTruthy();
    expect(within(failed).getByText('Failed')).toBeTruthy();
    expect(within(failed).getByText('Last error: SMTP_REJECTED')).toBeTruthy();
    expect(within(failed).getByText('6')).toBeTruthy();
    const sent = rows.find((r) => r.getAttribute('data-status') === 'SENT')!;
    expect(within(sent).getByText('Olive Owner')).toBeTruthy();
    expect(within(sent).getByText('Approval waiting')).toBeTruthy();
    expect(screen.getByText('Sent from Steward <steward@example.org>.')).toBeTruthy();
    expect(screen.queryByText('No SMTP server is configured')).toBeNull();
  });

  it('says so when no SMTP server is configured, and shows the mail as not sent', async () => {
    renderApp('/outbox', {
      role: 'OWNER',
      language: 'ja',
      handlers: { MailOutbox: () => outbox([buildMail({ status: 'NOT_SENT', attempts: 0, sentAt: null })], false) },
    });
    expect(await screen.findByText('SMTP サーバーが設定されていません')).toBeTruthy();
    const table = screen.getByRole('table', { name: '通知メール' });
    expect(within(table).getByText('未送信（SMTP サーバー未設定）')).toBeTruthy();
  });

  it('is for owners only', async () => {
    const { api } = renderApp('/outbox', { role: 'PRIVACY_OFFICER' });
    expect(await screen.findByText('Only owners see the outbox of notification mail.')).toBeTruthy();
    expect(api.callsOf('MailOutbox')).toHaveLength(0);
  });
});

describe('notification mail on My account', () => {
  it('turns one kind off; security mails are on and cannot be switched', async () => {
    let prefs = defaultMailPreferences();
    const { api } = renderApp('/account', {
      handlers: {
        MySessions: () => ({ data: { mySessions: [] } }),
        MyMailPreferences: () => ({ data: { myMailPreferences: prefs } }),
        SetMyMailPreference: ({ input }) => {
          prefs = prefs.map((p) => (p.kind === input.kind ? { ...p, enabled: input.enabled } : p));
          return { data: { setMyMailPreference: prefs } };
        },
      },
    });
    const inquiry = await screen.findByRole('switch', { name: 'New inquiry' });
    expect((inquiry as HTMLInputElement).checked).toBe(true);
    const reset = screen.getByRole('switch', { name: 'Password reset' }) as HTMLInputElement;
    expect(reset.checked).toBe(true);
    expect(reset.disabled).toBe(true);
    fireEvent.click(inquiry);
    await waitFor(() => expect(api.callsOf('SetMyMailPreference')).toHaveLength(1));
    expect(api.callsOf('SetMyMailPreference')[0]!.variables).toEqual({
      input: { kind: 'INQUIRY_RECEIVED', enabled: false },
    });
    await waitFor(() =>
      expect((screen.getByRole('switch', { name: 'New inquiry' }) as HTMLInputElement).checked).toBe(false),
    );
  });
});
