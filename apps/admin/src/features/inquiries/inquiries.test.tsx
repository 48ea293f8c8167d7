import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { InquiryQuery, InquirySummaryFieldsFragment } from '@steward/schema';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render.js';

const summary = (overrides: Partial<InquirySummaryFieldsFragment> = {}): InquirySummaryFieldsFragment => ({
  id: 'i1',
  reference: 'INQ-7K2M9QX4TD',
  channel: 'WEB_FORM',
  status: 'NEW',
  receivedAt: '2026-04-01T09:00:00Z',
  assignee: null,
  providerId: null,
  providerReference: null,
  providerName: null,
  recordedBy: null,
  nextStatuses: ['IN_PROGRESS', 'CLOSED'],
  version: 1,
  ...overrides,
});

const detail: InquiryQuery = {
  inquiry: {
    summary: summary(),
    content: {
      name: 'Aiko',
      email: 'aiko@example.jp',
      postalAddress: null,
      telephone: null,
      subject: 'My data',
      message: 'What do you hold?',
    },
    replies: [
      {
        id: 'r1',
        kind: 'NOTE',
        channel: null,
        at: '2026-04-01T10:00:00Z',
        author: 'Officer',
        body: 'Looking into it.',
      },
    ],
    abilities: { reply: true, assign: true, link: true, unlink: false, nextStatuses: ['IN_PROGRESS', 'CLOSED'] },
  },
};

/** One page of the inbox: the one inquiry of `summary()`. */
const inbox = () => ({
  data: {
    inquiries: {
      edges: [{ cursor: 'c1', node: summary() }],
      totalCount: 2,
      totalCountCapped: false,
      pageInfo: { hasNextPage: false, endCursor: 'c1' },
    },
  },
});

