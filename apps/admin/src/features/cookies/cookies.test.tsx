import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { COOKIE_CATEGORIES, COOKIE_CATEGORY_INFO } from '@steward/policy-core';
import type {
  CookieCategoryFieldsFragment,
  CookieDeclarationFieldsFragment,
  CookieSiteFieldsFragment,
} from '@steward/schema';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render.js';
import { graphQLError, type Handlers, type WithTypenames } from '../../test/stub-api.js';

const declaration: WithTypenames<CookieDeclarationFieldsFragment> = {
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
const site: WithTypenames<CookieSiteFieldsFragment> = {
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
const categories = COOKIE_CATEGORIES.map((category): WithTypenames<CookieCategoryFieldsFragment> => ({
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
} satisfies Handlers;

describe('cookie consent admin', () => {
  it('lists sites and categories; a new site is sent with canonical origins', async () => {
    const { api } = renderApp('/cookies', {
      handlers: {
        ...base,
        CreateCookieSite: () => ({ data: { createCookieSite: { ...site, id: 'site-2', name: 'Journal' } } }),
      },
    });
    const table = await screen.findByRole('table', { name: 'Cookie sites' });
    expect(within(table).getByText('site_jspe_demo')).toBeTruthy();
    expect(await screen.findByText('Always on — cannot be refused')).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Create site' });
    fireEvent.change(within(form).getByLabelText(/^Name/), { target: { value: 'Journal' } });
    fireEvent.change(within(form).getByLabelText('Domains (one per line)'), {
      target: { value: 'journal.jspe.or.jp' },
    });
    fireEvent.change(within(form).getByLabelText('Allowed origins (one per line)'), {
      target: { value: 'HTTPS://journal.jspe.or.jp:443/\nhttps://journal.jspe.or.jp' },
    });
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
          graphQLError('BAD_USER_INPUT', 'bad', {
            field: 'input.allowedOrigins[0]',
            issues: [{ field: 'input.allowedOrigins[0]', code: 'INVALID_FORMAT', message: 'Not an origin.' }],
          }),
      },
    });
    const form = await screen.findByRole('form', { name: 'Create site' });
    fireEvent.click(within(form).getByRole('button', { name: 'Create site' }));
    expect(await within(form).findByText('Not an origin.')).toBeTruthy();
  });

  it('edits a category’s wording', async () => {
    const { api } = renderApp('/cookies', {
      handlers: { ...base, UpdateCookieCategory: () => ({ data: { updateCookieCategory: categories[2]! } }) },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Analytics' }));
    const form = screen.getByRole('form', { name: 'Edit Analytics' });
    fireEvent.change(within(form).getByLabelText('Label (English)'), { target: { value: 'Statistics' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save category' }));
    await waitFor(() => expect(api.callsOf('UpdateCookieCategory')).toHaveLength(1));
    expect(api.callsOf('UpdateCookieCategory')[0]!.variables.input).toMatchObject({
      category: 'ANALYTICS',
      label: { en: 'Statistics', ja: '分析' },
    });
  });

  it('looks up a visitor’s history only when asked', async () => {
    const { api } = renderApp('/cookies', {
      handlers: {
        ...base,
        CookieConsentHistory: () => ({
          data: {
            cookieConsentHistory: [
              {
                receiptId: 'e-1',
                siteId: 'site-1',
                siteName: 'JSPE website',
                visitorId: 'v',
                action: 'CHOOSE',
                choices: [
                  { category: 'STRICTLY_NECESSARY', accepted: true },
                  { category: 'ANALYTICS', accepted: true },
                ],
                gpc: false,
                gpcApplied: false,
                policyVersion: 1,
                recordedAt: '2026-04-01T00:00:00Z',
              },
            ],
          },
        }),
      },
    });
    const form = await screen.findByRole('form', { name: 'Find visitor history' });
    expect(api.callsOf('CookieConsentHistory')).toHaveLength(0);
    fireEvent.change(within(form).getByLabelText(/Consent id/), {
      target: { value: ' 3F2B8C1E-9D4A-4C7B-8E2F-1A2B3C4D5E6F ' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Look up' }));
    const table = await screen.findByRole('table', { name: 'Visitor consent history' });
    expect(within(table).getByText('Strictly necessary, Analytics')).toBeTruthy();
    expect(api.callsOf('CookieConsentHistory')[0]!.variables).toEqual({
      visitorId: '3f2b8c1e-9d4a-4c7b-8e2f-1a2b3c4d5e6f',
    });
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
      handlers: {
        ...base,
        CreateCookieDeclaration: () => ({
          data: { createCookieDeclaration: { ...declaration, id: 'd-2', name: 'jspe_lang' } },
        }),
      },
    });
    const snippet = await screen.findByLabelText('Banner snippet');
    expect(snippet.textContent).toContain('/cookie-banner/v1/banner.js" data-site="site_jspe_demo" data-locale="ja"');
    // Visitors per UTC day, as the API counts them (each visitor once a day), and said so.
    expect(
      await screen.findByRole('img', {
        name: /^Visitors per day \(UTC\) from 31 Mar 2026 to 1 Apr 2026, each counted once a day by their last choice: 4 chose and 1 withdrew/,
      }),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Visitors per day (UTC)' })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Cookie declarations' });
    expect(within(table).getByText('2 years')).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Add declaration' });
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'jspe_lang' } });
    fireEvent.change(within(form).getByLabelText('Domain'), { target: { value: 'www.jspe.or.jp' } });
    fireEvent.change(within(form).getByLabelText('Category'), { target: { value: 'FUNCTIONAL' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add declaration' }));
    await waitFor(() => expect(api.callsOf('CreateCookieDeclaration')).toHaveLength(1));
    expect(api.callsOf('CreateCookieDeclaration')[0]!.variables.input).toMatchObject({
      siteId: 'site-1',
      name: 'jspe_lang',
      category: 'FUNCTIONAL',
      durationDays: null,
      storageKind: 'COOKIE',
    });
  });

  it('shows purposes in the chosen language and edits a declaration', async () => {
    let domainRefused = true;
    const { api } = renderApp('/cookies/sites/site-1', {
      handlers: {
        ...base,
        UpdateCookieDeclaration: (variables) => {
          if (domainRefused) {
            domainRefused = false;
            return graphQLError('BAD_USER_INPUT', 'bad', {
              field: 'input.domain',
              issues: [{ field: 'input.domain', code: 'INVALID_FORMAT', message: 'Not a host name.' }],
            });
          }
          const input = variables.input;
          return {
            data: {
              updateCookieDeclaration: { ...declaration, purpose: { __typename: 'CookieText', ...input.purpose } },
            },
          };
        },
      },
    });
    const table = await screen.findByRole('table', { name: 'Cookie declarations' });
    // The page's language (Japanese first, as the snippet): the purpose as visitors read it.
    expect(within(table).getByText('訪問数の計測').getAttribute('lang')).toBe('ja');
    expect(within(table).queryByText('Counts visits')).toBeNull();
    fireEvent.click(within(screen.getByRole('main')).getByText('English'));
    expect((await within(table).findByText('Counts visits')).getAttribute('lang')).toBe('en');
    expect(screen.getByLabelText('Banner snippet').textContent).toContain('data-locale="en"');

    fireEvent.click(within(table).getByRole('button', { name: 'Edit _ga' }));
    const form = screen.getByRole('form', { name: 'Edit declaration _ga' });
    expect(screen.queryByRole('form', { name: 'Add declaration' })).toBeNull();
    const name = within(form).getByLabelText('Name') as HTMLInputElement;
    expect(name.value).toBe('_ga');
    expect(document.activeElement).toBe(name);
    expect((within(form).getByLabelText('Purpose (Japanese)') as HTMLInputElement).value).toBe('訪問数の計測');
    expect((within(form).getByLabelText(/Kept for/) as HTMLInputElement).value).toBe('730');
    fireEvent.change(within(form).getByLabelText('Purpose (English)'), {
      target: { value: 'Counts visits and page views' },
    });
    fireEvent.change(within(form).getByLabelText('Domain'), { target: { value: 'not a host' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save declaration' }));
    expect(await within(form).findByText('Not a host name.')).toBeTruthy();

    fireEvent.change(within(form).getByLabelText('Domain'), { target: { value: '.jspe.or.jp' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save declaration' }));
    await waitFor(() => expect(api.callsOf('UpdateCookieDeclaration')).toHaveLength(2));
    expect(api.callsOf('UpdateCookieDeclaration')[1]!.variables).toEqual({
      input: {
        id: 'd-1',
        siteId: 'site-1',
        name: '_ga',
        domain: '.jspe.or.jp',
        category: 'ANALYTICS',
        vendor: 'Google LLC',
        purpose: { en: 'Counts visits and page views', ja: '訪問数の計測' },
        durationDays: 730,
        storageKind: 'COOKIE',
      },
    });
    // Saved: the editor closes and the site is read again.
    expect(await screen.findByRole('form', { name: 'Add declaration' })).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Edit declaration _ga' })).toBeNull();
    await waitFor(() => expect(api.callsOf('CookieSite').length).toBeGreaterThan(1));
  });

  it('cancels an edit without saving', async () => {
    const { api } = renderApp('/cookies/sites/site-1', { handlers: base });
    const table = await screen.findByRole('table', { name: 'Cookie declarations' });
    fireEvent.click(within(table).getByRole('button', { name: 'Edit _ga' }));
    const form = screen.getByRole('form', { name: 'Edit declaration _ga' });
    fireEvent.change(within(form).getByLabelText('Vendor'), { target: { value: 'Someone else' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form', { name: 'Edit declaration _ga' })).toBeNull();
    expect(api.callsOf('UpdateCookieDeclaration')).toHaveLength(0);
  });

  it('viewers see declarations without edit or delete buttons', async () => {
    renderApp('/cookies/sites/site-1', { role: 'VIEWER', handlers: base });
    const table = await screen.findByRole('table', { name: 'Cookie declarations' });
    expect(within(table).queryByRole('button', { name: 'Edit _ga' })).toBeNull();
    expect(within(table).queryByRole('button', { name: 'Delete _ga' })).toBeNull();
  });
});

describe('cookie consent admin in Japanese', () => {
  it('lists sites and categories with Japanese headings; the banner texts stay as written', async () => {
    renderApp('/cookies', { language: 'ja', handlers: base });
    const table = await screen.findByRole('table', { name: 'クッキーのサイト' });
    expect(screen.getByRole('heading', { name: 'クッキーの同意' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: '許可するオリジン' })).toBeTruthy();
    expect(within(table).getByText('尊重する')).toBeTruthy();
    expect(await screen.findByText('常に有効（拒否できません）')).toBeTruthy();
    const form = screen.getByRole('form', { name: 'サイトを作成' });
    expect(within(form).getByRole('button', { name: 'サイトを作成' })).toBeTruthy();
    // The default banner texts are data in both languages, not words of the admin.
    expect((within(form).getByLabelText('バナーの見出し（英語）') as HTMLInputElement).value).toBe(
      'Cookies on this website',
    );
    expect((within(form).getByLabelText('バナーの見出し（日本語）') as HTMLInputElement).value).toBe(
      'クッキーについて',
    );
    expect(screen.getByRole('form', { name: '訪問者の同意履歴を検索' })).toBeTruthy();
    expect(screen.queryByText('Cookie consent')).toBeNull();
  });

  it('shows a site with Japanese chart summary, declarations and durations', async () => {
    renderApp('/cookies/sites/site-1', { language: 'ja', handlers: base });
    const table = await screen.findByRole('table', { name: 'クッキーの一覧' });
    expect(within(table).getByRole('columnheader', { name: '利用目的（日本語）' })).toBeTruthy();
    expect(within(table).getByText('2年')).toBeTruthy();
    expect(within(table).getByRole('button', { name: '_ga を編集' })).toBeTruthy();
    expect(screen.getByText(/サイトキー/).textContent).toBe(
      'サイトキー site_jspe_demo・同意の保持期間 180日・GPC を尊重する',
    );
    expect(screen.getByRole('heading', { name: '1日あたりの訪問者数（UTC）' })).toBeTruthy();
    expect(
      await screen.findByRole('img', {
        name: /^2026年3月31日〜2026年4月1日の1日あたりの訪問者数（UTC、.*選択 4人、撤回 1人。/,
      }),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'クッキーを登録' })).toBeTruthy();
    expect(screen.getByLabelText('バナーのコード').textContent).toContain('クッキー設定');
  });
});
