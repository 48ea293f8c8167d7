import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../test/render.js';

describe('the admin in Japanese and English', () => {
  it('shows the navigation in Japanese, with <html lang="ja">, and switches to English at once', async () => {
    renderApp('/providers', { language: 'ja' });
    const nav = await screen.findByRole('navigation', { name: 'メインメニュー' });
    expect(within(nav).getByText('情報提供者')).toBeTruthy();
    expect(document.documentElement.lang).toBe('ja');

    fireEvent.click(screen.getByText('English'));
    const english = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(within(english).getByText('Providers')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('steward.language')).toBe('en');
  });
});
