import { randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signIn, visible, browserStory, OWNER, UI_TIMEOUT } from './support.js';

/**
 * Staff accounts (issue 14), end to end on the built API and admin: the owner invites a member and
 * copies the one-time link; the member opens it in a second browser, chooses a password (and is
 * signed in), enrols an authenticator app (its code computed here with otplib) and signs in again
 * with a recovery code; the owner sees the second factor and deactivates the member, whose open
 * page is sent to the sign-in page on its next request.
 */

const MARKER = randomBytes(4).toString('hex');
const MEMBER = {
  email: `member-${MARKER}@steward.test`,
  name: `Member ${MARKER}`,
  password: `violet staple ${MARKER} orbit canyon`,
};

browserStory('Staff accounts: invitation, second factor and offboarding (Chromium, embedded SQLite)', (story) => {
  let page: Page;
  let memberContext: BrowserContext | undefined;
  let member: Page;
  let link = '';
  let recoveryCodes: string[] = [];

  beforeAll(async () => {
    page = story.page;
  });
  afterAll(async () => {
    await memberContext?.close();
  });

  const staffRow = () =>
    page.getByRole('table', { name: 'Admin users' }).getByRole('row').filter({ hasText: MEMBER.email });

  it('the owner invites a member and gets the one-time link', async () => {
    await signIn(page, story.stack.baseUrl, OWNER.email, OWNER.password);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Admin users' }).click();
    await page.waitForURL(/\/admin-users$/);
    const form = page.getByRole('form', { name: 'Invite staff' });
    await form.getByLabel(/^Email( \*)?$/).fill(MEMBER.email);
    await form.getByLabel(/^Display name( \*)?$/).fill(MEMBER.name);
    await form.getByLabel(/^Role( \*)?$/).selectOption('PRIVACY_OFFICER');
    await form.getByRole('button', { name: 'Create invitation link' }).click();
    const shown = form.getByLabel('Invitation link');
    await visible(shown);
    link = (await shown.textContent()) ?? '';
    expect(link).toMatch(new RegExp(`^${story.stack.baseUrl}/invitation#[\\w-]{20,}$`));
    await visible(
      page.getByRole('table', { name: 'Pending invitations' }).getByRole('cell', { name: MEMBER.email, exact: true }),
    );
  });

  it('the member opens the link in another browser, chooses a password and is signed in', async () => {
    memberContext = await story.stack.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    memberContext.setDefaultTimeout(UI_TIMEOUT);
    member = await memberContext.newPage();
    member.on('console', (message) => {
      if (message.type() === 'error') story.stack.consoleErrors.push(`member console.error: ${message.text()}`);
    });
    member.on('pageerror', (error) => story.stack.consoleErrors.push(`member pageerror: ${error.message}`));

    await member.goto(link);
    await visible(member.getByRole('heading', { name: new RegExp(`^${MEMBER.name}, you are invited to`) }));
    await visible(member.getByText(`You will sign in as ${MEMBER.email}`, { exact: false }));
    const form = member.getByRole('form', { name: 'Accept invitation' });
    await form.getByLabel(/^Choose a password/).fill(MEMBER.password);
    await form.getByLabel(/^Repeat the password/).fill(MEMBER.password);
    await form.getByRole('button', { name: 'Create my account' }).click();
    await member.waitForURL((url) => url.pathname === '/');
    await visible(member.getByText(`Signed in as ${MEMBER.email}`));
  });

  it('the member enrols an authenticator app and gets ten recovery codes', async () => {
    await member.getByRole('link', { name: 'My account' }).click();
    await member.waitForURL(/\/account$/);
    await member.getByRole('button', { name: 'Set up an authenticator app' }).click();
    await visible(member.getByRole('img', { name: 'QR code for your authenticator app' }));
    const secret = ((await member.getByLabel('Key for manual entry', { exact: true }).textContent()) ?? '').trim();
    const code = await generate({ strategy: 'totp', secret, epoch: Math.floor(Date.now() / 1000) });
    await member.getByLabel(/^Code from the app/).fill(code);
    await member.getByLabel(/^Your password/).fill(MEMBER.password);
    await member.getByRole('button', { name: 'Confirm' }).click();
    const codes = member.getByLabel('Recovery codes', { exact: true });
    await visible(codes);
    recoveryCodes = ((await codes.textContent()) ?? '').split('\n').filter(Boolean);
    expect(recoveryCodes).toHaveLength(10);
    await member.getByRole('button', { name: 'I have stored them' }).click();
    await visible(member.getByText(/An authenticator app is set up/));
    await expect(member.getByLabel('Recovery codes', { exact: true }).count()).resolves.toBe(0);
  });

  it('the member signs in again with a recovery code as the second factor', async () => {
    await member.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await member.waitForURL(/\/login/);
    const form = member.getByRole('form', { name: 'Sign in' });
    await form.getByRole('textbox', { name: 'Email', exact: true }).fill(MEMBER.email);
    await form.getByRole('textbox', { name: 'Password', exact: true }).fill(MEMBER.password);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await form.getByLabel(/^Authentication code/).fill(recoveryCodes[0]!);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await member.waitForURL((url) => url.pathname === '/');
    await visible(member.getByText(`Signed in as ${MEMBER.email}`));
  });

  it('the owner sees the second factor and deactivates the member', async () => {
    await page.reload();
    await visible(staffRow().getByRole('cell', { name: 'Yes', exact: true }));
    await staffRow()
      .getByRole('button', { name: `Manage ${MEMBER.name}` })
      .click();
    await page.getByRole('menuitem', { name: 'Deactivate…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Deactivate this account?' });
    await dialog.getByRole('button', { name: 'Deactivate', exact: true }).click();
    await visible(staffRow().getByText('Deactivated', { exact: true }));
    await staffRow()
      .getByRole('button', { name: `Manage ${MEMBER.name}` })
      .click();
    await visible(page.getByRole('menuitem', { name: 'Reactivate' }));
    await page.keyboard.press('Escape');
  });

  it("the member's open page is signed out on its next request", async () => {
    await member
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Privacy policy' })
      .click();
    await member.waitForURL(/\/login\?next=%2Fpolicy$/);
    await visible(member.getByRole('form', { name: 'Sign in' }));
  });
});
