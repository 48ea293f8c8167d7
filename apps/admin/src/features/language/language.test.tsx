import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ORGANISATION_SETTINGS, sessionUser } from '../../test/factories.js';
import { renderApp } from '../../test/render.js';

describe('who reads which language', () => {
  beforeEach(() => localStorage.clear());

  it('after sign-in, speaks the member’s language even where this browser chose another', async () => {
    renderApp('/providers', {
      language: 'en',
      handlers: { Me: () => ({ data: { me: { ...sessionUser(), language: 'JA', effectiveLanguage: 'JA' } } }) },
    });
    expect(await screen.findByRole('navigation', { name: 'メインメニュー' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('ja');
  });

  it('paints the first screen after sign-in in the member’s language, never the browser’s first', async () => {
    // Every label a navigation ever had, replaced ones included: a flash of English would be one.
    const labels: string[] = [];
    const observer = new MutationObserver((records) => {
      for (const record of records)
        if (record.type === 'attributes' && record.target instanceof Element && record.target.tagName === 'NAV')
          labels.push(record.oldValue ?? '');
      for (const record of records)
        for (const node of record.addedNodes)
          if (node instanceof Element)
            for (const nav of [node, ...node.querySelectorAll('nav')])
              if (nav.tagName === 'NAV') labels.push(nav.getAttribute('aria-label') ?? '');
    });
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['aria-label'],
      attributeOldValue: true,
    });
    renderApp('/providers', {
      language: 'en',
      handlers: {
        // `me` answers after the organisation's time zone, as it may over the network.
        Me: async () => {
          await new Promise((resolve) => setTimeout(resolve, 30));
          return { data: { me: { ...sessionUser(), language: 'JA', effectiveLanguage: 'JA' } } };
        },
      },
    });
    await screen.findByRole('navigation', { name: 'メインメニュー' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    observer.disconnect();
    expect(labels).toContain('メインメニュー');
    expect(labels).not.toContain('Main navigation');
  });

  it('keeps the header switch’s choice with the account, and switches when the account answers', async () => {
    const { api } = renderApp('/providers', { language: 'ja' });
    await screen.findByRole('navigation', { name: 'メインメニュー' });
    // The header's switch (a phone finds the same switch at the sidebar's foot).
    fireEvent.click(within(screen.getByRole('banner')).getByText('English'));
    expect(await screen.findByRole('navigation', { name: 'Main navigation' })).toBeTruthy();
    expect(api.callsOf('SetMyLanguage').map((c) => c.variables.input)).toEqual([{ language: 'EN' }]);
  });

  it('starts the sign-in page in the organisation’s default, and keeps its switch on this browser only', async () => {
    const { api } = renderApp('/login', {
      role: null,
      language: 'en',
      handlers: { OrganisationLanguage: () => ({ data: { organisation: { id: 'org', defaultLanguage: 'JA' } } }) },
    });
    await waitFor(() => expect(document.documentElement.lang).toBe('ja'));
    expect(localStorage.getItem('steward.language')).toBeNull();
    fireEvent.click(await screen.findByText('English'));
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    expect(localStorage.getItem('steward.language')).toBe('en');
    expect(api.callsOf('SetMyLanguage')).toHaveLength(0);
  });

  it('shows the preference on the account page, where the member can follow the organisation again', async () => {
    const { api } = renderApp('/account', {
      handlers: {
        Me: () => ({ data: { me: { ...sessionUser(), language: 'EN', effectiveLanguage: 'EN' } } }),
        MySessions: () => ({ data: { mySessions: [] } }),
        OrganisationLanguage: () => ({ data: { organisation: { id: 'org', defaultLanguage: 'JA' } } }),
      },
    });
    const select = await screen.findByLabelText('Your language', { selector: 'input' });
    expect((select as HTMLInputElement).value).toBe('English');
    fireEvent.click(select);
    fireEvent.click(await screen.findByRole('option', { name: "The organisation's default (日本語)", hidden: true }));
    await waitFor(() =>
      expect(api.callsOf('SetMyLanguage').map((c) => c.variables.input)).toEqual([{ language: null }]),
    );
  });

  it('lets an owner choose the organisation’s default language with the other settings', async () => {
    const org = ORGANISATION_SETTINGS;
    const { api } = renderApp('/settings/organisation', {
      role: 'OWNER',
      handlers: {
        OrganisationSettings: () => ({ data: org }),
        UpdateOrganisation: () => ({ data: { updateOrganisation: { ...org.organisation, version: 2 } } }),
        RequestSettings: () => ({ data: null }),
      },
    });
    const select = await screen.findByLabelText('Default language', { selector: 'input' });
    expect((select as HTMLInputElement).value).toBe('日本語');
    fireEvent.click(select);
    fireEvent.click(await screen.findByRole('option', { name: 'English', hidden: true }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(api.callsOf('UpdateOrganisation')[0]?.variables.input).toMatchObject({ defaultLanguage: 'EN' }),
    );
  });
});
