import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildListItem, providersPage, PURPOSES } from '../../test/factories.js';
import type { Handlers } from '../../test/stub-api.js';
import { renderApp } from '../../test/render.js';

const page1 = Array.from({ length: 3 }, (_, i) => buildListItem(i + 1));
const page2 = [buildListItem(4), buildListItem(5)];

/** 30 providers: two pages of 25. */
const TOTAL = { totalCount: 30, totalCountCapped: false };

function handlers(): Handlers {
  return {
    Purposes: () => ({ data: { purposes: PURPOSES } }),
    Providers: (variables) =>
      variables.after === 'cursor-prov-3'
        ? { data: providersPage(page2, { hasNextPage: false }, TOTAL) }
        : { data: providersPage(page1, { hasNextPage: true, endCursor: 'cursor-prov-3' }, TOTAL) },
  };
}

describe('providers list', () => {
  it('lists providers with reference, name, kind and update time', async () => {
    renderApp('/providers', { handlers: handlers() });
    const table = await screen.findByRole('table', { name: 'Providers' });
    await within(table).findByText('R-00001');
    expect(within(table).getByText('Provider 1')).toBeTruthy();
    expect(within(table).getAllByText('Service user')).toHaveLength(3);
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Reference', 'Name', 'Kind', 'Updated']);
  });

  it('pages forward with after = endCursor and back with the cursor stack', async () => {
    const { api } = renderApp('/providers', { handlers: handlers() });
    await screen.findByText('R-00001');
    const previous = screen.getByRole('button', { name: 'Previous' });
    expect(previous).toHaveProperty('disabled', true);

    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('R-00004');
    const calls = api.callsOf('Providers');
    expect(calls[0]?.variables).toMatchObject({ first: 25, after: null });
    expect(calls.at(-1)?.variables).toMatchObject({ first: 25, after: 'cursor-prov-3' });
    expect(screen.getByText('Page 2 of 2')).toBeTruthy();
    expect(screen.getByText('30 in all')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Next' })).toHaveProperty('disabled', true);
    // Relay cursors only: never an offset.
    for (const call of calls) expect(Object.keys(call.variables).sort()).toEqual(['after', 'first', 'sort']);

    fireEvent.click(screen.getByRole('button', { name: 'Previous' }));
    await screen.findByText('R-00001');
    expect(screen.getByText('Page 1 of 2')).toBeTruthy();
  });

  it('keeps the consent state filter disabled until a purpose is chosen', async () => {
    const { api } = renderApp('/providers', { handlers: handlers() });
    await screen.findByText('R-00001');
    const consent = screen.getByLabelText('Consent state');
    expect(consent).toHaveProperty('disabled', true);

    const purpose = screen.getByLabelText('Purpose');
    await within(purpose).findByText('Event notices');
    fireEvent.change(purpose, { target: { value: 'event-notices' } });
    await waitFor(() => expect(screen.getByLabelText('Consent state')).toHaveProperty('disabled', false));
    fireEvent.change(screen.getByLabelText('Consent state'), { target: { value: 'WITHDRAWN' } });
    await waitFor(() =>
      expect(api.callsOf('Providers').at(-1)?.variables).toMatchObject({
        after: null,
        filter: { purposeKey: 'event-notices', consentState: 'WITHDRAWN' },
      }),
    );
  });

  it('debounces the search and restarts from the first page', async () => {
    const { api } = renderApp('/providers', { handlers: handlers() });
    await screen.findByText('R-00001');
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('R-00004');

    const search = screen.getByRole('searchbox', { name: 'Search' });
    fireEvent.change(search, { target: { value: 'ya' } });
    fireEvent.change(search, { target: { value: 'yama' } });
    fireEvent.change(search, { target: { value: 'yamada' } });
    await waitFor(() =>
      expect(api.callsOf('Providers').at(-1)?.variables).toEqual({
        first: 25,
        after: null,
        filter: { search: 'yamada' },
        sort: { field: 'CREATED', direction: 'DESC' },
      }),
    );
    const searches = api.callsOf('Providers').map((c) => c.variables.filter?.search);
    expect(searches).not.toContain('ya');
    expect(searches).not.toContain('yama');
  });

  it('shows "Record collection" to officers but not to viewers', async () => {
    const officer = renderApp('/providers', { handlers: handlers() });
    await screen.findByText('R-00001');
    expect(screen.getAllByRole('link', { name: 'Record collection' }).length).toBeGreaterThan(0);
    officer.unmount();

    renderApp('/providers', { role: 'VIEWER', handlers: handlers() });
    await screen.findByText('R-00001');
    expect(screen.queryByRole('link', { name: 'Record collection' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Record collection' })).toBeNull();
    expect(within(screen.getByRole('banner')).getByText('Viewer')).toBeTruthy();
  });

  it('opens the provider when a row is clicked', async () => {
    const { router } = renderApp('/providers', {
      handlers: {
        ...handlers(),
        Provider: () => ({ data: null, errors: [{ message: 'x', extensions: { code: 'NOT_FOUND' } }] }),
      },
    });
    fireEvent.click(await screen.findByText('Provider 2'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/providers/prov-2'));
  });

  it('speaks Japanese: title, column headers, filters and the purposes by their Japanese title', async () => {
    renderApp('/providers', { language: 'ja', handlers: handlers() });
    expect(await screen.findByRole('heading', { name: '情報提供者' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: '情報提供者' });
    await within(table).findByText('R-00001');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['管理番号', '氏名', '種別', '更新日時']);
    expect(screen.getByRole('link', { name: '取得を記録' })).toBeTruthy();
    const purpose = screen.getByLabelText('利用目的');
    expect(await within(purpose).findByText('会誌の送付')).toBeTruthy();
    expect(screen.getByLabelText('同意状態')).toHaveProperty('title', '先に利用目的を選択してください');
    expect(screen.getByText(/同意状態で絞り込むには/)).toBeTruthy();
    // The hint says what the search finds now: part of a name without spaces, a reading in either kana.
    expect(screen.getByText(/一部だけでも、スペースなしでも見つかります.*ひらがな・カタカナのどちらでも/)).toBeTruthy();
  });

  it('sorts by reference on the server: the header asks again from page 1 with the sort, and says the order', async () => {
    const { api } = renderApp('/providers', { handlers: handlers() });
    const table = await screen.findByRole('table', { name: 'Providers' });
    fireEvent.click(within(table).getByRole('button', { name: /^Reference/ }));
    await waitFor(() =>
      expect(api.callsOf('Providers').at(-1)?.variables).toMatchObject({
        after: null,
        sort: { field: 'REFERENCE', direction: 'ASC' },
      }),
    );
    expect(
      within(table)
        .getByRole('columnheader', { name: /Reference/ })
        .getAttribute('aria-sort'),
    ).toBe('ascending');
  });
});
