import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { RESULTS_DIR, signIn, visible, browserStory, OWNER } from './support.js';

/**
 * Publishing a new policy version (clauses 5 and 7), end to end on the built API and admin: the
 * owner starts version 2, rewords clause 7 in English, saves, sees the change in the diff and the
 * re-consent impact (nothing added or widened: nobody to ask), confirms by typing the number, and
 * the public privacy page — opened without signing in — shows version 2 and its change-log entry.
 */

const MARKER = randomBytes(4).toString('hex');
const NEW_SENTENCE = `A new version takes effect immediately (${MARKER}).`;
const SUMMARY = `Clause 7: changes take effect immediately (${MARKER}).`;

browserStory('Publishing a new policy version (Chromium, embedded SQLite)', (story) => {
  let page: Page;

  beforeAll(async () => {
    page = story.page;
  });

  const nav = () => page.getByRole('navigation', { name: 'Main navigation' });

  it('shows version 1 on the public page without signing in', async () => {
    await page.goto(`${story.stack.baseUrl}/privacy?lang=en`);
    await visible(page.getByLabel('Policy version').getByText('Version 1'));
    await visible(page.getByRole('region', { name: 'Contact' }).getByText('jspe_jspe@jspe.or.jp'));
  });

  it('starts version 2 and rewords clause 7', async () => {
    await signIn(page, story.stack.baseUrl, OWNER.email, OWNER.password);
    await nav().getByRole('link', { name: 'Policy editor' }).click();
    await page.waitForURL(/\/policy\/edit$/);
    await page.getByRole('button', { name: 'Start version 2' }).click();
    await visible(page.getByText('Draft: version 2'));

    await page.getByLabel('Change summary (posted in the change log)').fill(SUMMARY);
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
      await visible(publicPage.getByLabel('Policy version').getByText('Version 2'));
      await visible(publicPage.getByRole('region', { name: 'Clause 7' }).getByText(NEW_SENTENCE, { exact: false }));
      const log = publicPage.getByRole('region', { name: 'Change log' });
      await visible(log.getByText(SUMMARY));
      await visible(log.getByText('Version 1'));
      await publicPage.getByText('日本語', { exact: true }).click();
      await visible(publicPage.getByLabel('Policy version').getByText('第2版'));
      await publicPage.screenshot({ path: join(RESULTS_DIR, 'public-policy.png'), fullPage: true });
    } finally {
      await anonymous.close();
    }
  });
});
