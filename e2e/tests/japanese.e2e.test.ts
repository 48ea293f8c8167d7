import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { apiSession, browserStory, OWNER, RESULTS_DIR, signIn, visible } from './support.js';

/**
 * Steward in Japanese (issue 16), as the secretariat reads it: the owner signs in (English, the
 * stories' default), switches the header to 日本語, and sees the providers list, a Japanese member,
 * that member's disclosure package (in the member's language) and the public policy in Japanese.
 * Each screen is saved as a screenshot in e2e/test-results (ja-*.png) for a person to look at.
 */

const MEMBER_NAME = '山田 太郎';

browserStory('Steward in Japanese (Chromium, embedded SQLite)', (story) => {
  let page: Page;
  let requestId = '';
  const shot = (name: string) => page.screenshot({ path: join(RESULTS_DIR, `ja-${name}.png`), fullPage: true });

  beforeAll(async () => {
    page = story.page;
    // A disclosure request of the Japanese demo member, verified and in progress, through the API.
    const call = await apiSession(story.stack.baseUrl, OWNER.email, OWNER.password);
    const found = await call<{ providers: { edges: { node: { id: string; language: string } }[] } }>(
      'query($filter: ProviderFilter) { providers(first: 5, filter: $filter) { edges { node { id language } } } }',
      { filter: { search: '山田太郎' } },
    );
    const member = found.providers.edges[0]?.node;
    if (!member) throw new Error(`The demo data has no ${MEMBER_NAME}`);
    expect(member.language).toBe('ja');
    const created = await call<{ createProviderRequest: { id: string; version: number } }>(
      'mutation($input: CreateProviderRequestInput!) { createProviderRequest(input: $input) { id version } }',
      {
        input: {
          kind: 'DISCLOSURE',
          channel: 'POST',
          requesterName: MEMBER_NAME,
          contact: '東京都千代田区九段北1-5-9',
          details: '保有個人データの開示を請求します。',
          providerId: member.id,
        },
      },
    );
    requestId = created.createProviderRequest.id;
    let version = created.createProviderRequest.version;
    const status = async (to: string) => {
      const r = await call<{ changeRequestStatus: { version: number } }>(
        'mutation($input: ChangeRequestStatusInput!) { changeRequestStatus(input: $input) { version } }',
        { input: { requestId, expectedVersion: version, status: to } },
      );
      version = r.changeRequestStatus.version;
    };
    await status('VERIFYING');
    const verified = await call<{ verifyRequestIdentity: { version: number } }>(
      'mutation($input: VerifyRequestIdentityInput!) { verifyRequestIdentity(input: $input) { version } }',
      { input: { requestId, expectedVersion: version, method: 'MEMBERSHIP_RECORD' } },
    );
    version = verified.verifyRequestIdentity.version;
    await status('IN_PROGRESS');
  });

  it('signs in and switches the admin to Japanese', async () => {
    await signIn(page, story.stack.baseUrl, OWNER.email, OWNER.password);
    await page.getByRole('banner').getByText('日本語', { exact: true }).click();
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    await visible(nav);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ja');
  });

  it('shows the providers list in Japanese', async () => {
    await visible(page.getByRole('main').getByRole('heading', { name: '情報提供者', exact: true }));
    const table = page.getByRole('table', { name: '情報提供者' });
    await visible(table.getByRole('columnheader', { name: '管理番号' }));
    await visible(table.getByText(MEMBER_NAME));
    await shot('providers');
  });

  it('shows a Japanese member in Japanese', async () => {
    await page
      .getByRole('table', { name: '情報提供者' })
      .locator('tbody tr', { hasText: MEMBER_NAME })
      .getByRole('link')
      .click();
    await page.waitForURL(/\/providers\/[^/]+$/);
    await visible(page.getByRole('main').getByText(MEMBER_NAME).first());
    await visible(page.getByRole('table', { name: '個人情報の項目' }));
    await shot('provider');
    await expect(page.getByRole('main').textContent()).resolves.toMatch(/取得記録と同意の控え[\s\S]*利用目的/);
  });

  it("produces the member's disclosure package, written in Japanese", async () => {
    await page.goto(`${story.stack.baseUrl}/requests/${requestId}`);
    await page.getByRole('button', { name: '開示資料を作成' }).click();
    const pkg = page.getByTestId('disclosure-package');
    await visible(pkg);
    await visible(pkg.getByText(MEMBER_NAME).first());
    await visible(pkg.getByText(/JSON の SHA-256：[0-9a-f]{64}/));
    await expect(pkg.textContent()).resolves.toContain('利用目的');
    await shot('disclosure-package');
  });

  it('shows the public privacy policy in Japanese', async () => {
    await page.goto(`${story.stack.baseUrl}/privacy?lang=ja`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ja');
    await visible(page.getByRole('heading', { name: /プライバシーポリシー/ }).first());
    await expect(page.title()).resolves.toContain('精密工学会');
    await shot('public-policy');
  });
});
