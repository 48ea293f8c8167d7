import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { COOKIE_CATEGORIES, COOKIE_CATEGORY_INFO } from '@steward/policy-core';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render.js';
import { graphQLError } from '../../test/stub-api.js';

const declaration = {
  __typename: 'CookieDeclaration',
  id: 'd-1',
  siteId: 'site-1',
  name: '_ga',
  domain: '.jspe.or.jp',
  category: 'ANALYTICS',
  vendor: 'Google LLC',
  purpose: { __typename: 'CookieText', en: 'Counts visits', ja: '訪問数の計測' },
  durationDays: 730,
  storageKind: 'COOKIE',
};
const site = {
  __typename: 'CookieSite',
  id: 'site-1',
  name: 'JSPE website',
  siteKey: 'site_jspe_demo',
  domains: ['www.jspe.or.jp'],
  allowedOrigins: ['https://www.jspe.or.jp'],
  consentLifetimeDays: 180,
  honoursGpc: true,
  bannerTitle: { __typename: 'CookieText', en: 'Cookies', ja: 'クッキー' },
  bannerText: { __typename: 'CookieText', en: 'We use cookies.', ja: 'クッキーを使用します。' },
  declarations: [declaration],
  createdAt: '2026-04-01T00:00:00Z',
};
const categories = COOKIE_CATEGORIES.map((category) => ({
  __typename: 'CookieCategoryInfo',
  category,
  label: { __typename: 'CookieText', ...COOKIE_CATEGORY_INFO[category].label },
  description: { __typename: 'CookieText', ...COOKIE_CATEGORY_INFO[category].description },
  required: COOKIE_CATEGORY_INFO[category].required,
  gpcOptOut: COOKIE_CATEGORY_INFO[category].gpcOptOut,
}));
const base = {
  CookieSites: () => ({ data: { cookieSites: [site] } }),
  CookieCategories: () => ({ data: { cookieCategories: categories } }),
  CookieSite: () => ({ data: { cookieSite: site } }),
  CookieConsentStats: () => ({
    data: {
      cookieConsentStats: {
        siteId: 'site-1',
        from: '2026-03-31',
        to: '2026-04-01',
        days: [{ day: '2026-04-01', choices: 4, withdrawals: 1, gpc: 1, functional: 2, analytics: 1, marketing: 0 }],
      },
    },
  }),
};

