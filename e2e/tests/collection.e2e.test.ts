import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { bodyRows, RESULTS_DIR, UI_TIMEOUT, visible, browserStory, OWNER } from './support.js';

/**
 * The scenario, end to end: the built API serving the built admin on one port, on a fresh
 * embedded SQLite database with the demo data, driven by a real Chromium.
 *
 * The owner signs in through the login form, records a collection for a new provider (one purpose
 * granted, one refused, a name and an e-mail address), lands on the provider's page, sees the
 * granted consent, the consent history and the consent receipt with its hash, then finds the
 * provider again by e-mail in the providers list, next to the eight seeded demo providers.
 */

const MARKER = randomBytes(4).toString('hex');
const PROVIDER_NAME = `E2E Tester ${MARKER}`;
const PROVIDER_EMAIL = `e2e-tester-${MARKER}@example.org`;
const GRANTED_PURPOSE = 'Conference and lecture registration';
const REFUSED_PURPOSE = 'E-mail news and event notices';

/** The references seeded with STEWARD_SEED_DEMO=true (apps/api/src/seeders/demo-providers.ts). */
const DEMO_REFERENCES = [
  'JSPE-M-000101',
  'JSPE-M-000102',
  'JSPE-M-000103',
  'JSPE-B-000201',
  'JSPE-B-000202',
  'JSPE-S-000301',
  'JSPE-S-000302',
  'JSPE-S-000303',
];

