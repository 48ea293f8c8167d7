/// <reference lib="dom" />
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort, RESULTS_DIR, visible, browserStory, OWNER } from './support.js';

/**
 * The embeddable cookie banner (issue 5) on a demo page of another origin, end to end: the built
 * API serves the banner script and the public consent API; a tiny local server serves the page.
 * Reject all, reopen from the page's link, accept analytics: a script tagged `analytics` runs only
 * then, and the events stored in Steward match. Withdrawing deletes the page's cookies declared for
 * the refused categories and says that running scripts stop on a reload. A second visitor with
 * Global Privacy Control on accepts all and gets analytics and marketing off. A third, on a page
 * without `crypto.randomUUID` (as on plain http), gets ids all the same, and the banner retries a
 * server error but not an answer that would be refused again.
 */

const SITE_KEY = 'site_jspe_demo';

function demoPage(apiUrl: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>JSPE demo page</title>
<script src="${apiUrl}/cookie-banner/v1/banner.js" data-site="${SITE_KEY}" data-locale="en"></script>
</head><body>
<h1>Japan Society for Precision Engineering</h1>
<p><a href="#" id="settings" data-cookie-settings>Cookie settings</a></p>
<script type="text/plain" data-cookie-category="analytics">window.analyticsRuns = (window.analyticsRuns || 0) + 1;</script>
<script type="text/plain" data-cookie-category="marketing">window.marketingRuns = (window.marketingRuns || 0) + 1;</script>
</body></html>`;
}

type History = { action: string; gpc: boolean; choices: { category: string; accepted: boolean }[] }[];

browserStory(
  'Cookie banner on a demo page of another origin (Chromium, embedded SQLite)',
  (story) => {
    let page: Page;
    let demo: Server | undefined;
    let demoUrl = '';
    let session = '';
    let visitorId = '';
    const extraContexts: BrowserContext[] = [];

    /** GraphQL as the signed-in owner, same-origin (no Origin header): the admin API. */
    async function admin<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
      const res = await fetch(`${story.stack.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(session ? { cookie: session } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('steward_session='));
      if (cookie) session = cookie.split(';')[0]!;
      const body = (await res.json()) as { data?: T; errors?: unknown[] };
      if (body.errors?.length || !body.data) throw new Error(JSON.stringify(body.errors));
      return body.data;
    }

    const history = async (id: string) =>
      (
        await admin<{ cookieConsentHistory: History }>(
          'query($v: String!) { cookieConsentHistory(visitorId: $v) { action gpc choices { category accepted } } }',
          { v: id },
        )
      ).cookieConsentHistory;
    const accepted = (h: History[number]) => h.choices.filter((c) => c.accepted).map((c) => c.category);
    const runs = (p: Page, name: 'analyticsRuns' | 'marketingRuns') =>
      p.evaluate((n) => (window as unknown as Record<string, number | undefined>)[n] ?? 0, name);

    beforeAll(async () => {
      page = story.page;
      const port = await freePort();
      demoUrl = `http://127.0.0.1:${port}`;
      const html = demoPage(story.stack.baseUrl);
      demo = createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(html);
      });
      await new Promise<void>((r) => demo!.listen(port, '127.0.0.1', () => r()));
      // The demo site allows the demo page's origin (the owner adds it, as a site editor would).
      await admin('mutation($i: LoginInput!) { login(input: $i) { id } }', {
        i: { email: OWNER.email, password: OWNER.password },
      });
      const { cookieSites } = await admin<{ cookieSites: Record<string, unknown>[] }>(
        '{ cookieSites { id siteKey name domains allowedOrigins consentLifetimeDays honoursGpc bannerTitle { en ja } bannerText { en ja } } }',
      );
      const site = cookieSites.find((s) => s.siteKey === SITE_KEY)!;
      const {
        id,
        siteKey: _k,
        allowedOrigins,
        ...rest
      } = site as { id: string; siteKey: string; allowedOrigins: string[] };
      await admin('mutation($i: UpdateCookieSiteInput!) { updateCookieSite(input: $i) { id } }', {
        i: { ...rest, id, allowedOrigins: [...allowedOrigins, demoUrl] },
      });
    });

    afterAll(async () => {
      for (const c of extraContexts) await c.close().catch(() => undefined);
      await new Promise<void>((r) => (demo ? demo.close(() => r()) : r()));
    });

    const dialog = () => page.getByRole('dialog', { name: 'Cookies on the JSPE website' });

    it('shows the banner, keyboard-ready, with Reject all as prominent as Accept all, and runs no tagged script', async () => {
      await page.goto(demoUrl);
      await visible(dialog());
      const reject = dialog().getByRole('button', { name: 'Reject all' });
      const accept = dialog().getByRole('button', { name: 'Accept all' });
      expect(await reject.evaluate((el) => el === document.activeElement)).toBe(true);
      const style = (el: Element) => {
        const s = getComputedStyle(el);
        return [
          s.backgroundColor,
          s.color,
          s.fontSize,
          s.fontWeight,
          s.borderStyle,
          (el as HTMLElement).offsetHeight,
        ].join('|');
      };
      expect(await reject.evaluate(style)).toBe(await accept.evaluate(style));
      // Focus stays inside the dialog.
      for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')))).toBe(true);
      expect(await runs(page, 'analyticsRuns')).toBe(0);
      await page.screenshot({ path: join(RESULTS_DIR, 'cookie-banner.png') });
    });

    it('reject all: the banner closes and nothing tagged runs', async () => {
      await dialog().getByRole('button', { name: 'Reject all' }).click();
      await dialog().waitFor({ state: 'detached' });
      expect(await runs(page, 'analyticsRuns')).toBe(0);
      expect(await runs(page, 'marketingRuns')).toBe(0);
      visitorId = await page.evaluate(
        () => (window as unknown as { StewardCookies: { visitorId: string } }).StewardCookies.visitorId,
      );
      expect(visitorId).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('reopens from the page link, shows the consent id, accepts analytics: only then the analytics script runs', async () => {
      await page.getByRole('link', { name: 'Cookie settings' }).click();
      await visible(dialog());
      await visible(dialog().getByText(visitorId));
      // Each declaration with its storage kind.
      expect(await dialog().locator('li', { hasText: '_ga' }).textContent()).toContain(
        'Google LLC (Google Analytics), .jspe.or.jp, cookie, 730 days: ',
      );
      const analytics = dialog().getByRole('checkbox', { name: /Analytics/ });
      expect(await analytics.isChecked()).toBe(false);
      expect(
        await dialog()
          .getByRole('checkbox', { name: /Strictly necessary/ })
          .isDisabled(),
      ).toBe(true);
      await analytics.check();
      expect(await runs(page, 'analyticsRuns')).toBe(0);
      await dialog().getByRole('button', { name: 'Save choices' }).click();
      await dialog().waitFor({ state: 'detached' });
      await page.waitForFunction(() => (window as unknown as { analyticsRuns?: number }).analyticsRuns === 1);
      expect(await runs(page, 'marketingRuns')).toBe(0);
      // The focus returns to the link that opened the settings.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('settings');
    });

    it('the stored events match: reject all, then analytics accepted', async () => {
      const events = await history(visitorId);
      expect(events.map((e) => [e.action, accepted(e).join('+')])).toEqual([
        ['CHOOSE', 'STRICTLY_NECESSARY'],
        ['CHOOSE', 'STRICTLY_NECESSARY+ANALYTICS'],
      ]);
    });

    it('a reload applies the stored choice without asking again; Esc closes the reopened settings', async () => {
      await page.reload();
      await page.waitForFunction(() => (window as unknown as { analyticsRuns?: number }).analyticsRuns === 1);
      expect(await dialog().count()).toBe(0);
      await page.getByRole('link', { name: 'Cookie settings' }).click();
      await visible(dialog());
      await page.keyboard.press('Escape');
      await dialog().waitFor({ state: 'detached' });
      expect((await history(visitorId)).length).toBe(2);
    });

    it("withdraw: the page's cookies declared for refused categories go, and the banner says running scripts stop on reload", async () => {
      await page.evaluate(() => {
        document.cookie = '_ga=GA1.2.3; path=/';
        document.cookie = 'jspe_lang=en; path=/';
        document.cookie = 'undeclared=1; path=/';
      });
      await page.getByRole('link', { name: 'Cookie settings' }).click();
      await visible(dialog());
      await dialog().getByRole('button', { name: 'Withdraw consent' }).click();
      await visible(
        dialog().getByText('Scripts already running on this page stop only when you reload it.', { exact: false }),
      );
      const reload = dialog().getByRole('button', { name: 'Reload page' });
      expect(await reload.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await page.evaluate(() => document.cookie.split('; ').map((c) => c.split('=')[0]))).toEqual([
        'undeclared',
      ]);
      expect((await history(visitorId)).map((e) => [e.action, accepted(e).join('+')])).toEqual([
        ['CHOOSE', 'STRICTLY_NECESSARY'],
        ['CHOOSE', 'STRICTLY_NECESSARY+ANALYTICS'],
        ['WITHDRAW', 'STRICTLY_NECESSARY'],
      ]);
      await Promise.all([page.waitForEvent('load'), reload.click()]);
      expect(await dialog().count()).toBe(0);
      expect(await runs(page, 'analyticsRuns')).toBe(0);
    });

    it('with Global Privacy Control, accept all keeps analytics and marketing off', async () => {
      const context = await story.stack.browser.newContext({ locale: 'ja-JP' });
      extraContexts.push(context);
      await context.addInitScript(() =>
        Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
      );
      const gpcPage = await context.newPage();
      await gpcPage.goto(demoUrl);
      const banner = gpcPage.getByRole('dialog');
      await visible(banner);
      await banner.getByRole('button', { name: 'Accept all' }).click();
      await banner.waitFor({ state: 'detached' });
      const id = await gpcPage.evaluate(
        () => (window as unknown as { StewardCookies: { visitorId: string } }).StewardCookies.visitorId,
      );
      const events = await history(id);
      expect(events.map((e) => [e.gpc, accepted(e).join('+')])).toEqual([[true, 'STRICTLY_NECESSARY+FUNCTIONAL']]);
      expect(await runs(gpcPage, 'analyticsRuns')).toBe(0);
      expect(await runs(gpcPage, 'marketingRuns')).toBe(0);
    });

    it('without crypto.randomUUID (plain http), ids come from getRandomValues; a refused answer is not retried, a server error is', async () => {
      const context = await story.stack.browser.newContext({ locale: 'en-GB' });
      extraContexts.push(context);
      // Browsers give crypto.randomUUID to secure contexts only.
      await context.addInitScript(() => delete (Crypto.prototype as { randomUUID?: unknown }).randomUUID);
      let mode: 'conflict' | 'flaky' | 'pass' = 'conflict';
      let writes = 0;
      let failuresLeft = 2;
      await context.route(`${story.stack.baseUrl}/graphql`, async (route) => {
        const request = route.request();
        if (request.method() !== 'POST' || !request.postData()?.includes('recordCookieConsent'))
          return route.continue();
        writes++;
        const headers = { 'access-control-allow-origin': demoUrl, 'content-type': 'application/json' };
        if (mode === 'conflict') {
          return route.fulfill({
            status: 200,
            headers,
            body: JSON.stringify({ errors: [{ message: 'Conflict', extensions: { code: 'CONFLICT' } }] }),
          });
        }
        if (mode === 'flaky' && failuresLeft-- > 0) return route.fulfill({ status: 503, headers, body: '{}' });
        return route.continue();
      });
      const insecure = await context.newPage();
      const pageErrors: string[] = [];
      insecure.on('pageerror', (e) => pageErrors.push(e.message));
      await insecure.goto(demoUrl);
      expect(await insecure.evaluate(() => typeof crypto.randomUUID)).toBe('undefined');
      const banner = insecure.getByRole('dialog');
      await visible(banner);
      const id = await insecure.evaluate(
        () => (window as unknown as { StewardCookies: { visitorId: string } }).StewardCookies.visitorId,
      );
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

      await banner.getByRole('button', { name: 'Reject all' }).click();
      await visible(banner.getByText('Your choice could not be saved. Please try again.'));
      expect(writes).toBe(1);

      mode = 'flaky';
      await banner.getByRole('button', { name: 'Reject all' }).click();
      await banner.waitFor({ state: 'detached' });
      expect(writes).toBe(4);
      expect((await history(id)).map((e) => accepted(e).join('+'))).toEqual(['STRICTLY_NECESSARY']);
      expect(pageErrors).toEqual([]);
    });
  },
  { onFailure: (story) => story.page.screenshot({ path: join(RESULTS_DIR, 'cookie-banner-failure.png') }) },
);