describe('cookie consent admin', () => {
  it('lists sites and categories; a new site is sent with canonical origins', async () => {
    const { api } = renderApp('/cookies', {
      handlers: { ...base, CreateCookieSite: () => ({ data: { createCookieSite: { ...site, id: 'site-2', name: 'Journal' } } }) },
    });
    const table = await screen.findByRole('table', { name: 'Cookie sites' });
    expect(within(table).getByText('site_jspe_demo')).toBeTruthy();
    expect(await screen.findByText('Always on — cannot be refused')).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Create site' });
    fireEvent.change(within(form).getByLabelText(/^Name/), { target: { value: 'Journal' } });
    fireEvent.change(within(form).getByLabelText('Domains (one per line)'), { target: { value: 'journal.jspe.or.jp' } });
    fireEvent.change(within(form).getByLabelText('Allowed origins (one per line)'), { target: { value: 'HTTPS://journal.jspe.or.jp:443/\nhttps://journal.jspe.or.jp' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create site' }));
    await waitFor(() => expect(api.callsOf('CreateCookieSite')).toHaveLength(1));
    expect(api.callsOf('CreateCookieSite')[0]!.variables.input).toMatchObject({
      name: 'Journal',
      domains: ['journal.jspe.or.jp'],
      allowedOrigins: ['https://journal.jspe.or.jp', 'https://journal.jspe.or.jp'],
      consentLifetimeDays: 180,
      honoursGpc: true,
    });
  });

  it('shows the API’s field errors on the site form', async () => {
    renderApp('/cookies', {
      handlers: {
        ...base,
        CreateCookieSite: () =>
          graphQLError('BAD_USER_INPUT', 'bad', { field: 'input.allowedOrigins[0]', issues: [{ field: 'input.allowedOrigins[0]', code: 'INVALID_FORMAT', message: 'Not an origin.' }] }),
      },
    });
    const form = await screen.findByRole('form', { name: 'Create site' });
    fireEvent.click(within(form).getByRole('button', { name: 'Create site' }));
    expect(await within(form).findByText('Not an origin.')).toBeTruthy();
  });

  it('edits a category’s wording', async () => {
    const { api } = renderApp('/cookies', {
      handlers: { ...base, UpdateCookieCategory: () => ({ data: { updateCookieCategory: categories[2] } }) },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Analytics' }));
    const form = screen.getByRole('form', { name: 'Edit Analytics' });
    fireEvent.change(within(form).getByLabelText('Label (English)'), { target: { value: 'Statistics' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save category' }));
    await waitFor(() => expect(api.callsOf('UpdateCookieCategory')).toHaveLength(1));
    expect(api.callsOf('UpdateCookieCategory')[0]!.variables.input).toMatchObject({ category: 'ANALYTICS', label: { en: 'Statistics', ja: '分析' } });
  });

  it('looks up a visitor’s history only when asked', async () => {
    const { api } = renderApp('/cookies', {
      handlers: {
        ...base,
        CookieConsentHistory: () => ({
          data: {
            cookieConsentHistory: [
              { receiptId: 'e-1', siteId: 'site-1', siteName: 'JSPE website', visitorId: 'v', action: 'CHOOSE', choices: [{ category: 'STRICTLY_NECESSARY', accepted: true }, { category: 'ANALYTICS', accepted: true }], gpc: false, gpcApplied: false, policyVersion: 1, recordedAt: '2026-04-01T00:00:00Z' },
            ],
          },
        }),
      },
    });
    const form = await screen.findByRole('form', { name: 'Find visitor history' });
    expect(api.callsOf('CookieConsentHistory')).toHaveLength(0);
    fireEvent.change(within(form).getByLabelText(/Consent id/), { target: { value: ' 3F2B8C1E-9D4A-4C7B-8E2F-1A2B3C4D5E6F ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Look up' }));
    const table = await screen.findByRole('table', { name: 'Visitor consent history' });
    expect(within(table).getByText('Strictly necessary, Analytics')).toBeTruthy();
    expect(api.callsOf('CookieConsentHistory')[0]!.variables).toEqual({ visitorId: '3f2b8c1e-9d4a-4c7b-8e2f-1a2b3c4d5e6f' });
  });

  it('viewers read sites but get no editors and no visitor lookup', async () => {
    renderApp('/cookies', { role: 'VIEWER', handlers: base });
    await screen.findByRole('table', { name: 'Cookie sites' });
    expect(screen.queryByRole('form', { name: 'Create site' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Find visitor history' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Edit / })).toBeNull();
  });

  it('a site page shows the snippet, the chart and the declarations, and adds one', async () => {
    const { api } = renderApp('/cookies/sites/site-1', {
      handlers: { ...base, CreateCookieDeclaration: () => ({ data: { createCookieDeclaration: { ...declaration, id: 'd-2', name: 'jspe_lang' } } }) },
    });
    const snippet = await screen.findByLabelText('Banner snippet');
    expect(snippet.textContent).toContain('/cookie-banner/v1/banner.js" data-site="site_jspe_demo" data-locale="ja"');
    // Visitors per UTC day, as the API counts them (each visitor once a day), and said so.
    expect(await screen.findByRole('img', { name: /^Visitors per day \(UTC\) from 2026-03-31 to 2026-04-01, each counted once a day by their last choice: 4 chose and 1 withdrew/ })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Visitors per day (UTC)' })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Cookie declarations' });
    expect(within(table).getByText('2 years')).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Add declaration' });
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'jspe_lang' } });
    fireEvent.change(within(form).getByLabelText('Domain'), { target: { value: 'www.jspe.or.jp' } });
    fireEvent.change(within(form).getByLabelText('Category'), { target: { value: 'FUNCTIONAL' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add declaration' }));
    await waitFor(() => expect(api.callsOf('CreateCookieDeclaration')).toHaveLength(1));
    expect(api.callsOf('CreateCookieDeclaration')[0]!.variables.input).toMatchObject({ siteId: 'site-1', name: 'jspe_lang', category: 'FUNCTIONAL', durationDays: null, storageKind: 'COOKIE' });
  });
});