browserStory('Recording a collection in the admin (Chromium, embedded SQLite)', (story) => {
  let page: Page;
  let baseUrl: string;

  // Filled in as the scenario goes.
  let providerPath = '';
  let receiptId = '';

  beforeAll(async () => {
    ({ page, baseUrl } = story.stack);
  });

  it('signs the owner in through the login form', async () => {
    await page.goto(`${baseUrl}/`);
    // The guard sends an anonymous visitor to the login page.
    await page.waitForURL(/\/login(\?|$)/);
    const form = page.getByRole('form', { name: 'Sign in' });
    await form.getByRole('textbox', { name: 'Email', exact: true }).fill(OWNER.email);
    await form.getByRole('textbox', { name: 'Password', exact: true }).fill(OWNER.password);
    await form.getByRole('button', { name: 'Sign in' }).click();

    // The landing page is the home page of work.
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByTestId('current-user-name').waitFor();
    await visible(page.getByRole('banner').getByRole('button', { name: 'Sign out' }));
    await visible(page.getByText(`Signed in as ${OWNER.email}`));
  });

  it('records a collection for a new provider', async () => {
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Record collection' })
      .click();
    await page.waitForURL(/\/collections\/new$/);
    await page.getByRole('heading', { name: 'Record a collection' }).waitFor();

    const form = page.getByRole('form', { name: 'Record collection' });
    await form.waitFor();

    // Who, and how.
    await form.getByLabel('Provider kind').selectOption({ label: 'Service user' });
    // Every document to them (the consent receipt below) is written in the language chosen here.
    await form.getByLabel(/^Language/).selectOption({ label: 'English' });
    await form.getByLabel('Channel').selectOption({ label: 'Web form' });
    await form.getByLabel('Consent method').selectOption({ label: 'Web form checkbox' });
    await form.getByLabel('Source').fill(`E2E run ${MARKER}`);

    // Purposes: one granted, one specified and refused; the others not ticked.
    await form.getByRole('checkbox', { name: GRANTED_PURPOSE }).check();
    await form
      .getByRole('radiogroup', { name: `Consent to ${GRANTED_PURPOSE}` })
      .getByRole('radio', { name: 'Granted' })
      .check();
    await form.getByRole('checkbox', { name: REFUSED_PURPOSE }).check();
    await form
      .getByRole('radiogroup', { name: `Consent to ${REFUSED_PURPOSE}` })
      .getByRole('radio', { name: 'Refused' })
      .check();

    // The data: only categories the granted purpose needs are offered.
    await form.getByLabel('Item 1 category', { exact: true }).selectOption({ label: 'Name' });
    await form.getByLabel('Item 1 value', { exact: true }).fill(PROVIDER_NAME);
    await form.getByRole('button', { name: 'Add data item' }).click();
    await form.getByLabel('Item 2 category', { exact: true }).selectOption({ label: 'E-mail address' });
    await form.getByLabel('Item 2 value', { exact: true }).fill(PROVIDER_EMAIL);

    await form.getByRole('button', { name: 'Record collection', exact: true }).click();

    // The admin lands on the new provider's page, with the collection just recorded open.
    await page.waitForURL(/\/providers\/[^/?]+\?recorded=/);
    const url = new URL(page.url());
    providerPath = url.pathname;
    expect(providerPath).toMatch(/^\/providers\/.+/);
  });

  it('shows the provider, the granted consent, the consent history and the receipt', async () => {
    const recorded = page.getByRole('status').filter({ hasText: 'Collection recorded' });
    await recorded.waitFor();
    const recordedText = (await recorded.textContent()) ?? '';
    const match = /consent receipt\s+(\S+)\s+was issued/i.exec(recordedText);
    expect(match, `status text: ${recordedText}`).not.toBeNull();
    receiptId = match![1]!;

    // Header: reference, kind, version 1 and the name from the NAME item.
    const heading = page.getByRole('heading', { level: 1 });
    await heading.waitFor();
    expect(((await heading.textContent()) ?? '').trim()).not.toBe('');
    const main = page.getByRole('main');
    await visible(main.getByText('Service user', { exact: true }).first());
    await visible(main.getByText(PROVIDER_NAME, { exact: true }).first());

    // Personal data: both items, as entered.
    const items = page.getByRole('table', { name: 'Personal data items' });
    await items.waitFor();
    await expect(bodyRows(items).count()).resolves.toBe(2);
    await visible(items.getByRole('cell', { name: PROVIDER_NAME, exact: true }));
    await visible(items.getByRole('cell', { name: PROVIDER_EMAIL, exact: true }));

    // Current consent: GRANTED for the granted purpose, REFUSED for the refused one.
    const granted = page.getByRole('group', { name: `Consent for ${GRANTED_PURPOSE}` });
    await granted.waitFor();
    await visible(granted.getByText('Granted', { exact: true }));
    const refused = page.getByRole('group', { name: `Consent for ${REFUSED_PURPOSE}` });
    await visible(refused.getByText('Refused', { exact: true }));

    // Consent history: the two new events, both tied to the receipt.
    const history = page.getByRole('region', { name: 'Consent history' });
    await history.waitFor();
    await visible(history.getByText(`Granted — ${GRANTED_PURPOSE}`, { exact: true }));
    await visible(history.getByText(`Refused — ${REFUSED_PURPOSE}`, { exact: true }));
    await expect(history.getByText(`receipt ${receiptId}`, { exact: true }).count()).resolves.toBe(2);

    // Collections: the new one, marked and open, with its receipt and the receipt's hash.
    const collections = page.getByRole('region', { name: 'Collections and consent receipts' });
    await visible(collections.getByText('1 collection · newest first'));
    const control = collections.getByRole('button', { name: new RegExp(`receipt ${receiptId}$`) });
    await expect(control.getAttribute('aria-expanded')).resolves.toBe('true');
    await visible(collections.getByText('Just recorded', { exact: true }));
    await visible(collections.getByText('1/2 purposes granted'));

    const receipt = page.getByRole('region', { name: `Consent receipt ${receiptId}` });
    await receipt.waitFor();
    const purposes = receipt.getByRole('table', { name: 'Receipt purposes' });
    await expect(bodyRows(purposes).count()).resolves.toBe(2);
    await visible(bodyRows(purposes).filter({ hasText: GRANTED_PURPOSE }).getByText('Granted', { exact: true }));
    await visible(bodyRows(purposes).filter({ hasText: REFUSED_PURPOSE }).getByText('Refused', { exact: true }));
    const hash = receipt.getByLabel('Receipt hash');
    await visible(hash);
    expect(((await hash.textContent()) ?? '').trim()).toMatch(/^[0-9a-f]{64}$/);
    await visible(receipt.getByRole('button', { name: `Download receipt (JSON) ${receiptId}` }));

    await page.screenshot({ path: join(RESULTS_DIR, 'provider-detail.png'), fullPage: true });
  });

  it('finds the new provider in the providers list by its e-mail address', async () => {
    await page.getByRole('link', { name: '← Providers' }).click();
    await page.waitForURL(/\/providers$/);

    await page.getByRole('searchbox', { name: 'Search' }).fill(PROVIDER_EMAIL);
    await page.waitForURL((url) => url.searchParams.get('q') === PROVIDER_EMAIL);

    const table = page.getByRole('table', { name: 'Providers' });
    const match = bodyRows(table).filter({ hasText: PROVIDER_NAME });
    await match.waitFor();
    await expect.poll(() => bodyRows(table).count(), { timeout: UI_TIMEOUT }).toBe(1);
    await visible(match.getByText('Service user', { exact: true }));

    // Its reference leads back to the same provider.
    await match.getByRole('link').click();
    await page.waitForURL((url) => url.pathname === providerPath);
    await page.getByRole('table', { name: 'Personal data items' }).waitFor();
  });

  it('lists the eight seeded demo providers next to the new one', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Providers' }).click();
    await page.waitForURL(/\/providers$/);
    const table = page.getByRole('table', { name: 'Providers' });
    await expect.poll(() => bodyRows(table).count(), { timeout: UI_TIMEOUT }).toBe(DEMO_REFERENCES.length + 1);
    for (const reference of DEMO_REFERENCES) {
      await visible(table.getByRole('link', { name: reference, exact: true }));
    }
    await expect(bodyRows(table).filter({ hasText: PROVIDER_NAME }).count()).resolves.toBe(1);
  });
});
