import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, onTestFinished } from 'vitest';
import { buildProvider } from '../../test/factories.js';
import { renderApp } from '../../test/render.js';
import { graphQLError } from '../../test/stub-api.js';

describe('provider detail', () => {
  it('shows the header, data items with public provenance, consents, history and receipts', async () => {
    renderApp('/providers/prov-1', { handlers: { Provider: () => ({ data: { provider: buildProvider() } }) } });
    expect(await screen.findByRole('heading', { name: /R-00001/ })).toBeTruthy();
    expect(screen.getByText('Hanako Yamada', { selector: 'span' })).toBeTruthy();
    expect(screen.getByLabelText('Version 5')).toBeTruthy();

    const items = screen.getByRole('table', { name: 'Personal data items' });
    expect(within(items).getByText('University of Tokyo')).toBeTruthy();
    expect(within(items).getByLabelText('Public: Conference proceedings 2024, author list')).toBeTruthy();

    const journal = screen.getByRole('group', { name: 'Consent for Journal delivery' });
    expect(within(journal).getByText('Granted')).toBeTruthy();
    expect(within(journal).getByText(/policy v3/)).toBeTruthy();
    const events = screen.getByRole('group', { name: 'Consent for Event notices' });
    expect(within(events).getByText('Not asked')).toBeTruthy();

    expect(screen.getByText('Granted — Journal delivery')).toBeTruthy();

    const receipt = screen.getByRole('region', { name: 'Consent receipt rcpt-0001' });
    expect(within(receipt).getByLabelText('Receipt hash').textContent).toBe('c'.repeat(64));
    expect(within(receipt).getByText('The Japan Society for Precision Engineering')).toBeTruthy();
    // The receipt's purposes by title; their keys are for machines, not for the person reading.
    const purposes = within(receipt).getByRole('table', { name: /purposes/i });
    expect(within(purposes).getByText('Journal delivery')).toBeTruthy();
    expect(within(purposes).queryByText(/journal-delivery/)).toBeNull();
  });

  it("shows the provider's language and changes it through the edit form", async () => {
    const provider = buildProvider();
    const { api } = renderApp('/providers/prov-1', {
      handlers: {
        Provider: () => ({ data: { provider } }),
        UpdateProvider: () => ({ data: { updateProvider: { ...provider, language: 'en', version: 6 } } }),
      },
    });
    expect(await screen.findByLabelText('Writes to them in Japanese')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    fireEvent.change(await screen.findByLabelText(/^Language/), { target: { value: 'en' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.callsOf('UpdateProvider')).toHaveLength(1));
    expect(api.callsOf('UpdateProvider')[0]?.variables).toEqual({
      input: { id: 'prov-1', expectedVersion: 5, language: 'en' },
    });
  });

  it('downloads the receipt exactly as issued', async () => {
    const created: Blob[] = [];
    const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
    URL.createObjectURL = (blob: Blob) => {
      created.push(blob);
      return 'blob:receipt';
    };
    URL.revokeObjectURL = () => {};
    onTestFinished(() => {
      URL.createObjectURL = original.create;
      URL.revokeObjectURL = original.revoke;
    });
    const provider = buildProvider();
    renderApp('/providers/prov-1', { handlers: { Provider: () => ({ data: { provider } }) } });
    fireEvent.click(await screen.findByRole('button', { name: 'Download receipt (JSON) rcpt-0001' }));
    expect(created).toHaveLength(1);
    expect(await created[0]!.text()).toBe(provider.collections[0]!.receipt.json);
  });

  it('offers the consent actions policy-core allows and records one with the expected version', async () => {
    const { api } = renderApp('/providers/prov-1', {
      handlers: {
        Provider: () => ({ data: { provider: buildProvider() } }),
        RecordConsent: () => ({ data: { recordConsent: buildProvider({ version: 6 }) } }),
      },
    });
    const journal = await screen.findByRole('group', { name: 'Consent for Journal delivery' });
    expect(within(journal).getByRole('button', { name: 'Withdraw consent for Journal delivery' })).toBeTruthy();
    expect(within(journal).queryByRole('button', { name: /^Grant/ })).toBeNull();
    const events = screen.getByRole('group', { name: 'Consent for Event notices' });
    expect(within(events).getByRole('button', { name: 'Grant consent for Event notices' })).toBeTruthy();
    expect(within(events).getByRole('button', { name: 'Refuse consent for Event notices' })).toBeTruthy();

    fireEvent.click(within(journal).getByRole('button', { name: 'Withdraw consent for Journal delivery' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/Method/), { target: { value: 'EMAIL_REPLY' } });
    fireEvent.change(within(dialog).getByLabelText(/Note/), { target: { value: 'E-mail of 5 May' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Withdraw' }));
    await waitFor(() => expect(api.callsOf('RecordConsent')).toHaveLength(1));
    expect(api.callsOf('RecordConsent')[0]?.variables).toEqual({
      input: {
        providerId: 'prov-1',
        purposeKey: 'journal-delivery',
        action: 'WITHDRAW',
        method: 'EMAIL_REPLY',
        note: 'E-mail of 5 May',
        expectedProviderVersion: 5,
      },
    });
  });

  it('explains a conflict when recording consent', async () => {
    renderApp('/providers/prov-1', {
      handlers: {
        Provider: () => ({ data: { provider: buildProvider() } }),
        RecordConsent: () =>
          graphQLError('CONFLICT', 'Version 6 is current.', {
            field: 'input.expectedProviderVersion',
            currentVersion: 6,
          }),
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Grant consent for Event notices' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/Method/), { target: { value: 'VERBAL' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Grant' }));
    expect(await within(dialog).findByText(/Someone else changed this provider/)).toBeTruthy();
  });

  it('names each action by its visible words first (WCAG 2.5.3), in both languages', async () => {
    const provider = buildProvider();
    for (const language of ['en', 'ja'] as const) {
      const view = renderApp('/providers/prov-1', { language, handlers: { Provider: () => ({ data: { provider } }) } });
      await screen.findByRole('heading', { name: /R-00001/ });
      const buttons = screen.getAllByRole('button');
      const named = buttons.filter((b) => b.getAttribute('aria-label') && b.textContent?.trim());
      expect(named.length).toBeGreaterThan(1);
      // A button's visible label: its first run of text (a collection's row shows more after its date).
      const firstText = (b: HTMLElement) => {
        const walker = document.createTreeWalker(b, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode())
          if (n.textContent?.trim()) return n.textContent.trim();
        return '';
      };
      for (const b of named) {
        const visible = firstText(b);
        expect(b.getAttribute('aria-label')!.slice(0, visible.length)).toBe(visible);
      }
      view.unmount();
    }
    renderApp('/providers/prov-1', { language: 'ja', handlers: { Provider: () => ({ data: { provider } }) } });
    // The category's own label is another change's (components/categories.ts): only the words around it here.
    expect(await screen.findByRole('button', { name: /^公開情報とする（.+）$/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^公開情報から外す（.+）$/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: '控えをダウンロード（JSON） rcpt-0001' })).toBeTruthy();
  });

  it('shows viewers no edit actions', async () => {
    renderApp('/providers/prov-1', {
      role: 'VIEWER',
      handlers: { Provider: () => ({ data: { provider: buildProvider() } }) },
    });
    await screen.findByRole('heading', { name: /R-00001/ });
    expect(screen.queryByRole('link', { name: 'Record collection' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(screen.queryByRole('button', { name: /consent for/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Mark public/ })).toBeNull();
    // Reading stays possible: the receipt can still be downloaded for the provider.
    expect(screen.getByRole('button', { name: 'Download receipt (JSON) rcpt-0001' })).toBeTruthy();
  });

  it('says so when the provider does not exist', async () => {
    renderApp('/providers/nope', { handlers: { Provider: () => graphQLError('NOT_FOUND', 'No provider nope.') } });
    expect(await screen.findByText('No such provider')).toBeTruthy();
  });

  it('speaks Japanese: cards, consent actions by Japanese purpose title, and the consent dialog', async () => {
    renderApp('/providers/prov-1', {
      language: 'ja',
      handlers: { Provider: () => ({ data: { provider: buildProvider() } }) },
    });
    expect(await screen.findByRole('heading', { name: /R-00001/ })).toBeTruthy();
    expect(screen.getByLabelText('本人への連絡言語：日本語')).toBeTruthy();
    expect(screen.getByRole('link', { name: '監査ログを表示' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '編集' })).toBeTruthy();

    const items = screen.getByRole('table', { name: '個人情報の項目' });
    const headers = within(items)
      .getAllByRole('columnheader')
      .map((h) => h.textContent)
      .filter(Boolean);
    expect(headers).toEqual(['項目', '内容', '取得元', '取得経路', '取得日時']);
    expect(screen.getByText('現在の同意')).toBeTruthy();
    expect(screen.getByText('同意履歴')).toBeTruthy();
    expect(screen.getByText('取得記録と同意の控え')).toBeTruthy();

    // The history names the purpose in Japanese though the event carries only the English title.
    expect(screen.getByText(/ — 会誌の送付$/)).toBeTruthy();
    const journal = screen.getByRole('group', { name: '「会誌の送付」への同意' });
    fireEvent.click(within(journal).getByRole('button', { name: '撤回（会誌の送付）' }));
    const dialog = await screen.findByRole('dialog', { name: '同意の撤回 — 会誌の送付' });
    expect(within(dialog).getByText(/が「会誌の送付」への同意を撤回したことを記録します/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '撤回' }));
    expect(await within(dialog).findByText('本人が意思を示した方法を選択してください。')).toBeTruthy();
  });
});
