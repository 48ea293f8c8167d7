import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RESULTS_DIR, seriousViolations, signIn, visible, browserStory, OWNER } from './support.js';

/**
 * The public pages the API renders (/privacy, /privacy/inquiry, /privacy/request) as a visitor's
 * browser gets them: axe-core finds no serious or critical accessibility violation on them, in
 * either language and with a form's errors shown, and the inquiry form works with JavaScript off.
 *
 * Then publishing a new policy version (clauses 5 and 7), end to end on the built API and admin: the
 * owner starts version 2, rewords clause 7 in English, saves, sees the change in the diff and the
 * re-consent impact (nothing added or widened: nobody to ask), confirms by typing the number, and
 * the public privacy page — opened without signing in — shows version 2 and its change-log entry.
 */

const MARKER = randomBytes(4).toString('hex');
const NEW_SENTENCE = `A new version takes effect immediately (${MARKER}).`;
const SUMMARY = `Clause 7: changes take effect immediately (${MARKER}).`;

browserStory('The public pages, and publishing a new policy version (Chromium, embedded SQLite)', (story) => {
  let page: Page;
  let visitor: BrowserContext;
  let noScript: BrowserContext;

  beforeAll(async () => {
    page = story.page;
    visitor = await story.stack.browser.newContext({ bypassCSP: true, viewport: { width: 1200, height: 900 } });
    noScript = await story.stack.browser.newContext({ javaScriptEnabled: false, locale: 'ja-JP' });
  });
  afterAll(async () => {
    await visitor?.close();
    await noScript?.close();
  });

  for (const path of [
    '/privacy?lang=ja',
    '/privacy?lang=en',
    '/privacy/inquiry?lang=ja',
    '/privacy/request?lang=en',
    // The signed tree head and how to check a package with it (issue 19).
    '/privacy/ledger?lang=ja',
    '/privacy/ledger?lang=en',
  ])
    it(`finds no serious or critical accessibility violation on ${path}`, async () => {
      const visit = await visitor.newPage();
      try {
        const res = await visit.goto(`${story.stack.baseUrl}${path}`);
        expect(res?.status()).toBe(200);
        await visible(visit.getByRole('heading', { level: 1 }));
        expect(await seriousViolations(visit)).toEqual([]);
        if (path.startsWith('/privacy?'))
          await visit.screenshot({ path: join(RESULTS_DIR, `public-policy-${path.slice(-2)}.png`), fullPage: true });
        if (path.startsWith('/privacy/ledger'))
          await visit.screenshot({ path: join(RESULTS_DIR, `public-ledger-${path.slice(-2)}.png`), fullPage: true });
      } finally {
        await visit.close();
      }
    });

  it('finds none on a form re-rendered with its errors either', async () => {
    const visit = await visitor.newPage();
    try {
      await visit.goto(`${story.stack.baseUrl}/privacy/request?lang=ja`);
      // Past the browser's own checks, so the server's messages show.
      await visit.getByRole('form', { name: '請求フォーム' }).evaluate((form) => form.setAttribute('novalidate', ''));
      await visit.getByRole('button', { name: '請求を送信' }).click();
      await visible(visit.getByRole('alert'));
      await visible(visit.getByText('エラー：入力してください。').first());
      expect(await seriousViolations(visit)).toEqual([]);
    } finally {
      await visit.close();
    }
  });

  it('takes an inquiry with JavaScript turned off and gives the reference', async () => {
    const visit = await noScript.newPage();
    try {
      await visit.goto(`${story.stack.baseUrl}/privacy`);
      // The organisation's default language (ja), and its link to the form.
      await visible(visit.getByRole('heading', { name: 'プライバシーポリシー', level: 1 }));
      await visit.getByRole('link', { name: '個人情報の取扱いに関するお問い合わせ' }).click();
      await visit.getByLabel(/^お名前/).fill('田中 花子');
      await visit.getByLabel(/^電子メールアドレス/).fill('hanako@example.jp');
      await visit.getByLabel(/^件名/).fill('登録情報について');
      await visit.getByLabel(/^お問い合わせ内容/).fill('登録されている情報を確認したいです。');
      await visit.getByRole('button', { name: '送信' }).click();
      await visible(visit.getByText('お問い合わせを受け付けました'));
      await expect(visit.getByTestId('inquiry-reference').textContent()).resolves.toMatch(/^INQ-[0-9A-Z]{10}$/);
    } finally {
      await visit.close();
    }
  });

  const nav = () => page.getByRole('navigation', { name: 'Main navigation' });

  it('shows version 1 on the public page without signing in', async () => {
    await page.goto(`${story.stack.baseUrl}/privacy?lang=en`);
    await visible(page.getByRole('main').getByText('Version 1', { exact: true }).first());
    await visible(page.getByRole('region', { name: 'Contact' }).getByText('jspe_jspe@jspe.or.jp'));
  });

  it('starts version 2 and rewords clause 7', async () => {
    await signIn(page, story.stack.baseUrl, OWNER.email, OWNER.password);
    await nav().getByRole('link', { name: 'Policy editor' }).click();
    await page.waitForURL(/\/policy\/edit$/);
    await page.getByRole('button', { name: 'Start version 2' }).click();
    await visible(page.getByText('Draft: version 2'));

    await page
      .getByLabel('Change summary (Japanese, posted in the change log)')
      .fill(`第7条：変更は直ちに効力を生じます（${MARKER}）。`);
    await page.getByLabel('Change summary (English, posted in the change log)').fill(SUMMARY);
    const body = page.getByLabel('Body (en), clause 7');
    const text = await body.inputValue();
    await body.fill(`${text}\n${NEW_SENTENCE}`);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await visible(page.getByText('Draft saved'));
  });

  it('sees the change in the diff and the re-consent impact', async () => {
    await page.getByRole('tab', { name: 'Changes' }).click();
    const clause = page.getByRole('article', { name: 'Clause 7 en' });
    await visible(clause.locator('[data-kind="ADDED"]').getByText(NEW_SENTENCE, { exact: false }));
    await expect(page.getByRole('article').count()).resolves.toBe(1);
    await page.getByRole('tab', { name: 'Re-consent impact' }).click();
    await visible(page.getByText('Nobody needs to be asked again'));
  });

  it('publishes after typing the version number', async () => {
    await page.getByRole('button', { name: 'Publish…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish version 2' });
    await visible(dialog.getByText(/takes effect immediately/).first());
    const confirm = dialog.getByRole('button', { name: 'Publish version 2' });
    await expect(confirm.isDisabled()).resolves.toBe(true);
    await dialog.getByLabel('Type 2 to confirm').fill('2');
    await confirm.click();
    await dialog.waitFor({ state: 'hidden' });
    await visible(page.getByText('In force: version 2'));
    await visible(page.getByRole('button', { name: 'Start version 3' }));
    await page.screenshot({ path: join(RESULTS_DIR, 'policy-editor-published.png'), fullPage: true });
  });

  it('shows version 2 and the change log on the public page, to anyone', async () => {
    const anonymous = await story.stack.browser.newContext({ viewport: { width: 1200, height: 900 } });
    try {
      const publicPage = await anonymous.newPage();
      await publicPage.goto(`${story.stack.baseUrl}/privacy?lang=en`);
      await visible(publicPage.getByRole('main').getByText('Version 2', { exact: true }).first());
      await visible(publicPage.getByRole('region', { name: /^7\. / }).getByText(NEW_SENTENCE, { exact: false }));
      const log = publicPage.getByRole('region', { name: 'Change log' });
      await visible(log.getByText(SUMMARY));
      await visible(log.getByText('Version 1'));
      await publicPage.getByRole('link', { name: '日本語', exact: true }).click();
      await visible(publicPage.getByRole('main').getByText('第2版', { exact: true }).first());
      await publicPage.screenshot({ path: join(RESULTS_DIR, 'public-policy.png'), fullPage: true });
    } finally {
      await anonymous.close();
    }
  });
});
