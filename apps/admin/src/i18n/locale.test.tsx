import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useTranslation } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../components/format.js';
import { buildListItem, collectionFormOptions, providersPage } from '../test/factories.js';
import { renderApp } from '../test/render.js';
import { LocaleProvider, useLocale } from './locale.js';

describe('the admin in Japanese and English', () => {
  it('shows the navigation in Japanese, with <html lang="ja">, and switches to English at once', async () => {
    renderApp('/providers', { language: 'ja' });
    const nav = await screen.findByRole('navigation', { name: 'メインメニュー' });
    expect(within(nav).getByText('情報提供者')).toBeTruthy();
    expect(document.documentElement.lang).toBe('ja');

    fireEvent.click(within(screen.getByRole('banner')).getByText('English'));
    const english = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(within(english).getByText('Providers')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('steward.language')).toBe('en');
  });

  it('keeps what a form holds when the language is switched (no remount)', async () => {
    renderApp('/collections/new', { handlers: { CollectionFormOptions: () => ({ data: collectionFormOptions(3) }) } });
    const value = (await screen.findByLabelText('Item 1 value')) as HTMLInputElement;
    fireEvent.change(value, { target: { value: 'Hanako Yamada' } });

    fireEvent.click(within(screen.getByRole('banner')).getByText('日本語'));
    await screen.findByRole('navigation', { name: 'メインメニュー' });
    const after = (await screen.findByLabelText('項目1の内容')) as HTMLInputElement;
    expect(after.value).toBe('Hanako Yamada');
    expect(after).toBe(value);
  });

  it('rewrites the dates of a page in the new language', async () => {
    renderApp('/providers', {
      handlers: {
        Providers: () => ({ data: providersPage([buildListItem(1, { updatedAt: '2026-12-06T01:00:00Z' })]) }),
      },
    });
    expect(await screen.findByText(/6 Dec 2026/)).toBeTruthy();
    fireEvent.click(within(screen.getByRole('banner')).getByText('日本語'));
    expect(await screen.findByText(/2026年12月6日/)).toBeTruthy();
    expect(screen.queryByText(/6 Dec 2026/)).toBeNull();
  });

  it('re-renders a component that shows only dates (it reads the locale) on a switch', async () => {
    function DatesOnly() {
      useLocale();
      return <p data-testid="date">{formatDate('2026-12-06T01:00:00Z', 'Asia/Tokyo')}</p>;
    }
    function DatesThroughTranslation() {
      useTranslation();
      return <p data-testid="date-t">{formatDate('2026-12-06T01:00:00Z', 'Asia/Tokyo')}</p>;
    }
    let switchTo: ((language: 'ja' | 'en') => void) | undefined;
    function Switcher() {
      switchTo = useLocale().setLanguage;
      return null;
    }
    render(
      <LocaleProvider language="en">
        <Switcher />
        <DatesOnly />
        <DatesThroughTranslation />
      </LocaleProvider>,
    );
    expect(screen.getByTestId('date').textContent).toBe('6 Dec 2026');
    act(() => switchTo!('ja'));
    await waitFor(() => expect(screen.getByTestId('date').textContent).toBe('2026年12月6日'));
    expect(screen.getByTestId('date-t').textContent).toBe('2026年12月6日');
  });
});
