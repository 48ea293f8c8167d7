import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { RESULTS_DIR, signIn, visible, browserStory, OWNER } from './support.js';

/**
 * The courier scenario in the admin (issue 3), end to end on the built API and admin:
 *
 * the owner adds a privacy officer, a recipient (a courier) and an OUTSOURCING exception for
 * journal delivery (name and postal address); the owner cannot approve their own draft; the
 * privacy officer signs in and approves it, issues a partner key for the courier and sees it once;
 * the decision tester then allows providing a seeded member's name and postal address to the
 * courier, with the exception as its basis.
 */

const OFFICER_EMAIL = 'officer@steward.test';
const OFFICER_PASSWORD = `e2e-${randomBytes(9).toString('base64url')}`;

const MARKER = randomBytes(4).toString('hex');
const COURIER = `Kudan Courier ${MARKER}`;
const TITLE = `Journal delivery by courier ${MARKER}`;
const JOURNAL = 'Delivery of the Journal and publications';
const PROVIDER_REFERENCE = 'JSPE-M-000101';

browserStory('Permitted exceptions, partner keys and decisions in the admin (Chromium, embedded SQLite)', (story) => {
  let page: Page;
  let exceptionPath = '';

  beforeAll(async () => {
    page = story.page;
  });

  const nav = () => page.getByRole('navigation', { name: 'Main navigation' });

  it('signs the owner in and adds a privacy officer', async () => {
    await signIn(page, story.stack.baseUrl, OWNER.email, OWNER.password);
    await nav().getByRole('link', { name: 'Admin users' }).click();
    await page.waitForURL(/\/admin-users$/);
    const form = page.getByRole('form', { name: 'Create admin user' });
    await form.getByLabel(/^Email( \*)?$/).fill(OFFICER_EMAIL);
    await form.getByLabel(/^Display name( \*)?$/).fill('Officer Suzuki');
    await form.getByLabel(/^Role( \*)?$/).selectOption('PRIVACY_OFFICER');
    await form.getByLabel(/^Initial password( \*)?$/).fill(OFFICER_PASSWORD);
    await form.getByRole('button', { name: 'Create user' }).click();
    await visible(page.getByRole('table', { name: 'Admin users' }).getByRole('cell', { name: OFFICER_EMAIL }));
  });

  it('creates the courier as a recipient', async () => {
    await nav().getByRole('link', { name: 'Recipients' }).click();
    await page.waitForURL(/\/recipients$/);
    const form = page.getByRole('form', { name: 'Create recipient' });
    await form.getByLabel(/^Name( \*)?$/).fill(COURIER);
    await form.getByLabel(/^Kind( \*)?$/).selectOption('CONTRACTOR');
    await form.getByLabel(/^Contact( \*)?$/).fill('dispatch@courier.example');
    await form.getByRole('button', { name: 'Create recipient' }).click();
    await visible(page.getByRole('table', { name: 'Recipients' }).getByRole('link', { name: COURIER }));
  });

  it('drafts an outsourcing exception, which its author cannot approve', async () => {
    await nav().getByRole('link', { name: 'Exceptions' }).click();
    await page.waitForURL(/\/exceptions$/);
    await page.getByRole('link', { name: 'New exception' }).click();
    await page.waitForURL(/\/exceptions\/new$/);

    const form = page.getByRole('form', { name: 'Exception' });
    await form.getByLabel(/^Kind( \*)?$/).selectOption('OUTSOURCING');
    await form.getByLabel(/^Title( \*)?$/).fill(TITLE);

    const evidence = form.getByRole('group', { name: 'Evidence' });
    await evidence.getByLabel(/^Contractor( \*)?$/).selectOption({ label: COURIER });
    await evidence.getByLabel(/^Contract reference( \*)?$/).fill(`CTR-${MARKER}`);
    await evidence.getByLabel(/^Served purpose( \*)?$/).selectOption({ label: JOURNAL });
    await evidence.getByLabel(/^Supervision record( \*)?$/).fill('Annual on-site audit, 2026-04');
    const contracted = evidence.getByRole('group', { name: /Categories the contractor may receive/ });
    await contracted.getByRole('checkbox', { name: 'Name', exact: true }).check();
    await contracted.getByRole('checkbox', { name: 'Postal address', exact: true }).check();

    const scope = form.getByRole('group', { name: 'Scope' });
    await scope.getByRole('checkbox', { name: JOURNAL }).check();
    const categories = scope.getByRole('group', { name: 'Categories', exact: true });
    await categories.getByRole('checkbox', { name: 'Name', exact: true }).check();
    await categories.getByRole('checkbox', { name: 'Postal address', exact: true }).check();
    await scope.getByRole('switch', { name: 'All providers' }).check();
    await expect(scope.getByLabel(/^Recipient( \*)?$/).inputValue()).resolves.not.toBe('');

    await form.getByRole('button', { name: 'Create draft' }).click();
    await page.waitForURL((url) => /^\/exceptions\/[^/]+$/.test(url.pathname) && url.pathname !== '/exceptions/new');
    exceptionPath = new URL(page.url()).pathname;

    await visible(page.getByRole('heading', { name: TITLE }));
    await visible(page.getByRole('main').getByText('Draft', { exact: true }));
    await visible(page.getByText('Waiting for a second person'));
    await expect(page.getByRole('button', { name: 'Approve' }).count()).resolves.toBe(0);
  });

  it('signs out and in again as the privacy officer, who approves it', async () => {
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    await signIn(page, story.stack.baseUrl, OFFICER_EMAIL, OFFICER_PASSWORD);

    await nav().getByRole('link', { name: 'Exceptions' }).click();
    await page.getByRole('table', { name: 'Permitted exceptions' }).getByRole('link', { name: TITLE }).click();
    await page.waitForURL((url) => url.pathname === exceptionPath);
    await page.getByRole('button', { name: 'Approve' }).click();

    await visible(page.getByRole('main').getByText('Active', { exact: true }));
    await visible(page.getByRole('region', { name: 'History' }).getByText(/^Officer Suzuki · /));
    await expect(page.getByRole('button', { name: 'Approve' }).count()).resolves.toBe(0);
    await visible(page.getByRole('button', { name: 'Revoke' }));

    await page.screenshot({ path: join(RESULTS_DIR, 'exception-detail.png'), fullPage: true });
  });

  it('issues a partner key for the courier and shows it once', async () => {
    await page.getByRole('region', { name: 'Scope' }).getByRole('link', { name: COURIER }).click();
    await page.waitForURL(/\/recipients\/[^/]+$/);
    const form = page.getByRole('form', { name: 'Issue key' });
    await form.getByLabel(/^Key label( \*)?$/).fill('Dispatch system');
    await form.getByRole('button', { name: 'Issue key' }).click();

    const dialog = page.getByRole('dialog');
    await visible(dialog.getByText('You will not see this key again'));
    const key = ((await dialog.getByTestId('issued-key').textContent()) ?? '').trim();
    expect(key.length).toBeGreaterThan(20);
    await visible(dialog.getByRole('button', { name: 'Copy key' }));
    await dialog.getByRole('button', { name: 'I have stored it' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const keys = page.getByRole('table', { name: 'Partner keys' });
    await visible(keys.getByRole('cell', { name: 'Dispatch system', exact: true }));
    await expect(page.getByText(key).count()).resolves.toBe(0);
    await page.reload();
    await keys.waitFor();
    await expect(page.getByText(key).count()).resolves.toBe(0);
  });

  it('allows providing a member’s name and postal address to the courier, on the exception', async () => {
    await nav().getByRole('link', { name: 'Decision tester' }).click();
    await page.waitForURL(/\/decision-tester$/);
    await visible(page.getByText(/Every decision, allowed or denied, is written to the ledger/));

    const form = page.getByRole('form', { name: 'Decision request' });
    await form.getByRole('radio', { name: 'Provision to a third party' }).check();
    await form.getByRole('searchbox', { name: 'Find provider' }).fill(PROVIDER_REFERENCE);
    await form
      .getByRole('list', { name: 'Matching providers' })
      .getByRole('button', { name: PROVIDER_REFERENCE })
      .click();
    await expect(form.getByLabel(/^Provider id( \*)?$/).inputValue()).resolves.not.toBe('');
    await form.getByLabel(/^Purpose( \*)?$/).selectOption({ label: JOURNAL });
    await form.getByRole('checkbox', { name: 'Name', exact: true }).check();
    await form.getByRole('checkbox', { name: 'Postal address', exact: true }).check();
    await form.getByLabel(/^Recipient( \*)?$/).selectOption({ label: COURIER });
    await form.getByRole('button', { name: 'Decide' }).click();

    const decision = page.getByRole('region', { name: 'Decision' });
    await visible(decision.getByTestId('decision-verdict').getByText('Allowed'));
    const basis = decision.getByTestId('decision-basis').getByRole('link', { name: TITLE });
    await visible(basis);
    await expect(basis.getAttribute('href')).resolves.toBe(exceptionPath);
    // Which exception, with which evidence: the contract it rests on.
    await visible(decision.getByRole('list', { name: 'Evidence' }).getByText(`CTR-${MARKER}`));
    await expect(
      decision.getByRole('list', { name: 'Reasons' }).getByRole('listitem').count(),
    ).resolves.toBeGreaterThan(0);
  });
});