describe('inquiries inbox', () => {
  it('lists inquiries and filters by status and assignee', async () => {
    const { api } = renderApp('/inquiries', {
      handlers: {
        Inquiries: inbox,
        InquiryAssignees: () => ({ data: { inquiryAssignees: [{ id: 'a1', displayName: 'Officer' }] } }),
      },
    });
    const table = await screen.findByRole('table', { name: 'Inquiries' });
    expect(await within(table).findByText('INQ-7K2M9QX4TD')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: /Inquiries/ });
    expect(within(nav).getByText('Page 1 of 1')).toBeTruthy();
    expect(within(nav).getByText('2 in all')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'ANSWERED' } });
    fireEvent.change(screen.getByLabelText('Assignee'), { target: { value: 'none' } });
    await waitFor(() =>
      expect(api.callsOf('Inquiries').at(-1)?.variables['filter']).toEqual({ status: 'ANSWERED', unassigned: true }),
    );
  });

  it('names the linked provider by reference and name, linked to their page', async () => {
    const linked = summary({ providerId: 'p1', providerReference: 'M-0001', providerName: 'Rin Abe' });
    renderApp('/inquiries', {
      handlers: {
        Inquiries: () => ({
          data: {
            inquiries: {
              edges: [{ cursor: 'c1', node: linked }],
              pageInfo: { hasNextPage: false, endCursor: 'c1' },
              totalCount: 1,
              totalCountCapped: false,
            },
          },
        }),
        InquiryAssignees: () => ({ data: { inquiryAssignees: [] } }),
      },
    });
    const table = await screen.findByRole('table', { name: 'Inquiries' });
    const link = await within(table).findByRole('link', { name: 'M-0001 · Rin Abe' });
    expect(link.getAttribute('href')).toBe('/providers/p1');
  });

  it('keeps viewers out (inquiries hold personal information)', async () => {
    renderApp('/inquiries', { role: 'VIEWER' });
    expect(await screen.findByText(/Owners and privacy officers handle inquiries/)).toBeTruthy();
  });

  it('shows an inquiry with its replies and moves it to the next status with its version', async () => {
    const { api } = renderApp('/inquiries/i1', {
      handlers: {
        Inquiry: () => ({ data: detail }),
        InquiryAssignees: () => ({ data: { inquiryAssignees: [] } }),
        SetInquiryStatus: () => ({ data: { setInquiryStatus: summary({ status: 'IN_PROGRESS', version: 2 }) } }),
        AddInquiryReply: () => ({ data: { addInquiryReply: summary({ version: 2 }) } }),
      },
    });
    expect(await screen.findByText('What do you hold?')).toBeTruthy();
    expect(screen.getByText('Looking into it.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Mark in progress' }));
    await waitFor(() =>
      expect(api.callsOf('SetInquiryStatus')[0]?.variables).toEqual({
        input: { id: 'i1', expectedVersion: 1, status: 'IN_PROGRESS' },
      }),
    );
    fireEvent.click(screen.getByText('Internal note'));
    fireEvent.change(screen.getByLabelText('Reply text'), { target: { value: 'Checked the register.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record' }));
    await waitFor(() =>
      expect(api.callsOf('AddInquiryReply')[0]?.variables).toEqual({
        input: { inquiryId: 'i1', kind: 'NOTE', channel: null, body: 'Checked the register.', expectedVersion: 1 },
      }),
    );
    fireEvent.click(screen.getByText('Answer sent'));
    fireEvent.change(screen.getByLabelText('Reply text'), { target: { value: 'We hold your name.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record' }));
    await waitFor(() =>
      expect(api.callsOf('AddInquiryReply')[1]?.variables).toEqual({
        input: { inquiryId: 'i1', kind: 'ANSWER', channel: 'EMAIL', body: 'We hold your name.', expectedVersion: 1 },
      }),
    );
  });

  it('records a reply as the answer sent by default, and the inquiry leaves New', async () => {
    let answered = false;
    const { api } = renderApp('/inquiries/i1', {
      handlers: {
        // The server moves a new inquiry to ANSWERED when an answer is recorded; the page shows what it reads back.
        Inquiry: () => ({
          data: {
            inquiry: {
              ...detail.inquiry!,
              summary: summary(answered ? { status: 'ANSWERED', version: 2 } : {}),
            },
          },
        }),
        InquiryAssignees: () => ({ data: { inquiryAssignees: [] } }),
        AddInquiryReply: () => {
          answered = true;
          return { data: { addInquiryReply: summary({ status: 'ANSWERED', version: 2 }) } };
        },
      },
    });
    expect(await screen.findByText('What do you hold?')).toBeTruthy();
    expect(screen.getAllByText('New').length).toBeGreaterThan(0);
    const kind = screen.getByRole('radiogroup', { name: 'Reply kind' });
    expect((within(kind).getByLabelText('Answer sent') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByLabelText('Answered by')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Reply text'), { target: { value: 'We hold your name.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record' }));
    await waitFor(() =>
      expect(api.callsOf('AddInquiryReply')[0]?.variables).toEqual({
        input: { inquiryId: 'i1', kind: 'ANSWER', channel: 'EMAIL', body: 'We hold your name.', expectedVersion: 1 },
      }),
    );
    await waitFor(() => expect(screen.queryAllByText('New')).toHaveLength(0));
    expect(screen.getAllByText('Answered').length).toBeGreaterThan(0);
  });

  it('links the provider picked by reference or name, sending its id', async () => {
    const picked = { id: '01900000-0000-7000-8000-0000000000b1', reference: 'M-0042', displayName: 'Aiko Mori' };
    const { api } = renderApp('/inquiries/i1', {
      handlers: {
        Inquiry: () => ({ data: detail }),
        InquiryAssignees: () => ({ data: { inquiryAssignees: [] } }),
        ProviderOptions: ({ search }) => ({ data: { providerOptions: search === 'aiko' ? [picked] : [] } }),
        LinkInquiryProvider: () => ({
          data: { linkInquiryProvider: summary({ providerId: picked.id, providerReference: 'M-0042', version: 2 }) },
        }),
      },
    });
    const input = await screen.findByRole('combobox', { name: 'Provider to link' });
    expect((screen.getByRole('button', { name: 'Link' }) as HTMLButtonElement).disabled).toBe(true);
    input.focus(); // Mantine ignores changes to an input that does not have the focus (autofill)
    fireEvent.change(input, { target: { value: 'aiko' } });
    fireEvent.click(await screen.findByRole('option', { name: /M-0042/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Link' }));
    await waitFor(() =>
      expect(api.callsOf('LinkInquiryProvider')[0]?.variables).toEqual({
        input: { id: 'i1', expectedVersion: 1, providerId: picked.id },
      }),
    );
  });

  it('shows only the actions the abilities give', async () => {
    renderApp('/inquiries/i1', {
      handlers: {
        Inquiry: () => ({
          data: {
            inquiry: {
              ...detail.inquiry!,
              summary: summary({ status: 'CLOSED', providerId: 'p1', providerReference: 'M-0001' }),
              abilities: { reply: false, assign: false, link: false, unlink: false, nextStatuses: ['IN_PROGRESS'] },
            },
          },
        }),
        InquiryAssignees: () => ({ data: { inquiryAssignees: [] } }),
      },
    });
    expect(await screen.findByText('What do you hold?')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Mark in progress' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Mark closed' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Record' })).toBeNull();
    expect(screen.queryByLabelText('Reply text')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Unlink' })).toBeNull();
    expect(screen.getByText('M-0001')).toBeTruthy();
    expect((screen.getByLabelText('Assignee') as HTMLSelectElement).disabled).toBe(true);
  });
});

describe('inquiries in Japanese', () => {
  it('shows the inbox with Japanese headings, filters and the record button', async () => {
    renderApp('/inquiries', {
      language: 'ja',
      handlers: {
        Inquiries: inbox,
        InquiryAssignees: () => ({ data: { inquiryAssignees: [] } }),
      },
    });
    const table = await screen.findByRole('table', { name: 'お問い合わせ' });
    expect(screen.getByRole('heading', { name: 'お問い合わせ' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: '受付番号' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: '担当者' })).toBeTruthy();
    expect(await within(table).findByText('2026年4月1日 18:00')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'お問い合わせを記録' })).toBeTruthy();
    expect(screen.getByRole('option', { name: '未割り当て' })).toBeTruthy();
    expect(screen.queryByText('Record an inquiry')).toBeNull();
  });

  it('shows an inquiry with Japanese labels, replies and handling', async () => {
    renderApp('/inquiries/i1', {
      language: 'ja',
      handlers: {
        Inquiry: () => ({ data: detail }),
        InquiryAssignees: () => ({ data: { inquiryAssignees: [] } }),
      },
    });
    expect(await screen.findByRole('heading', { name: 'お問い合わせ INQ-7K2M9QX4TD' })).toBeTruthy();
    const content = screen.getByRole('region', { name: 'お問い合わせの内容' });
    expect(within(content).getByText('件名')).toBeTruthy();
    expect(screen.getByText('回答とメモ')).toBeTruthy();
    expect(screen.getByText(/^メモ・Officer・2026年4月1日 19:00$/)).toBeTruthy();
    expect(screen.getByLabelText('記録の内容')).toBeTruthy();
    expect(screen.getByRole('button', { name: '記録する' })).toBeTruthy();
    expect(within(screen.getByRole('region', { name: '対応' })).getByLabelText('担当者')).toBeTruthy();
  });
});
