import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildProvider, PURPOSES } from '../../test/factories.js';
import { renderApp } from '../../test/render.js';
import { graphQLError } from '../../test/stub-api.js';
import { buildDisclosureJson, buildLedgerEntry } from '../documents/document-fixtures.js';
import { buildPackage, buildRequest } from './request-fixtures.js';

const page = (nodes: ReturnType<typeof buildRequest>[]) => ({
  data: {
    providerRequests: {
      edges: nodes.map((node) => ({ cursor: node.id, node })),
      totalCount: 2,
      totalCountCapped: false,
      pageInfo: { hasNextPage: false, endCursor: null },
    },
  },
});

/** A request two days past its due date. */
const overdueRequest = () =>
  buildRequest({
    id: 'r-late',
    reference: 'R-LATE000001',
    status: 'VERIFYING',
    overdue: true,
    urgency: 'OVERDUE',
    daysRemaining: -2,
    dueAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
  });

describe('request queue', () => {
  it('highlights overdue requests, draws the due-date timeline and filters by urgency', async () => {
    const overdue = overdueRequest();
    const fine = buildRequest({
      id: 'r-fine',
      reference: 'R-FINE000001',
      dueAt: new Date(Date.now() + 9 * 86_400_000).toISOString(),
    });
    const { api } = renderApp('/requests', { handlers: { ProviderRequests: () => page([overdue, fine]) } });
    const table = await screen.findByRole('table', { name: 'Provider requests' });
    const lateRow = within(table).getByText('R-LATE000001').closest('tr')!;
    expect(lateRow.getAttribute('data-overdue')).toBe('true');
    expect(within(lateRow).getByText('2 days overdue')).toBeTruthy();
    expect(within(table).getByText('R-FINE000001').closest('tr')!.getAttribute('data-overdue')).toBeNull();
    const chart = screen.getByRole('img', { name: /2 open requests: 1 overdue/ });
    // The time past the due date is drawn for the overdue request only.
    await waitFor(() => expect(chart.querySelectorAll('path.recharts-rectangle[name="late"]')).toHaveLength(1));

    fireEvent.change(screen.getByLabelText('Urgency'), { target: { value: 'OVERDUE' } });
    await waitFor(() =>
      expect(api.callsOf('ProviderRequests').some((c) => c.variables.filter?.urgency === 'OVERDUE')).toBe(true),
    );
  });
});

