import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { DataCategoryFieldsFragment } from '@steward/schema';
import { describe, expect, it } from 'vitest';
import { buildPurpose, PURPOSES } from '../../test/factories.js';
import { renderApp } from '../../test/render.js';

const CATEGORIES: DataCategoryFieldsFragment[] = [
  { key: 'NAME', labelEn: 'Name', labelJa: '氏名', description: 'Full name', sensitivity: 'MEDIUM' },
];

describe('purposes and data categories', () => {
  it('show titles in English first, Japanese beside them', async () => {
    renderApp('/purposes', { handlers: { Purposes: () => ({ data: { purposes: PURPOSES } }) } });
    const table = await screen.findByRole('table', { name: 'Purposes' });
    const row = (await within(table).findByText('Event notices')).closest('tr')!;
    expect(within(row).getByText('行事のお知らせ').getAttribute('lang')).toBe('ja');
    expect(within(row).getByText('Policy v1')).toBeTruthy();
  });

  it('read in Japanese, with the Japanese titles first', async () => {
    const { api } = renderApp('/purposes', {
      language: 'ja',
      handlers: {
        Purposes: (vars) => ({
          data: {
            purposes: vars?.includeRetired
              ? [...PURPOSES, buildPurpose({ key: 'old', titleEn: 'Old', titleJa: '旧目的', retired: true })]
              : PURPOSES,
          },
        }),
      },
    });
    const table = await screen.findByRole('table', { name: '利用目的' });
    expect(screen.getByRole('heading', { name: '利用目的' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: '必要な項目' })).toBeTruthy();
    const row = (await within(table).findByText('行事のお知らせ')).closest('tr')!;
    expect(within(row).getByText('Event notices').getAttribute('lang')).toBe('en');
    expect(within(row).getByText('有効')).toBeTruthy();
    fireEvent.click(screen.getByRole('switch', { name: '廃止した利用目的も表示' }));
    expect(await within(table).findByText('廃止')).toBeTruthy();
    await waitFor(() => expect(api.callsOf('Purposes').some((c) => c.variables?.includeRetired)).toBe(true));
  });

  it('name the data categories in the language shown, with the other language as a column', async () => {
    renderApp('/data-categories', {
      language: 'ja',
      handlers: { DataCategories: () => ({ data: { dataCategories: CATEGORIES } }) },
    });
    const table = await screen.findByRole('table', { name: '個人情報の項目' });
    expect(within(table).getByRole('columnheader', { name: 'English' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: '要配慮の程度' })).toBeTruthy();
    const row = (await within(table).findByText('氏名')).closest('tr')!;
    expect(within(row).getByText('Name').getAttribute('lang')).toBe('en');
  });
});
