import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { LedgerActivityQuery, LedgerEntriesQuery } from '@steward/schema';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render.js';
import { buildPurpose } from '../../test/factories.js';
import type { Handler, Handlers } from '../../test/stub-api.js';
import { activityByDay } from './activity.js';

type Entry = LedgerEntriesQuery['ledgerEntries']['edges'][number]['node'];

const PROVIDER = '0196a0a0-0000-7000-8000-000000000001';
const COURIER = '0196a0a0-0000-7000-8000-0000000000c1';
const EXCEPTION = '0196a0a0-0000-7000-8000-0000000000e1';

function entry(sequence: number, overrides: Partial<Entry> = {}): Entry {
  return {
    sequence,
    id: `0196a0a0-0000-7000-8000-${String(sequence).padStart(12, '0')}`,
    recordedAt: '2026-11-20T09:30:00.000Z',
    kind: 'DECISION',
    actor: 'admin:0196a0a0-0000-7000-8000-00000000ad01',
    actedBy: {
      ref: 'admin:0196a0a0-0000-7000-8000-00000000ad01',
      kind: 'STAFF',
      name: 'Hana Sato',
      role: 'PRIVACY_OFFICER',
    },
    providerId: PROVIDER,
    provider: { id: PROVIDER, reference: 'M-0042', displayName: 'Kaito Mori' },
    purposeKey: 'JOURNAL_DELIVERY',
    recipientId: null,
    categories: ['NAME', 'POSTAL_ADDRESS'],
    outcome: 'ALLOWED',
    basisKind: 'CONSENT',
    exceptionId: null,
    exceptionKind: null,
    exceptionTitle: null,
    policyVersion: 1,
    ...overrides,
  };
}

function page(
  entries: Entry[],
  hasNextPage = false,
  totalCount = entries.length,
  totalCountCapped = false,
): { data: LedgerEntriesQuery } {
  return {
    data: {
      ledgerEntries: {
        edges: entries.map((node) => ({ cursor: `cursor-${node.sequence}`, node })),
        totalCount,
        totalCountCapped,
        pageInfo: {
          hasNextPage,
          hasPreviousPage: false,
          startCursor: null,
          endCursor: entries.length ? `cursor-${entries[entries.length - 1]!.sequence}` : null,
        },
      },
    },
  };
}

const activity: LedgerActivityQuery = {
  ledgerActivity: {
    from: '2026-11-18',
    to: '2026-11-20',
    buckets: [
      { day: '2026-11-18', kind: 'DECISION', action: 'USE', basisKind: 'CONSENT', outcome: 'ALLOWED', count: 3 },
      { day: '2026-11-20', kind: 'PROVISION', action: 'PROVIDE', basisKind: 'EXCEPTION', outcome: 'ALLOWED', count: 5 },
      { day: '2026-11-20', kind: 'DECISION', action: 'PROVIDE', basisKind: 'EXCEPTION', outcome: 'ALLOWED', count: 1 },
      { day: '2026-11-20', kind: 'DECISION', action: 'USE', basisKind: null, outcome: 'DENIED', count: 2 },
    ],
  },
};

function handlers(entries: Handler<'LedgerEntries'>): Handlers {
  return {
    ProviderOptions: ({ search, ids }) => ({
      data: {
        providerOptions:
          search === 'M-07' || ids ? [{ id: PROVIDER, reference: 'M-0701', displayName: 'Mori Aiko' }] : [],
      },
    }),
    LedgerEntries: entries,
    LedgerActivity: () => ({ data: activity }),
    Purposes: () => ({
      data: {
        purposes: [
          buildPurpose({ key: 'JOURNAL_DELIVERY', titleEn: 'Journal delivery', titleJa: '会誌の送付' }),
          buildPurpose({ key: 'EVENT_NEWS', titleEn: 'Event news', titleJa: '行事のお知らせ' }),
        ],
      },
    }),
    Recipients: () => ({
      data: {
        recipients: [
          {
            id: COURIER,
            name: 'Yamato Courier',
            kind: 'CONTRACTOR',
            contact: null,
            notes: null,
            createdAt: '2026-11-01T00:00:00.000Z',
            credentials: [],
          },
        ],
      },
    }),
  };
}

