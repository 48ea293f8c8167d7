import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { signIn, visible, browserStory, OWNER } from './support.js';

/**
 * A disclosure request (issue 4, clause 4) from intake to package, on the built API and admin:
 *
 * a provider submits a request on the public form without signing in and gets a reference; the
 * owner finds it in the request queue, links it to the seeded member, moves it to verifying,
 * records how the identity was confirmed, starts work, produces the disclosure package and sees
 * the member's data in it (and nothing of another member's), then completes the request.
 */

const MEMBER = {
  reference: 'JSPE-M-000102',
  name: 'Hanako Sato',
  email: 'h.sato@example.ac.jp',
  affiliation: 'Institute of Fluid Science',
};
const OTHER_MEMBER_NAME = '山田 太郎';
const DETAILS = `Please tell me what you hold about me. ${randomBytes(3).toString('hex')}`;

browserStory('A disclosure request from the public form to the package (Chromium, embedded SQLite)', (story) => {
  let page: Page;
  let reference = '';

  beforeAll(async () => {
    page = story.page;
  });

  it('takes the request on the public form, without signing in, and gives a reference', async () => {
    await page.goto(`${story.stack.baseUrl}/privacy/request?lang=en`);
    const form = page.getByRole('form', { name: 'Request form' });
    await form.getByRole('radio', { name: 'Disclosure' }).check();
    await form.getByLabel(/^Your name/).fill(MEMBER.name);
    await form.getByLabel(/^How to reach you/).fill(MEMBER.email);
    await form.getByLabel(/^Details/).fill(DETAILS);
    await form.getByRole('button', { name: 'Send request' }).click();
    const shown = page.getByTestId('request-reference');
    await visible(shown);
    reference = (await shown.textContent()) ?? '';
    expect(reference).toMatch(/^R-[0-9A-Z]{10}$/);
  });

  it('shows the request in the queue for the owner', async () => {
    await signIn(page, story.stack.baseUrl, OWNER.email, OWNER.password);
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Provider requests' })
      .click();
    await page.waitForURL(/\/requests$/);
    const row = page.getByRole('table', { name: 'Provider requests' }).locator('tbody tr', { hasText: reference });
    await visible(row);
    await visible(row.getByText(MEMBER.name));
    await visible(row.getByText('Received', { exact: true }));
    await visible(page.getByTestId('due-timeline'));
    await row.getByRole('link', { name: reference }).click();
    await page.waitForURL(/\/requests\/[^/]+$/);
    await visible(page.getByText(DETAILS));
  });

  it('links the request to the member and verifies their identity', async () => {
    await page.getByRole('textbox', { name: 'Find the provider' }).fill(MEMBER.email);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('button', { name: `Link ${MEMBER.reference}` }).click();
    await visible(page.getByRole('link', { name: MEMBER.reference }));

    await page.getByRole('button', { name: 'Start verifying' }).click();
    await visible(page.getByRole('main').getByText('Verifying identity', { exact: true }).first());
    await page.getByLabel('How the identity was confirmed').selectOption('MEMBERSHIP_RECORD');
    await page.getByLabel(/^Note/).fill('Membership number and postal address matched the record.');
    await page.getByRole('button', { name: 'Record verification' }).click();
    await visible(page.getByTestId('verification'));
    await expect(page.getByTestId('verification').textContent()).resolves.toContain('Match with the membership record');

    await page.getByRole('button', { name: 'Start work' }).click();
    await visible(page.getByRole('button', { name: 'Produce package' }));
  });

  it("produces the disclosure package with the member's data and nothing of anyone else's", async () => {
    await page.getByRole('button', { name: 'Produce package' }).click();
    const pkg = page.getByTestId('disclosure-package');
    await visible(pkg);
    const held = pkg.getByRole('table', { name: 'Personal information held' });
    for (const value of [MEMBER.name, MEMBER.email, MEMBER.affiliation])
      await visible(held.getByText(value, { exact: true }));
    await visible(
      pkg.getByRole('table', { name: 'Record of use and provision' }).getByText('Collection', { exact: true }).first(),
    );
    await expect(pkg.textContent()).resolves.not.toContain(OTHER_MEMBER_NAME);
    await visible(pkg.getByText(/SHA-256 of the JSON: [0-9a-f]{64}/));
    await visible(pkg.getByRole('button', { name: 'Download JSON' }));
  });

  it('completes the request', async () => {
    await page.getByLabel(/^Reason or resolution/).fill('Package sent by post.');
    await page.getByRole('button', { name: 'Complete' }).click();
    await visible(page.getByText(/Completed .* — Package sent by post\./));
  });
});
