import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { WorkQueueQuery } from '@steward/schema';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render.js';

type Queue = WorkQueueQuery['workQueue'];

function buildQueue(overrides: Partial<Queue> = {}): Queue {
  return {
    asOf: '2026-12-07T00:00:00.000Z',
    approvals: { awaitingMe: 2, mineAwaitingOthers: 1 },
    requests: {
      overdue: 1,
      dueSoon: 3,
      open: 6,
      dueSoonDays: 3,
      next: [
        {
          id: 'req-1',
          reference: 'R-2026-0001',
          kind: 'DISCLOSURE',
          status: 'IN_PROGRESS',
          dueAt: '2026-12-01T14:59:59.999Z',
          urgency: 'OVERDUE',
        },
        {
          id: 'req-2',
          reference: 'R-2026-0002',
          kind: 'AMENDMENT',
          status: 'RECEIVED',
          dueAt: '2026-12-09T14:59:59.999Z',
          urgency: 'DUE_SOON',
        },
      ],
    },
    inquiries: { new: 4, unanswered: 5, assignedToMe: 1 },
    ledgerVerification: {
      lastJobId: 'job-1',
      lastStatus: 'SUCCEEDED',
      ok: true,
      checkedEntries: 1234,
      firstFailureSequence: null,
      finishedAt: '2026-12-06T18:00:00.000Z',
      pending: false,
    },
    incidents: {
      overdue: 1,
      dueSoon: 1,
      open: 3,
      next: [
        {
          id: 'inc-1',
          reference: 'INC-2026-0001',
          title: 'Lost USB stick',
          urgency: 'OVERDUE',
          report: 'PRELIMINARY',
          dueOn: '2026-12-05',
        },
        {
          id: 'inc-2',
          reference: 'INC-2026-0002',
          title: 'Misdelivered letters',
          urgency: 'DUE_SOON',
          report: 'FINAL',
          dueOn: '2026-12-09',
        },
      ],
    },
    ...overrides,
  };
}

const empty = (): Queue =>
  buildQueue({
    approvals: { awaitingMe: 0, mineAwaitingOthers: 0 },
    requests: { overdue: 0, dueSoon: 0, open: 0, dueSoonDays: 3, next: [] },
    inquiries: { new: 0, unanswered: 0, assignedToMe: 0 },
    incidents: { overdue: 0, dueSoon: 0, open: 0, next: [] },
    ledgerVerification: {
      lastJobId: null,
      lastStatus: null,
      ok: null,
      checkedEntries: null,
      firstFailureSequence: null,
      finishedAt: null,
      pending: false,
    },
  });

const link = (name: RegExp) => screen.findByRole('link', { name });
const hrefOf = async (name: RegExp) => (await link(name)).getAttribute('href');