describe('ledger explorer', () => {
  const provision = () =>
    entry(12, {
      kind: 'PROVISION',
      actor: 'partner:0196a0a0-0000-7000-8000-0000000000c2',
      actedBy: {
        ref: 'partner:0196a0a0-0000-7000-8000-0000000000c2',
        kind: 'RECIPIENT_SYSTEM',
        name: 'Yamato Courier',
        role: null,
      },
      recipientId: COURIER,
      basisKind: 'EXCEPTION',
      exceptionId: EXCEPTION,
      exceptionKind: 'OUTSOURCING',
      exceptionTitle: 'Journal delivery by courier',
    });
  // A viewer's page: the API sends the reference without the name.
  const denied = () =>
    entry(11, {
      outcome: 'DENIED',
      basisKind: null,
      purposeKey: 'EVENT_NEWS',
      provider: { id: PROVIDER, reference: 'M-0042', displayName: null },
    });

  it('lists entries in names: who acted, the provider, the purpose, categories and the exception by its title', async () => {
    renderApp('/ledger/entries', { handlers: handlers(() => page([provision(), denied()])) });
    const table = await screen.findByRole('table', { name: 'Ledger entries' });
    await within(table).findByText('12');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    const first = rows[1]!.textContent;
    expect(first).toContain('Provision');
    expect(first).toContain("Yamato Courier (the recipient's system, with a partner key)");
    expect(first).toContain('Permitted exception: Journal delivery by courier');
    expect(first).toContain('M-0042 · Kaito Mori');
    await waitFor(() => expect(rows[1]!.textContent).toContain('Journal delivery'));
    expect(first).toContain('Name, Postal address');
    for (const raw of [
      'PROVISION',
      'partner:',
      'OUTSOURCING',
      'JOURNAL_DELIVERY',
      'POSTAL_ADDRESS',
      PROVIDER.slice(0, 8),
    ])
      expect(rows[1]!.textContent).not.toContain(raw);
    const second = rows[2]!.textContent;
    expect(second).toContain('Hana Sato (staff, Privacy officer)');
    expect(second).toContain('Denied');
    expect(second).toContain('Event news');
    expect(second).toContain('M-0042');
    expect(second).not.toContain('Kaito Mori');
    expect(within(rows[1]!).getByRole('link', { name: 'M-0042 · Kaito Mori' }).getAttribute('href')).toBe(
      `/providers/${PROVIDER}`,
    );
  });

  it('tells the page and the total under the table, and only the total when it is capped', async () => {
    let capped = false;
    renderApp('/ledger/entries', {
      handlers: handlers(() =>
        capped ? page([denied()], true, 10000, true) : page([provision(), denied()], true, 120),
      ),
    });
    const nav = await screen.findByRole('navigation', { name: /Ledger entries/ });
    expect(await within(nav).findByText('Page 1 of 3')).toBeTruthy();
    expect(within(nav).getByText('120 in all')).toBeTruthy();
    capped = true;
    fireEvent.click(within(nav).getByRole('button', { name: 'Next' }));
    expect(await within(nav).findByText('10,000+ in all')).toBeTruthy();
    expect(within(nav).getByText('Page 2')).toBeTruthy();
  });

  it('words the same names in Japanese', async () => {
    renderApp('/ledger/entries', { language: 'ja', handlers: handlers(() => page([provision(), denied()])) });
    const table = await screen.findByRole('table');
    await within(table).findByText('12');
    const rows = within(table).getAllByRole('row');
    await waitFor(() => expect(rows[1]!.textContent).toContain('会誌の送付'));
    expect(rows[1]!.textContent).toContain('第三者提供');
    expect(rows[1]!.textContent).toContain('M-0042・Kaito Mori');
    expect(rows[1]!.textContent).toContain('氏名、住所');
    expect(rows[2]!.textContent).toContain('事務局 Hana Sato（');
    expect(rows[2]!.textContent).toContain('行事のお知らせ');
  });

  it('sends the filters and starts paging again when they change', async () => {
    const { api } = renderApp('/ledger/entries', {
      handlers: handlers((vars) => page([entry(vars.after ? 1 : 2)], !vars.after, 51)),
    });
    await screen.findByRole('table', { name: 'Ledger entries' });
    // The first page's answer enables Next: a click before it (a slow machine) would do nothing.
    const next = await screen.findByRole('button', { name: 'Next' });
    await waitFor(() => expect(next.hasAttribute('disabled')).toBe(false));
    fireEvent.click(next);
    await waitFor(() =>
      expect(api.calls.some((c) => c.operationName === 'LedgerEntries' && c.variables.after === 'cursor-2')).toBe(true),
    );
    await screen.findByText('Page 2 of 2');

    fireEvent.change(screen.getByLabelText('Basis'), { target: { value: 'EXCEPTION' } });
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'PROVISION' } });
    fireEvent.change(screen.getByLabelText('Outcome'), { target: { value: 'ALLOWED' } });
    await waitFor(() => expect(screen.getByLabelText('Recipient').textContent).toContain('Yamato Courier'));
    fireEvent.change(screen.getByLabelText('Recipient'), { target: { value: COURIER } });
    // The provider by reference or name, not a pasted id.
    const provider = screen.getByRole('combobox', { name: 'Provider' });
    provider.focus(); // Mantine ignores changes to an input that does not have the focus (autofill)
    fireEvent.change(provider, { target: { value: 'M-07' } });
    fireEvent.click(await screen.findByRole('option', { name: /M-0701/ }));

    await waitFor(() => {
      const last = api.calls.filter((c) => c.operationName === 'LedgerEntries').at(-1)!;
      expect(last.variables).toEqual({
        first: 50,
        after: null,
        filter: {
          basisKind: 'EXCEPTION',
          kind: 'PROVISION',
          outcome: 'ALLOWED',
          recipientId: COURIER,
          providerId: PROVIDER,
        },
      });
    });
    expect(screen.getByText('Page 1 of 2')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() =>
      expect(api.calls.filter((c) => c.operationName === 'LedgerEntries').at(-1)!.variables.filter).toEqual({}),
    );
  });

  it('filters by a purpose the policy does not state, checking its key', async () => {
    const { api } = renderApp('/ledger/entries', {
      handlers: handlers(() => page([entry(3, { purposeKey: 'INQUIRY_2026_0042' })])),
    });
    await screen.findByRole('table', { name: 'Ledger entries' });
    fireEvent.change(screen.getByLabelText('Purpose'), { target: { value: '__other__' } });
    fireEvent.change(screen.getByLabelText('Purpose key'), { target: { value: 'inquiry-42' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply key' }));
    expect(await screen.findByText(/upper-case|A-Z|letters/i)).toBeTruthy();
    expect(
      api.calls.filter((c) => c.operationName === 'LedgerEntries').every((c) => !c.variables.filter?.purposeKey),
    ).toBe(true);

    fireEvent.change(screen.getByLabelText('Purpose key'), { target: { value: 'INQUIRY_2026_0042' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply key' }));
    await waitFor(() =>
      expect(api.calls.filter((c) => c.operationName === 'LedgerEntries').at(-1)!.variables.filter).toEqual({
        purposeKey: 'INQUIRY_2026_0042',
      }),
    );
  });

  it('draws uses and provisions apart, each with a text summary and a data table', async () => {
    renderApp('/ledger/entries', { handlers: handlers(() => page([])) });
    const uses = await screen.findByRole('img', { name: /^Uses per day \(UTC\)/ });
    const useLabel = uses.getAttribute('aria-label')!;
    expect(useLabel).toContain('from 18 Nov 2026 to 20 Nov 2026: 5 in all');
    expect(useLabel).toContain('consent 3');
    expect(useLabel).toContain('permitted exception 0');
    expect(useLabel).toContain('denied 2');
    expect(useLabel).toContain('Busiest day: 18 Nov 2026 with 3');
    expect(useLabel).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // Drawn by @mantine/charts (loaded lazily): one bar segment per day and series with entries.
    await waitFor(() => expect(uses.querySelectorAll('path.recharts-rectangle[name="CONSENT"]')).toHaveLength(1));
    expect(uses.querySelectorAll('path.recharts-rectangle[name="DENIED"]')).toHaveLength(1);
    expect(uses.querySelectorAll('path.recharts-rectangle[name="EXCEPTION"]')).toHaveLength(0);

    const provisions = screen.getByRole('img', { name: /^Provisions per day \(UTC\)/ });
    expect(provisions.getAttribute('aria-label')).toContain('6 in all');
    expect(provisions.getAttribute('aria-label')).toContain('permitted exception 6');
    const table = screen.getByRole('table', { name: 'Provisions by day (UTC)', hidden: true });
    const rows = within(table).getAllByRole('row', { hidden: true });
    expect(rows.map((r) => r.textContent)).toEqual([
      'Day (UTC)ConsentPublicly availablePermitted exceptionDeniedTotal',
      '20 Nov 202600606',
    ]);
    expect(await screen.findByText('No ledger entries match.')).toBeTruthy();
  });

  it('reads in Japanese, the chart summary included', async () => {
    renderApp('/ledger/entries', {
      language: 'ja',
      handlers: handlers(() => page([entry(12, { basisKind: 'EXCEPTION', exceptionKind: 'OUTSOURCING' })])),
    });
    const table = await screen.findByRole('table', { name: '台帳の記録' });
    expect(screen.getByRole('heading', { name: '台帳の記録' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: '根拠' })).toBeTruthy();
    // An exception whose title is not known is named by its kind's label, never its code.
    expect(await within(table).findByText(/^目的外利用の例外（.*委託.*）$/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '絞り込みを解除' })).toBeTruthy();
    const uses = await screen.findByRole('img', { name: /^2026年11月18日〜2026年11月20日の1日ごとの利用（UTC）/ });
    expect(uses.getAttribute('aria-label')).toContain('合計5件（同意3件、公開情報0件、目的外利用の例外0件、拒否2件）');
    expect(screen.getByRole('table', { name: '日別の第三者提供（UTC）', hidden: true })).toBeTruthy();
    expect(within(screen.getByLabelText('種別')).getByRole('option', { name: '第三者提供' })).toBeTruthy();
  });

  it("shows the last verification job's result, never walking the chain itself", async () => {
    const { api } = renderApp('/ledger/entries', {
      handlers: {
        ...handlers(() => page([])),
        LedgerStatus: () => ({
          data: {
            ledgerStatus: {
              headSequence: 9,
              headHash: 'cd'.repeat(32),
              lastCheckpoint: null,
              unsignedEntries: 9,
              checkpointPublicKey: 'k',
              lastVerification: {
                jobId: 'j',
                finishedAt: '2026-04-01T09:30:00.000Z',
                ok: false,
                checkedEntries: 4,
                headSequence: 9,
                headHash: 'cd'.repeat(32),
                firstFailureSequence: 5,
                errorCode: 'LEDGER_VERIFICATION_FAILED',
                startedBy: null,
              },
              runningVerification: null,
            },
          },
        }),
      },
    });
    const status = await screen.findByRole('status', { name: 'Ledger verification' });
    await waitFor(() => expect(status.textContent).toContain('Chain fails at entry 5'));
    expect(status.textContent).toMatch(/Last verified .*2026/);
    expect(api.calls.some((c) => c.operationName === 'VerifyLedger')).toBe(false);
  });

  it('is linked from the ledger page and the navigation, and not offered to viewers', async () => {
    renderApp('/ledger', { handlers: { LedgerStatus: () => ({ data: null }) } });
    expect((await screen.findByRole('link', { name: 'Browse entries' })).getAttribute('href')).toBe('/ledger/entries');
    expect(screen.getByRole('link', { name: 'Ledger entries' }).getAttribute('href')).toBe('/ledger/entries');
  });

  it('tells viewers it is for owners and privacy officers', async () => {
    renderApp('/ledger/entries', { role: 'VIEWER', handlers: {} });
    expect((await screen.findByRole('alert')).textContent).toContain('Owners and privacy officers explore the ledger');
    expect(screen.queryByRole('link', { name: 'Ledger entries' })).toBeNull();
  });
});

describe('activityByDay', () => {
  it('fills every day and sorts counts into series', () => {
    const days = activityByDay('2026-11-18', '2026-11-20', activity.ledgerActivity.buckets);
    expect(days.map((d) => [d.day, d.total])).toEqual([
      ['2026-11-18', 3],
      ['2026-11-19', 0],
      ['2026-11-20', 8],
    ]);
    expect(days[2]!.counts).toEqual({ CONSENT: 0, PUBLICLY_AVAILABLE: 0, EXCEPTION: 6, DENIED: 2 });
  });

  it('counts only the uses or only the provisions when asked', () => {
    const uses = activityByDay('2026-11-18', '2026-11-20', activity.ledgerActivity.buckets, 'USE');
    expect(uses.map((d) => d.total)).toEqual([3, 0, 2]);
    const provisions = activityByDay('2026-11-18', '2026-11-20', activity.ledgerActivity.buckets, 'PROVIDE');
    expect(provisions[2]!.counts).toEqual({ CONSENT: 0, PUBLICLY_AVAILABLE: 0, EXCEPTION: 6, DENIED: 0 });
  });
});