describe('entering a request', () => {
  it("takes the head of the provider's last package with a disclosure request, and shows the API's refusal on it", async () => {
    const { api } = renderApp('/requests', {
      handlers: {
        ProviderRequests: () => page([]),
        CreateProviderRequest: ({ input }) =>
          (input as { earlierHead: string | null }).earlierHead === 'not json'
            ? graphQLError('BAD_USER_INPUT', 'input.earlierHead: Not JSON', {
                field: 'input.earlierHead',
                issues: [{ field: 'input.earlierHead', code: 'INVALID_FORMAT', message: 'Not JSON' }],
              })
            : { data: { createProviderRequest: buildRequest({ id: 'r-new' }) } },
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Enter a request' }));
    const dialog = await screen.findByRole('dialog', { name: 'Enter a request' });
    fireEvent.change(within(dialog).getByLabelText(/Requester's name/), { target: { value: 'Aiko Fujimoto' } });
    fireEvent.change(within(dialog).getByLabelText(/^Contact/), { target: { value: 'By post' } });
    const head = within(dialog).getByLabelText(/Signed head from the provider's last package/);
    fireEvent.change(head, { target: { value: 'not json' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save request' }));
    await within(dialog).findByText('Not JSON');
    expect(api.callsOf('CreateProviderRequest').at(-1)!.variables).toMatchObject({
      input: { kind: 'DISCLOSURE', requesterName: 'Aiko Fujimoto', earlierHead: 'not json' },
    });
    // Only a disclosure request takes it.
    fireEvent.change(within(dialog).getByLabelText('Kind'), { target: { value: 'AMENDMENT' } });
    expect(within(dialog).queryByLabelText(/Signed head from the provider's last package/)).toBeNull();
  });
});

describe('request detail', () => {
  it('produces the disclosure package and shows the provider data, ready to print and download', async () => {
    const { api } = renderApp('/requests/req-1', {
      handlers: {
        ProviderRequest: () => ({ data: { providerRequest: buildRequest() } }),
        ProduceDisclosurePackage: () => ({ data: { produceDisclosurePackage: buildPackage() } }),
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Produce package' }));
    const pkg = await screen.findByTestId('disclosure-package');
    expect(api.callsOf('ProduceDisclosurePackage')[0]!.variables).toEqual({
      input: { requestId: 'req-1' },
      ledgerFirst: 200,
    });
    expect(within(pkg).getByRole('table', { name: 'Personal information held' }).textContent).toContain(
      'Hanako Yamada',
    );
    // The ledger names who acted and the purpose, never their internal references.
    const ledger = within(pkg).getByRole('table', { name: 'Record of use and provision' });
    expect(ledger.textContent).toContain('Hanako Sato (staff, Privacy officer)');
    expect(ledger.textContent).toContain('Conference and lecture registration');
    expect(within(pkg).getByText(/SHA-256 of the JSON: a{64}/)).toBeTruthy();
    expect(within(pkg).getByRole('button', { name: 'Print' })).toBeTruthy();
    expect(within(pkg).getByRole('button', { name: 'Download JSON' })).toBeTruthy();
  });

  it('shows the first 200 ledger entries of the JSON, and all of them on request', async () => {
    const entries = Array.from({ length: 201 }, (_, i) => buildLedgerEntry('en', i + 1));
    const json = JSON.stringify(buildDisclosureJson('en', { ledger: entries, ledgerCount: entries.length }));
    renderApp('/requests/req-1', {
      handlers: {
        ProviderRequest: () => ({ data: { providerRequest: buildRequest() } }),
        ProduceDisclosurePackage: () => ({
          data: { produceDisclosurePackage: buildPackage({ ledgerCount: 201, json }) },
        }),
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Produce package' }));
    const ledger = await screen.findByRole('table', { name: 'Record of use and provision' });
    expect(within(ledger).getAllByRole('row')).toHaveLength(201);
    fireEvent.click(screen.getByRole('button', { name: /Show all 201 entries/ }));
    await waitFor(() =>
      expect(
        within(screen.getByRole('table', { name: 'Record of use and provision' })).getAllByRole('row'),
      ).toHaveLength(202),
    );
  });

  it('records the identity verification against the version read, and offers no package before it', async () => {
    const unverified = buildRequest({
      status: 'VERIFYING',
      verification: null,
      allowedNextStatuses: ['IN_PROGRESS', 'REJECTED'],
      abilities: { link: true, verify: true, changeStatus: true, disclose: false, amend: false, cease: false },
    });
    const { api } = renderApp('/requests/req-1', {
      handlers: {
        ProviderRequest: () => ({ data: { providerRequest: unverified } }),
        VerifyRequestIdentity: () => ({
          data: { verifyRequestIdentity: buildRequest({ status: 'VERIFYING', version: 5 }) },
        }),
      },
    });
    await screen.findByText(/Not verified/);
    expect(screen.queryByRole('button', { name: 'Produce package' })).toBeNull();
    fireEvent.change(screen.getByLabelText('How the identity was confirmed'), {
      target: { value: 'MEMBERSHIP_RECORD' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Record verification' }));
    await waitFor(() => expect(api.callsOf('VerifyRequestIdentity')).toHaveLength(1));
    expect(api.callsOf('VerifyRequestIdentity')[0]!.variables['input']).toEqual({
      requestId: 'req-1',
      expectedVersion: 4,
      method: 'MEMBERSHIP_RECORD',
      note: null,
    });
  });

  it('keeps the edits and offers a reload when an amendment conflicts', async () => {
    const { api } = renderApp('/requests/req-1', {
      handlers: {
        ProviderRequest: () => ({
          data: {
            providerRequest: buildRequest({
              kind: 'AMENDMENT',
              abilities: { link: false, verify: false, changeStatus: true, disclose: false, amend: true, cease: false },
            }),
          },
        }),
        Provider: () => ({ data: { provider: buildProvider() } }),
        ApplyAmendment: () =>
          graphQLError('CONFLICT', 'Provider was changed by someone else', {
            field: 'expectedProviderVersion',
            currentVersion: 6,
          }),
      },
    });
    const editor = await screen.findByRole('table', { name: 'Items to amend' });
    const name = within(editor).getByLabelText('New value for Name');
    fireEvent.change(name, { target: { value: 'Hanako Suzuki' } });
    fireEvent.click(screen.getByRole('button', { name: /Apply 1 change/ }));
    expect(await screen.findByText('Changed by someone else')).toBeTruthy();
    expect((within(editor).getByLabelText('New value for Name') as HTMLInputElement).value).toBe('Hanako Suzuki');
    expect(api.callsOf('ApplyAmendment')[0]!.variables['input']).toEqual({
      requestId: 'req-1',
      expectedProviderVersion: 5,
      changes: [{ itemId: 'item-1', category: 'NAME', value: 'Hanako Suzuki' }],
    });
  });
});

describe('cessation on request', () => {
  it('says which consents were withdrawn by purpose title, not key', async () => {
    renderApp('/requests/req-1', {
      handlers: {
        ProviderRequest: () => ({
          data: {
            providerRequest: buildRequest({
              kind: 'CESSATION',
              abilities: { link: false, verify: false, changeStatus: true, disclose: false, amend: false, cease: true },
            }),
          },
        }),
        Provider: () => ({ data: { provider: buildProvider() } }),
        Purposes: () => ({ data: { purposes: PURPOSES } }),
        Recipients: () => ({ data: { recipients: [] } }),
        ApplyCessation: () => ({
          data: {
            applyCessation: {
              request: buildRequest({ kind: 'CESSATION' }),
              cessations: [],
              withdrawnPurposeKeys: ['journal-delivery', 'event-notices'],
              providerVersion: 6,
            },
          },
        }),
      },
    });
    const stopUsing = await screen.findByLabelText('Stop using for');
    fireEvent.click(await within(stopUsing).findByLabelText('Journal delivery'));
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    expect(await screen.findByText(/consent withdrawn for Journal delivery, Event notices\./)).toBeTruthy();
    expect(screen.queryByText(/journal-delivery/)).toBeNull();
  });
});

describe('request actions', () => {
  it('shows only the actions the abilities allow (a viewer: none), never deriving them from role or status', async () => {
    const none = { link: false, verify: false, changeStatus: false, disclose: false, amend: false, cease: false };
    const unverified = buildRequest({ status: 'VERIFYING', verification: null, abilities: none });
    const viewer = renderApp('/requests/req-1', {
      role: 'VIEWER',
      handlers: { ProviderRequest: () => ({ data: { providerRequest: unverified } }) },
    });
    await screen.findByText(/Not verified/);
    expect(screen.queryByRole('button', { name: 'Record verification' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Search' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reject' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Produce package' })).toBeNull();
    viewer.unmount();

    // The same request, as the API answers an officer: link and verify, move the status.
    const officer = { ...none, link: true, verify: true, changeStatus: true };
    renderApp('/requests/req-1', {
      role: 'PRIVACY_OFFICER',
      handlers: { ProviderRequest: () => ({ data: { providerRequest: { ...unverified, abilities: officer } } }) },
    });
    expect(await screen.findByRole('button', { name: 'Record verification' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Search' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reject' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Produce package' })).toBeNull();
  });
});

describe('provider requests in Japanese', () => {
  it('shows the queue with Japanese headings, filters, urgency and timeline', async () => {
    const overdue = overdueRequest();
    renderApp('/requests', { language: 'ja', handlers: { ProviderRequests: () => page([overdue]) } });
    const table = await screen.findByRole('table', { name: '開示等の請求' });
    expect(screen.getByRole('heading', { name: '開示等の請求' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: '受付番号' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: '期限' })).toBeTruthy();
    expect(within(table).getByText('2日超過')).toBeTruthy();
    // Enum labels from policy-core's catalogue, in Japanese: kind, status, channel.
    expect(within(table).getByText('開示')).toBeTruthy();
    expect(within(table).getAllByText('本人確認中').length).toBeGreaterThan(0);
    expect(within(table).queryByText('Disclosure')).toBeNull();
    expect(within(table).queryByText('Verifying identity')).toBeNull();
    expect(screen.getByRole('button', { name: '請求を登録' })).toBeTruthy();
    expect(screen.getByLabelText('期限の状況')).toBeTruthy();
    expect(screen.getByRole('img', { name: /対応中の請求 1件：期限超過 1件/ })).toBeTruthy();
    expect(screen.queryByText('Provider requests')).toBeNull();
  });

  it("shows a request in Japanese, and an English provider's package in English", async () => {
    renderApp('/requests/req-1', {
      language: 'ja',
      handlers: {
        ProviderRequest: () => ({ data: { providerRequest: buildRequest() } }),
        ProduceDisclosurePackage: () => ({ data: { produceDisclosurePackage: buildPackage() } }),
      },
    });
    // The kind itself comes from REQUEST_KIND_LABEL (made language-aware centrally, issue 16).
    expect(await screen.findByRole('heading', { name: /請求 R-ABCDEFGH23$/ })).toBeTruthy();
    expect(screen.getByText(/受付 2026年4月1日/)).toBeTruthy();
    expect(screen.getByText('本人確認')).toBeTruthy();
    expect(screen.getByRole('table', { name: '請求者' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '開示資料を作成' }));
    const pkg = await screen.findByTestId('disclosure-package');
    // The controls are in the staff member's Japanese; the package in its English provider's language.
    expect(within(pkg).getByRole('button', { name: '印刷' })).toBeTruthy();
    expect(within(pkg).getByRole('button', { name: 'JSON をダウンロード' })).toBeTruthy();
    const items = within(pkg).getByRole('table', { name: 'Personal information held' });
    expect(within(items).getByRole('columnheader', { name: 'Source' })).toBeTruthy();
    expect(within(items).getByText('Name')).toBeTruthy();
    expect(within(pkg).getByText(/SHA-256 of the JSON: a{64}/)).toBeTruthy();
    expect(within(pkg).getByText(/produced 3 Apr 2026/)).toBeTruthy();
  });
});

describe("the provider page's amendments and cessations", () => {
  const rights = () => ({
    data: {
      providerAmendments: [
        {
          id: 'chg-1',
          itemId: 'item-1',
          category: 'NAME' as const,
          action: 'UPDATE' as const,
          before: 'Hanako Yamada',
          after: 'Hanako Suzuki',
          changedAt: '2026-04-03T01:00:00Z',
          changedBy: 'Officer Suzuki',
          requestReference: 'R-ABCDEFGH23',
        },
      ],
      providerCessations: [
        {
          id: 'ces-1',
          action: 'PROVIDE' as const,
          purposeKey: 'JOURNAL_DELIVERY',
          recipientId: null,
          recipientName: null,
          since: '2026-04-03T01:00:00Z',
          recordedBy: 'Officer Suzuki',
          requestReference: 'R-ABCDEFGH23',
        },
      ],
    },
  });
  const handlers = { Provider: () => ({ data: { provider: buildProvider() } }), ProviderRights: rights };

  it('words what was stopped, for which purpose and to whom, in either language', async () => {
    const en = renderApp('/providers/prov-1', { handlers });
    expect(await screen.findByRole('table', { name: 'Amendment history' })).toBeTruthy();
    expect(screen.getByText('Changed')).toBeTruthy();
    expect(screen.getByLabelText('Cessations').textContent).toBe(
      'Stopped: provision for JOURNAL_DELIVERY to anyone since 3 Apr 2026',
    );
    en.unmount();

    renderApp('/providers/prov-1', { language: 'ja', handlers });
    expect(await screen.findByRole('table', { name: '訂正の履歴' })).toBeTruthy();
    expect(screen.getByText('変更')).toBeTruthy();
    expect(screen.getByLabelText('利用停止').textContent).toBe(
      '停止：JOURNAL_DELIVERYのすべての提供先への提供（2026年4月3日から）',
    );
  });
});