describe('the home page of work', () => {
  it('is where the admin lands, with each count linking to its filtered list', async () => {
    renderApp('/', { handlers: { WorkQueue: () => ({ data: { workQueue: buildQueue() } }) } });
    expect(await screen.findByRole('heading', { name: 'Home' })).toBeTruthy();
    expect(await hrefOf(/^2 exceptions wait for your approval$/)).toBe('/exceptions?approval=MINE');
    expect(screen.getByText('1 of your drafts waits for a second approver.')).toBeTruthy();
    expect(await hrefOf(/^1 request overdue$/)).toBe('/requests?urgency=OVERDUE');
    expect(await hrefOf(/^3 requests due within 3 days$/)).toBe('/requests?urgency=DUE_SOON');
    expect(await hrefOf(/^4 new inquiries$/)).toBe('/inquiries?status=NEW');
    expect(await hrefOf(/^5 inquiries not yet answered$/)).toBe('/inquiries?status=UNANSWERED');
    expect(await hrefOf(/^1 of them assigned to you$/)).toBe(
      '/inquiries?status=UNANSWERED&assignee=user-privacy_officer',
    );
    expect(await hrefOf(/1,234 entries verified/)).toBe('/jobs');
    // The requests due first, overdue first as the API orders them, each a link to the request.
    const next = screen.getByRole('table', { name: 'Open requests due first' });
    const rows = within(next).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('link').textContent)).toEqual(['R-2026-0001', 'R-2026-0002']);
    expect(within(rows[0]!).getByText('Overdue')).toBeTruthy();
    expect(within(rows[0]!).getByRole('link').getAttribute('href')).toBe('/requests/req-1');
    expect(screen.queryByText('Nothing is waiting for you')).toBeNull();
  });

  it('shows the incidents whose reports are due, linking to the register by urgency', async () => {
    renderApp('/', { handlers: { WorkQueue: () => ({ data: { workQueue: buildQueue() } }) } });
    expect(await hrefOf(/^1 incident with a report overdue$/)).toBe('/incidents?urgency=OVERDUE');
    expect(await hrefOf(/^1 incident with a report due soon$/)).toBe('/incidents?urgency=DUE_SOON');
    expect(await hrefOf(/^3 incidents open in all\.$/)).toBe('/incidents?open=true');
    const next = screen.getByRole('table', { name: 'Incident reports due first' });
    const rows = within(next).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('link').textContent)).toEqual(['INC-2026-0001', 'INC-2026-0002']);
    expect(within(rows[0]!).getByRole('link').getAttribute('href')).toBe('/incidents/inc-1');
    expect(within(rows[0]!).getByText(/^Preliminary report by /)).toBeTruthy();
    expect(within(rows[0]!).getByText('Overdue')).toBeTruthy();
    expect(within(rows[1]!).getByText(/^Final report by /)).toBeTruthy();
    expect(within(rows[1]!).getByText('Due soon')).toBeTruthy();
  });

  it('says so when nothing waits, and a viewer sees only the sections the API sends', async () => {
    renderApp('/', { handlers: { WorkQueue: () => ({ data: { workQueue: empty() } }) } });
    expect(await screen.findByText('Nothing is waiting for you')).toBeTruthy();
    expect(screen.getByText('No verification has finished yet')).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Open requests due first' })).toBeNull();
  });

  it('leaves out the sections a viewer may not see', async () => {
    renderApp('/', {
      role: 'VIEWER',
      handlers: {
        WorkQueue: () => ({
          data: {
            workQueue: buildQueue({ approvals: null, inquiries: null, ledgerVerification: null, incidents: null }),
          },
        }),
      },
    });
    expect(await link(/^1 request overdue$/)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Approvals' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Inquiries' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Ledger verification' })).toBeNull();
  });

  it('opens the filtered lists: the exceptions waiting for my approval and the unanswered inquiries', async () => {
    const { api, router } = renderApp('/', {
      handlers: {
        WorkQueue: () => ({ data: { workQueue: buildQueue() } }),
        PermittedExceptions: () => ({ data: { permittedExceptions: [] } }),
        Inquiries: () => ({
          data: {
            inquiries: {
              edges: [],
              pageInfo: { hasNextPage: false, endCursor: null },
              totalCount: 0,
              totalCountCapped: false,
            },
          },
        }),
        InquiryAssignees: () => ({ data: { inquiryAssignees: [] } }),
      },
    });
    fireEvent.click(await link(/^2 exceptions wait for your approval$/));
    await waitFor(() => expect(api.callsOf('PermittedExceptions').length).toBe(1));
    expect(api.callsOf('PermittedExceptions')[0]!.variables).toMatchObject({ awaitingMyApproval: true });
    expect(router.state.location.search).toBe('?approval=MINE');

    await router.navigate('/');
    fireEvent.click(await link(/^5 inquiries not yet answered$/));
    await waitFor(() => expect(api.callsOf('Inquiries').length).toBeGreaterThan(0));
    expect(api.callsOf('Inquiries').at(-1)!.variables).toMatchObject({ filter: { status: null, unanswered: true } });
  });
});
