import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { browserStory, OWNER, RESULTS_DIR, seriousViolations, signIn, visible } from './support.js';

/**
 * The admin as the secretariat uses it every day (issue 17): on each key page axe-core finds no
 * serious or critical violation and there is exactly one `h1`; in a 900 px high window the sidebar's
 * last link is not covered by its footer; on a 390 px phone the header's sign-out button is whole and
 * the collection form and a provider's page do not overflow sideways. Screenshots go to
 * e2e/test-results (a11y-*.png) for a person to look at.
 */

const KEY_PAGES: { path: string; name: string }[] = [
  { path: '/', name: 'home' },
  { path: '/providers', name: 'providers' },
  { path: '/collections/new', name: 'collection-form' },
  { path: '/requests', name: 'requests' },
  { path: '/exceptions', name: 'exceptions' },
  { path: '/inquiries', name: 'inquiries' },
  { path: '/ledger', name: 'ledger' },
  { path: '/ledger/entries', name: 'ledger-entries' },
  { path: '/ledger/heads', name: 'ledger-heads' },
  { path: '/audit', name: 'audit' },
  { path: '/cookies', name: 'cookies' },
  { path: '/policy', name: 'policy' },
  { path: '/jobs', name: 'jobs' },
  { path: '/outbox', name: 'outbox' },
];

/** Waits for the page's own heading, then for the list or form under it to settle. */
async function settle(page: Page): Promise<void> {
  await visible(page.getByRole('main').getByRole('heading', { level: 1 }));
  await page.waitForLoadState('networkidle');
}

browserStory('The admin is accessible and fits a laptop and a phone (Chromium, embedded SQLite)', (story) => {
  let page: Page;
  let providerPath = '';

  let context: BrowserContext;
  // axe's script is added to the page, so this page's context bypasses the admin's CSP; its own
  // console errors are checked by the last step (the story's page checks only its own).
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    context = await story.stack.browser.newContext({ bypassCSP: true, viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
  });
  afterAll(async () => {
    await context?.close();
  });

  it('signs in', async () => {
    await signIn(page, story.stack.baseUrl, OWNER.email, OWNER.password);
  });

  for (const { path, name } of KEY_PAGES) {
    it(`${path}: one h1 and no serious or critical axe violation`, async () => {
      await page.goto(`${story.stack.baseUrl}${path}`);
      await settle(page);
      expect(await page.locator('h1').count()).toBe(1);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(RESULTS_DIR, `a11y-${name}.png`), fullPage: true });
    });
  }

  it("a provider's page: one h1 and no serious or critical axe violation", async () => {
    await page.goto(`${story.stack.baseUrl}/providers`);
    const table = page.getByRole('table', { name: 'Providers' });
    await visible(table);
    await table.getByRole('row').nth(1).click();
    await page.waitForURL(/\/providers\/[0-9a-f-]{36}$/);
    providerPath = new URL(page.url()).pathname;
    await settle(page);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("in a 900 px high window the sidebar's footer covers none of its links", async () => {
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    const links = nav.getByRole('link');
    const last = links.last();
    await last.scrollIntoViewIfNeeded();
    const linkBox = await last.boundingBox();
    const footer = nav.getByText(`Signed in as ${OWNER.email}`);
    const footerBox = await footer.boundingBox();
    expect(linkBox && footerBox).toBeTruthy();
    // The last link ends above the footer's text and inside the window.
    expect(linkBox!.y + linkBox!.height).toBeLessThanOrEqual(footerBox!.y);
    expect(footerBox!.y + footerBox!.height).toBeLessThanOrEqual(900);
    // And it is the element a click there reaches (nothing drawn over it).
    const hit = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x!, y!)?.closest('a')?.getAttribute('href') ?? null,
      [linkBox!.x + linkBox!.width / 2, linkBox!.y + linkBox!.height / 2],
    );
    expect(hit).toBe(await last.getAttribute('href'));
  });

  it('on a 390 px phone the header, the collection form and a provider page fit the width', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ['/collections/new', providerPath]) {
      await page.goto(`${story.stack.baseUrl}${path}`);
      await settle(page);
      const signOut = page.getByRole('banner').getByRole('button', { name: 'Sign out' });
      const box = await signOut.boundingBox();
      expect(box, `sign-out button on ${path}`).toBeTruthy();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
      await page.screenshot({
        path: join(RESULTS_DIR, `phone-${path === providerPath ? 'provider' : 'collection-form'}.png`),
        fullPage: true,
      });
    }
    // The sidebar opens from the burger and shows who is signed in.
    await page.getByRole('button', { name: 'Toggle navigation' }).click();
    await visible(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My account' }));
    await page.screenshot({ path: join(RESULTS_DIR, 'phone-navigation.png') });
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it('raised no console errors on the checked pages', () => {
    expect(consoleErrors).toEqual([]);
  });
});
