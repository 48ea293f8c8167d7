import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { LedgerTreeHeadsQuery } from '@steward/schema';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../test/render.js';
import { buildRequest } from '../requests/request-fixtures.js';

type Head = LedgerTreeHeadsQuery['ledgerTreeHeads']['edges'][number]['node'];

const SIGNATURE = `${'S'.repeat(86)}==`;
const KEY = 'MCowBQYDK2VwAyEAkey0000000000000000000000000=';

function head(treeSize: number, overrides: Partial<Head> = {}): Head {
  const rootHash = String(treeSize % 10).repeat(64);
  const timestamp = '2026-12-06T10:00:00.000Z';
  return {
    version: 1,
    treeSize,
    rootHash,
    timestamp,
    providerMapSize: null,
    providerMapRoot: null,
    statement: `steward-tree-head/1\n${treeSize}\n${rootHash}\n${timestamp}\n-`,
    signature: SIGNATURE,
    keyId: 'k2026',
    publicKey: KEY,
    ...overrides,
  };
}

function page(heads: Head[], totalCount: number, hasNextPage: boolean): { data: LedgerTreeHeadsQuery } {
  return {
    data: {
      ledgerTreeHeads: {
        edges: heads.map((node) => ({ cursor: `c${node.treeSize}`, node })),
        pageInfo: { hasNextPage, endCursor: heads.length ? `c${heads[heads.length - 1]!.treeSize}` : null },
        totalCount,
        totalCountCapped: false,
      },
    },
  };
}

describe('signed tree heads', () => {
  const writeText = vi.fn(async (_text: string) => undefined);
  beforeEach(() => {
    writeText.mockClear();
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  });
  afterEach(() => vi.restoreAllMocks());

  it('lists the heads, newest first, for any member of staff, paged "Page N of M"', async () => {
    // The newest is a v2 head (the timer's): it commits to the provider map of 5,210 people too.
    const v2 = `steward-tree-head/2\n1004211\n${'1'.repeat(64)}\n2026-12-06T10:00:00.000Z\n5210\n${'b'.repeat(64)}`;
    const first = Array.from({ length: 25 }, (_, i) =>
      i === 0
        ? head(1_004_211, { version: 2, providerMapSize: 5210, providerMapRoot: 'b'.repeat(64), statement: v2 })
        : head(1_004_211 - i * 1000),
    );
    const { api } = renderApp('/ledger/heads', {
      role: 'VIEWER',
      handlers: {
        LedgerTreeHeads: ({ after }) => (after ? page([head(2000)], 26, false) : page(first, 26, true)),
      },
    });
    await screen.findByText('1,004,211');
    const table = screen.getByRole('table', { name: 'Signed tree heads' });
    expect(within(table).getAllByText('k2026')).toHaveLength(25);
    expect(within(table).getByText('5,210 people')).toBeTruthy();
    expect(within(table).getAllByText('— (inclusion only)')).toHaveLength(24);
    // The root shortened, its whole value copied.
    expect(within(table).getAllByText(/^1{8}…1{4}$/).length).toBeGreaterThan(0);
    expect(screen.getByText(/Page 1 of 2/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /next/i }));
    await screen.findByText('2,000');
    expect(api.callsOf('LedgerTreeHeads').at(-1)!.variables).toEqual({ first: 25, after: 'c980211' });
  });

  it('shows a head’s statement, signature and key in a drawer, and copies its JSON in the wire format', async () => {
    renderApp('/ledger/heads', { language: 'ja', handlers: { LedgerTreeHeads: () => page([head(1234)], 1, false) } });
    fireEvent.click(await screen.findByRole('button', { name: '1,234件のヘッドの詳細' }));
    const drawer = await screen.findByRole('dialog', { name: '署名付きツリーヘッド：1,234件' });
    expect(within(drawer).getByTestId('head-statement').textContent).toBe(head(1234).statement);
    expect(within(drawer).getByLabelText('署名（Ed25519、base64）').textContent).toBe(SIGNATURE);
    expect(within(drawer).getByLabelText('検証用の公開鍵（Ed25519、raw、base64）').textContent).toBe(KEY);
    fireEvent.click(within(drawer).getByRole('button', { name: 'ヘッドの JSON をコピー' }));
    await waitFor(() => expect(writeText).toHaveBeenCalled());
    const copied = JSON.parse(writeText.mock.calls[0]![0]);
    expect(copied).toEqual({
      version: 1,
      treeSize: 1234,
      rootHash: '4'.repeat(64),
      timestamp: '2026-12-06T10:00:00.000Z',
      providerMapRoot: '-',
      signature: SIGNATURE,
    });
  });

  it('says so when no head is signed yet', async () => {
    renderApp('/ledger/heads', { handlers: { LedgerTreeHeads: () => page([], 0, false) } });
    expect(await screen.findByText('No tree head has been signed yet.')).toBeTruthy();
  });
});

describe('the earlier head on a request', () => {
  it('shows the size and signing time of the head the provider handed in', async () => {
    const earlierHead = JSON.stringify({
      version: 2,
      treeSize: 950000,
      rootHash: 'a'.repeat(64),
      timestamp: '2026-11-01T01:00:00.000Z',
      providerMapSize: 10,
      providerMapRoot: 'b'.repeat(64),
      signature: SIGNATURE,
    });
    renderApp('/requests/req-1', {
      handlers: { ProviderRequest: () => ({ data: { providerRequest: buildRequest({ earlierHead }) } }) },
    });
    const line = await screen.findByTestId('earlier-head');
    expect(line.textContent).toMatch(/^Earlier head handed in: size 950,000, signed 1 Nov 2026, 10:00/);
  });

  it('shows nothing when none was handed in', async () => {
    renderApp('/requests/req-1', {
      handlers: { ProviderRequest: () => ({ data: { providerRequest: buildRequest() } }) },
    });
    await screen.findByText('Disclosure package');
    expect(screen.queryByTestId('earlier-head')).toBeNull();
  });
});
