import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { CombinedError } from 'urql';
import { useState, type ComponentProps, type ReactNode } from 'react';
import { createMemoryRouter, Link, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { UiLanguage } from '../i18n/i18n.js';
import { LocaleProvider } from '../i18n/locale.js';
import { DataTable, type DataColumn } from './DataTable.js';
import { useCursorStack } from './use-cursor-stack.js';

type Item = { id: string; name: string; count: number };

const ITEMS: Item[] = [
  { id: 'a', name: 'Alpha', count: 3 },
  { id: 'b', name: 'Beta', count: 5 },
];

const COLUMNS: DataColumn<Item>[] = [
  { id: 'name', header: 'Name', value: (i) => i.name, cell: (i) => <Link to={`/items/${i.id}`}>{i.name}</Link> },
  { id: 'count', header: 'Count', value: (i) => i.count },
];

type Props = Partial<ComponentProps<typeof DataTable<Item>>>;

/** Mantine and the words (English unless asked). */
function Shell({ language = 'en', children }: { language?: UiLanguage; children: ReactNode }) {
  return (
    <MantineProvider>
      <LocaleProvider language={language}>{children}</LocaleProvider>
    </MantineProvider>
  );
}

function renderTable(props: Props = {}, language: UiLanguage = 'en') {
  const router = createMemoryRouter(
    [
      {
        path: '/',
        element: (
          <DataTable<Item>
            label="Items"
            columns={COLUMNS}
            rows={ITEMS}

            empty="No items."
            {...props}
          />
        ),
      },
      { path: '/items/:id', element: <p>Item page</p> },
    ],
    { initialEntries: ['/'] },
  );
  render(
    <Shell language={language}>
      <RouterProvider router={router} />
    </Shell>,
  );
  return router;
}

describe('DataTable', () => {
  it('renders a header row and one row per item, with plain values where no cell is given', () => {
    renderTable();
    const table = screen.getByRole('table', { name: 'Items' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual(['NameCount', 'Alpha3', 'Beta5']);
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Name', 'Count']);
  });

  it('shows the empty text in one row spanning every column, but not while loading or failed', () => {
    renderTable({ rows: [] });
    const cell = screen.getByText('No items.').closest('td');
    expect(cell?.getAttribute('colspan')).toBe('2');
  });

  it('does not claim emptiness while fetching or after an error; the error is shown with a retry', () => {
    const onRetry = vi.fn();
    renderTable({
      rows: [],
      query: {
        fetching: false,
        error: new CombinedError({ graphQLErrors: [{ message: 'Nope', extensions: { code: 'FORBIDDEN' } }] }),
        refetch: onRetry,
      },
    });
    expect(screen.queryByText('No items.')).toBeNull();
    expect(screen.getByRole('alert')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('stands a named loader in for the table until the first answer when asked to', () => {
    renderTable({ rows: [], query: { fetching: true }, loadingLabel: 'Loading items' });
    expect(screen.getByRole('status', { name: 'Loading items' })).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('keeps the table (and its rows) while refetching without a loader label', () => {
    renderTable({ query: { fetching: true } });
    expect(within(screen.getByRole('table', { name: 'Items' })).getAllByRole('row')).toHaveLength(3);
    expect(screen.queryByText('No items.')).toBeNull();
  });

  it('opens a row’s page on a click anywhere in the row; a link inside keeps its own target', async () => {
    const router = renderTable({ rowHref: (i) => `/items/${i.id}?from=row` });
    fireEvent.click(screen.getByText('5'));
    expect(await screen.findByText('Item page')).toBeTruthy();
    expect(router.state.location.search).toBe('?from=row');
  });

  it('follows the link when the link itself is clicked', async () => {
    const router = renderTable({ rowHref: (i) => `/items/${i.id}?from=row` });
    fireEvent.click(screen.getByRole('link', { name: 'Alpha' }));
    expect(await screen.findByText('Item page')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/items/a');
    expect(router.state.location.search).toBe('');
  });

  it('adds per-row attributes', () => {
    renderTable({ rowProps: (i) => (i.count > 4 ? { 'data-many': 'true' } : {}) });
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows.map((r) => r.getAttribute('data-many'))).toEqual([null, null, 'true']);
  });

  it('pages by cursor: Next pushes the end cursor, Previous pops it', () => {
    const seen: (string | null)[] = [];
    function Paged() {
      const paging = useCursorStack();
      const [pageInfo] = useState({ hasNextPage: true, endCursor: 'cursor-b' });
      seen.push(paging.after);
      return (
        <DataTable<Item>
          label="Items"
          columns={COLUMNS}
          rows={ITEMS}

          empty="No items."
          pagination={{ paging, pageInfo }}
        />
      );
    }
    const router = createMemoryRouter([{ path: '/', element: <Paged /> }]);
    render(
      <Shell>
        <RouterProvider router={router} />
      </Shell>,
    );
    const nav = screen.getByRole('navigation', { name: 'Items pages' });
    const previous = within(nav).getByRole('button', { name: 'Previous' });
    expect(previous.hasAttribute('disabled')).toBe(true);
    fireEvent.click(within(nav).getByRole('button', { name: 'Next' }));
    expect(seen.at(-1)).toBe('cursor-b');
    expect(within(nav).getByText('Page 2')).toBeTruthy();
    fireEvent.click(within(nav).getByRole('button', { name: 'Previous' }));
    expect(seen.at(-1)).toBeNull();
    expect(within(nav).getByText('Page 1')).toBeTruthy();
  });

  it('keeps cells mounted across renders with freshly built columns', () => {
    function Counting() {
      const [renders, setRenders] = useState(0);
      const columns: DataColumn<Item>[] = [
        { id: 'name', header: 'Name', cell: (i) => <button onClick={() => setRenders((n) => n + 1)}>{i.name}</button> },
        { id: 'renders', header: 'Renders', value: () => renders },
      ];
      return <DataTable<Item> label="Items" columns={columns} rows={ITEMS} empty="No items." />;
    }
    const router = createMemoryRouter([{ path: '/', element: <Counting /> }]);
    render(
      <Shell>
        <RouterProvider router={router} />
      </Shell>,
    );
    const button = screen.getByRole('button', { name: 'Alpha' });
    fireEvent.click(button);
    expect(within(screen.getByRole('table')).getAllByRole('row')[1]!.textContent).toBe('Alpha1');
    expect(screen.getByRole('button', { name: 'Alpha' })).toBe(button);
  });

  it('disables Next on the last page', () => {
    renderTable({
      pagination: {
        paging: { page: 1, hasPrevious: false, next: vi.fn(), previous: vi.fn() },
        pageInfo: { hasNextPage: false, endCursor: 'x' },
      },
    });
    expect(screen.getByRole('button', { name: 'Next' }).hasAttribute('disabled')).toBe(true);
  });

  it('speaks Japanese: the retry, the pagination landmark, its buttons and page number', () => {
    renderTable(
      {
        rows: [],
        query: {
          fetching: false,
          error: new CombinedError({ graphQLErrors: [{ message: 'Nope', extensions: { code: 'FORBIDDEN' } }] }),
          refetch: vi.fn(),
        },
        label: '項目',
        pagination: {
          paging: { page: 3, hasPrevious: true, next: vi.fn(), previous: vi.fn() },
          pageInfo: { hasNextPage: true, endCursor: 'x' },
        },
      },
      'ja',
    );
    expect(screen.getByRole('button', { name: '再試行' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: '項目のページ送り' });
    expect(within(nav).getByText('3 ページ')).toBeTruthy();
    expect(within(nav).getByRole('button', { name: '前へ' })).toBeTruthy();
    expect(within(nav).getByRole('button', { name: '次へ' })).toBeTruthy();
  });

  it('sorts a complete list in the browser from a sortable header, stating the order with aria-sort', () => {
    renderTable({
      columns: [COLUMNS[0]!, { ...COLUMNS[1]!, sortable: true }],
      rows: [ITEMS[1]!, ITEMS[0]!, { id: 'c', name: 'Gamma', count: 4 }],
    });
    const header = screen.getByRole('columnheader', { name: /Count/ });
    expect(header.getAttribute('aria-sort')).toBe('none');
    // A header that does not sort is plain text, with no sort state.
    expect(screen.getByRole('columnheader', { name: 'Name' }).getAttribute('aria-sort')).toBeNull();
    const names = () =>
      screen
        .getAllByRole('row')
        .slice(1)
        .map((r) => within(r).getAllByRole('cell')[0]!.textContent);
    expect(names()).toEqual(['Beta', 'Alpha', 'Gamma']);
    fireEvent.click(within(header).getByRole('button', { name: /^Count/ }));
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    expect(names()).toEqual(['Alpha', 'Gamma', 'Beta']);
    fireEvent.click(within(header).getByRole('button', { name: /^Count/ }));
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(names()).toEqual(['Beta', 'Gamma', 'Alpha']);
  });

  it('asks the server for a paged list: a header click calls onChange with the field and the next direction', () => {
    const onChange = vi.fn();
    renderTable({
      columns: [
        { ...COLUMNS[0]!, sortField: 'NAME' },
        { ...COLUMNS[1]!, sortField: 'COUNT' },
      ],
      sort: { value: { field: 'NAME', direction: 'ASC' }, onChange },
    });
    const name = screen.getByRole('columnheader', { name: /Name/ });
    expect(name.getAttribute('aria-sort')).toBe('ascending');
    expect(screen.getByRole('columnheader', { name: /Count/ }).getAttribute('aria-sort')).toBe('none');
    // The rows stay in the server's order: the table does not re-sort them itself.
    fireEvent.click(within(name).getByRole('button', { name: /^Name/ }));
    expect(onChange).toHaveBeenLastCalledWith({ field: 'NAME', direction: 'DESC' });
    fireEvent.click(screen.getByRole('button', { name: /^Count/ }));
    expect(onChange).toHaveBeenLastCalledWith({ field: 'COUNT', direction: 'ASC' });
  });

  it('shows "Page N of M" and the total under the table, and "10,000+" when the count is capped', () => {
    const paging = { page: 2, hasPrevious: true, next: vi.fn(), previous: vi.fn() };
    const pageInfo = { hasNextPage: true, endCursor: 'x' };
    renderTable({
      pagination: { paging, pageInfo, pageSize: 25, total: { totalCount: 1234, totalCountCapped: false } },
    });
    const nav = screen.getByRole('navigation', { name: 'Items pages' });
    expect(within(nav).getByText('Page 2 of 50')).toBeTruthy();
    expect(within(nav).getByText('1,234 in all')).toBeTruthy();
  });

  it('says a capped total as "10,000+" in both languages, with no last page', () => {
    const paging = { page: 1, hasPrevious: false, next: vi.fn(), previous: vi.fn() };
    const total = { totalCount: 10000, totalCountCapped: true };
    renderTable({ pagination: { paging, pageInfo: null, pageSize: 25, total } }, 'ja');
    const nav = screen.getByRole('navigation', { name: 'Itemsのページ送り' });
    expect(within(nav).getByText('1 ページ')).toBeTruthy();
    expect(within(nav).getByText('10,000 件以上')).toBeTruthy();
  });
});
