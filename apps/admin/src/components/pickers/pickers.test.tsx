import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { PurposeFieldsFragment } from '@steward/schema';
import { useState, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../app/providers.js';
import type { UiLanguage } from '../../i18n/i18n.js';
import { testTheme } from '../../test/render.js';
import { stubApi, type Handlers } from '../../test/stub-api.js';
import { ProviderMultiPicker } from './ProviderMultiPicker.js';
import { ProviderPicker } from './ProviderPicker.js';
import { PurposePicker } from './PurposePicker.js';
import { RecipientPicker } from './RecipientPicker.js';

const TANAKA = { id: '01900000-0000-7000-8000-000000000001', reference: 'M-0001', displayName: '田中 健' };
const TANABE = { id: '01900000-0000-7000-8000-000000000002', reference: 'M-0002', displayName: '田辺 花子' };
const OPTIONS = [TANAKA, TANABE];

/** The API's picker search as the server answers it: by reference prefix or name, or by ids. */
function providerOptions(names = true): Handlers['ProviderOptions'] {
  return ({ search, ids }) => {
    const wanted = ids === undefined || ids === null ? null : [ids].flat().map(String);
    const shown = wanted
      ? OPTIONS.filter((o) => wanted.includes(o.id))
      : OPTIONS.filter((o) => o.reference.startsWith(search ?? '') || o.displayName.includes(search ?? '∅'));
    return { data: { providerOptions: shown.map((o) => ({ ...o, displayName: names ? o.displayName : null })) } };
  };
}

/** Types into a combobox as a person does: focused first (Mantine treats a change to an unfocused input as autofill). */
function type(input: HTMLElement, value: string) {
  act(() => input.focus());
  fireEvent.change(input, { target: { value } });
}

function renderWith(ui: ReactNode, handlers: Handlers = {}, language: UiLanguage = 'en') {
  const api = stubApi({ Purposes: () => ({ data: { purposes: PURPOSES } }), ...handlers });
  render(
    <AppProviders client={api.client} theme={testTheme} language={language}>
      {ui}
    </AppProviders>,
  );
  return api;
}

function Single({ onChange, initial = null }: { onChange: (id: string | null) => void; initial?: string | null }) {
  const [value, setValue] = useState<string | null>(initial);
  return (
    <ProviderPicker
      label="Provider"
      value={value}
      onChange={(id) => {
        setValue(id);
        onChange(id);
      }}
    />
  );
}

function Multi({ onChange, initial = [] }: { onChange: (ids: string[]) => void; initial?: string[] }) {
  const [value, setValue] = useState<string[]>(initial);
  return (
    <ProviderMultiPicker
      label="Providers"
      value={value}
      onChange={(ids) => {
        setValue(ids);
        onChange(ids);
      }}
    />
  );
}

describe('ProviderPicker', () => {
  it('searches the server once typing pauses and picks the clicked provider by id', async () => {
    const onChange = vi.fn();
    const api = renderWith(<Single onChange={onChange} />, { ProviderOptions: providerOptions() });
    const input = screen.getByRole('combobox', { name: 'Provider' });
    expect(api.callsOf('ProviderOptions')).toHaveLength(0);
    for (const typed of ['田', '田中']) type(input, typed);
    const option = await screen.findByRole('option', { name: /M-0001/ });
    expect(option.textContent).toContain('田中 健');
    // Debounced: one question for what was typed last, none per keystroke.
    expect(api.callsOf('ProviderOptions').map((c) => c.variables)).toEqual([{ search: '田中', first: 20 }]);
    fireEvent.click(option);
    expect(onChange).toHaveBeenLastCalledWith(TANAKA.id);
    await waitFor(() => expect((input as HTMLInputElement).value).toBe('M-0001 · 田中 健'));
    // The chosen label in the input is not a new search.
    await new Promise((r) => setTimeout(r, 300));
    expect(api.callsOf('ProviderOptions')).toHaveLength(1);
  });

  it('is worked by keyboard: arrows move through the matches, Enter picks', async () => {
    const onChange = vi.fn();
    renderWith(<Single onChange={onChange} />, { ProviderOptions: providerOptions() });
    const input = screen.getByRole('combobox', { name: 'Provider' });
    type(input, 'M-000');
    await screen.findByRole('option', { name: /M-0002/ });
    fireEvent.keyDown(input, { key: 'ArrowDown', code: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown', code: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
    expect(onChange).toHaveBeenLastCalledWith(TANABE.id);
  });

  it('shows references only when the API sends no names (a role that may not read them)', async () => {
    renderWith(<Single onChange={() => {}} />, { ProviderOptions: providerOptions(false) });
    type(screen.getByRole('combobox', { name: 'Provider' }), 'M-0001');
    const option = await screen.findByRole('option', { name: 'M-0001' });
    expect(option.textContent).toBe('M-0001');
    expect(screen.queryByText(/田中/)).toBeNull();
  });

  it('labels a provider already chosen by asking for it by id', async () => {
    const api = renderWith(<Single onChange={() => {}} initial={TANABE.id} />, {
      ProviderOptions: providerOptions(),
    });
    const input = screen.getByRole('combobox', { name: 'Provider' }) as HTMLInputElement;
    await waitFor(() => expect(input.value).toBe('M-0002 · 田辺 花子'));
    expect(api.callsOf('ProviderOptions').map((c) => c.variables)).toEqual([{ ids: [TANABE.id], first: 50 }]);
  });

  it('says what to type before anything is typed, and when nothing matches', async () => {
    renderWith(<Single onChange={() => {}} />, { ProviderOptions: providerOptions() }, 'ja');
    const input = screen.getByRole('combobox', { name: 'Provider' });
    fireEvent.click(input);
    expect(await screen.findByText('管理番号、メールアドレス、または氏名の一部を入力してください')).toBeTruthy();
    type(input, 'zzz');
    expect(await screen.findByText('該当する情報提供者はいません')).toBeTruthy();
  });
});

describe('ProviderMultiPicker', () => {
  it('adds each picked provider and labels the ones chosen before', async () => {
    const onChange = vi.fn();
    const api = renderWith(<Multi onChange={onChange} initial={[TANABE.id]} />, {
      ProviderOptions: providerOptions(),
    });
    expect(await screen.findByText('M-0002 · 田辺 花子')).toBeTruthy();
    const input = screen.getByRole('combobox', { name: 'Providers' });
    type(input, 'M-0001');
    fireEvent.click(await screen.findByRole('option', { name: /M-0001/ }));
    expect(onChange).toHaveBeenLastCalledWith([TANABE.id, TANAKA.id]);
    expect(await screen.findByText('M-0001 · 田中 健')).toBeTruthy();
    expect(api.callsOf('ProviderOptions').map((c) => c.variables)).toEqual([
      { ids: [TANABE.id], first: 50 },
      { search: 'M-0001', first: 20 },
    ]);
  });

  it('removes the last pill with Backspace in the empty search', async () => {
    const onChange = vi.fn();
    renderWith(<Multi onChange={onChange} initial={[TANABE.id, TANAKA.id]} />, { ProviderOptions: providerOptions() });
    await screen.findByText('M-0001 · 田中 健');
    fireEvent.keyDown(screen.getByRole('combobox', { name: 'Providers' }), { key: 'Backspace', code: 'Backspace' });
    expect(onChange).toHaveBeenLastCalledWith([TANABE.id]);
  });
});

const PURPOSES: PurposeFieldsFragment[] = [
  {
    id: 'p1',
    key: 'CONFERENCE_REGISTRATION',
    titleEn: 'Conference registration',
    titleJa: '学術大会の参加登録',
    description: '',
    descriptionJa: '',
    categories: ['NAME'],
    introducedInVersion: 1,
    retired: false,
  },
  {
    id: 'p2',
    key: 'EVENT_NEWS',
    titleEn: 'Event news',
    titleJa: '行事のお知らせ',
    description: '',
    descriptionJa: '',
    categories: ['EMAIL'],
    introducedInVersion: 1,
    retired: false,
  },
];

describe('RecipientPicker', () => {
  it('filters the recipients by the words typed and picks one by id', async () => {
    const onChange = vi.fn();
    renderWith(<RecipientPicker label="Recipient" value={null} onChange={onChange} noneLabel="Internal use" />, {
      Recipients: () => ({
        data: {
          recipients: [
            {
              id: 'r1',
              name: 'Kyoto Printing Co.',
              kind: 'CONTRACTOR',
              contact: null,
              notes: null,
              createdAt: '2026-01-01T00:00:00Z',
              credentials: [],
            },
            {
              id: 'r2',
              name: 'Tokyo Mailing Ltd.',
              kind: 'CONTRACTOR',
              contact: null,
              notes: null,
              createdAt: '2026-01-01T00:00:00Z',
              credentials: [],
            },
          ],
        },
      }),
    });
    const input = screen.getByRole('combobox', { name: 'Recipient' });
    expect(input.getAttribute('placeholder')).toBe('Internal use');
    type(input, 'mailing tokyo');
    const option = await screen.findByRole('option', { name: 'Tokyo Mailing Ltd.' });
    expect(screen.queryByRole('option', { name: 'Kyoto Printing Co.' })).toBeNull();
    fireEvent.click(option);
    expect(onChange).toHaveBeenLastCalledWith('r2', expect.anything());
  });
});

describe('PurposePicker', () => {
  it('shows titles in the language shown, finds by either title or the key, and picks the key', async () => {
    const onChange = vi.fn();
    renderWith(<PurposePicker label="利用目的" value={null} onChange={onChange} />, {}, 'ja');
    const input = screen.getByRole('combobox', { name: '利用目的' });
    type(input, 'event');
    const option = await screen.findByRole('option', { name: '行事のお知らせ' });
    expect(screen.queryByRole('option', { name: '学術大会の参加登録' })).toBeNull();
    fireEvent.keyDown(input, { key: 'ArrowDown', code: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
    expect(option).toBeTruthy();
    expect(onChange).toHaveBeenLastCalledWith('EVENT_NEWS', expect.anything());
  });
});
