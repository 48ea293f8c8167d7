import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { browserStory, OWNER, signIn, sleep, visible } from './support.js';

/**
 * The incident register (issue 18, clause 3; APPI Art. 26) on the built API and admin:
 *
 * 1,200 members are imported through the API's fastest path (one CSV through the member import job,
 * 250 rows per transaction); a privacy officer records a leak affecting them by pasting their
 * references (the REFERENCES selector), sees it assessed reportable because more than 1,000 people
 * are affected, with both report deadlines, marks it assessing, records the preliminary report (date
 * and the Commission's reference) and sees the status "Preliminary report sent".
 */

const PEOPLE = 1200;
const TAG = randomBytes(3).toString('hex').toUpperCase();
const references = Array.from({ length: PEOPLE }, (_, i) => `E2E-${TAG}-${String(i + 1).padStart(4, '0')}`);
const OFFICER = {
  email: `officer-${TAG.toLowerCase()}@steward.test`,
  password: `e2e-officer-${randomBytes(9).toString('base64url')}`,
};
const TITLE = `Journal notice e-mailed with addresses in CC ${TAG}`;
const COMMISSION_REFERENCE = `PPC-${TAG}`;

/** Signs in to the API as `email` and returns its session cookie, for the upload and GraphQL calls. */
async function sessionOf(baseUrl: string, email: string, password: string) {
  const login = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($input: LoginInput!) { login(input: $input) { id } }',
      variables: { input: { email, password } },
    }),
  });
  const cookie = login.headers
    .getSetCookie()
    .find((c) => c.startsWith('steward_session='))!
    .split(';')[0]!;
  const call = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const res = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: unknown[] };
    if (body.errors?.length || !body.data) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  return { cookie, call };
}

/** 1,200 members in one CSV through the member import job; resolves when the job has imported them. */
async function importMembers(baseUrl: string): Promise<void> {
  const { cookie, call } = await sessionOf(baseUrl, OWNER.email, OWNER.password);
  const csv =
    'reference,name,email,purposes,consent date\n' +
    references
      .map(
        (r, i) =>
          `${r},E2E Member ${i + 1},e2e-${TAG.toLowerCase()}-${i + 1}@example.jp,MEMBERSHIP_ADMINISTRATION,2024-04-01`,
      )
      .join('\n') +
    '\n';
  const upload = await fetch(`${baseUrl}/api/imports`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', 'x-steward-upload': '1', cookie },
    body: csv,
  });
  if (upload.status !== 201) throw new Error(`upload: ${upload.status} ${await upload.text()}`);
  const { id } = (await upload.json()) as { id: string };
  const { startImport } = await call<{ startImport: { id: string } }>(
    'mutation($input: ImportSettingsInput!) { startImport(input: $input) { id } }',
    {
      input: {
        fileId: id,
        providerKind: 'RELATED_PERSONNEL',
        mapping: [
          { column: 0, target: 'REFERENCE' },
          { column: 1, target: 'NAME' },
          { column: 2, target: 'EMAIL' },
          { column: 3, target: 'PURPOSES' },
          { column: 4, target: 'CONSENT_DATE' },
        ],
      },
    },
  );
  // The runner polls every 5 s; 1,200 rows are five chunks.
  for (let i = 0; i < 60; i++) {
    const { job } = await call<{ job: { status: string; errorCode: string | null } }>(
      'query($id: ID!) { job(id: $id) { status errorCode } }',
      { id: startImport.id },
    );
    if (job.status === 'SUCCEEDED') return;
    if (job.status === 'FAILED' || job.status === 'CANCELLED')
      throw new Error(`import: ${job.status} ${job.errorCode}`);
    await sleep(500);
  }
  throw new Error('import: not finished in 30 s');
}

browserStory(
  'An incident affecting 1,200 people, from record to preliminary report (Chromium, embedded SQLite)',
  (story) => {
    let page: Page;

    beforeAll(async () => {
      page = story.page;
      const { call } = await sessionOf(story.stack.baseUrl, OWNER.email, OWNER.password);
      await call('mutation($input: CreateAdminUserInput!) { createAdminUser(input: $input) { id } }', {
        input: {
          email: OFFICER.email,
          password: OFFICER.password,
          displayName: 'E2E Officer',
          role: 'PRIVACY_OFFICER',
        },
      });
      await importMembers(story.stack.baseUrl);
    });

    it('records a leak affecting 1,200 providers by their references', async () => {
      await signIn(page, story.stack.baseUrl, OFFICER.email, OFFICER.password);
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Incidents' }).click();
      await page.waitForURL(/\/incidents$/);
      await page.getByRole('link', { name: 'Record an incident' }).click();
      await page.waitForURL(/\/incidents\/new$/);

      const main = page.getByRole('main');
      await main.getByLabel('Kind', { exact: true }).selectOption({ label: 'Leak' });
      await main.getByRole('textbox', { name: 'Title' }).fill(TITLE);
      // Ten minutes ago, in the browser's time zone (a datetime-local field).
      const awareAt = await page.evaluate(() => {
        const d = new Date(Date.now() - 10 * 60_000);
        const p = (n: number) => String(n).padStart(2, '0');
        return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
      });
      await main.getByLabel(/^Aware since/).fill(awareAt);
      await main.getByLabel('How it was found').selectOption({ label: 'Found by staff' });
      await main
        .getByRole('combobox', { name: 'Cause', exact: true })
        .selectOption({ label: 'Sent to the wrong recipient' });
      await main
        .getByRole('textbox', { name: 'What happened' })
        .fill('The journal notice went out with every address in CC.');

      await main.getByRole('button', { name: 'Add a selection' }).click();
      const selection = main.getByRole('group', { name: 'Selection 1' });
      await selection.getByLabel('Choose by').selectOption({ label: 'Imported by reference' });
      await selection.getByRole('textbox', { name: 'References' }).fill(references.join('\n'));
      await visible(selection.getByText('1,200 providers'));

      await main.getByRole('button', { name: 'Record the incident' }).click();
      await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
      await visible(page.getByRole('heading', { name: new RegExp(TITLE) }));
    });

    it('shows it reportable because more than 1,000 people are affected, with both deadlines', async () => {
      await visible(page.getByText('Reportable', { exact: true }).first());
      await visible(page.getByText('More than 1,000 people affected (Rules Art. 7(iv))'));
      await visible(page.getByText('1,200 people affected').first());
      for (const kind of ['PRELIMINARY', 'FINAL']) await visible(page.getByTestId(`deadline-${kind}`));
      await expect(page.getByTestId('deadline-PRELIMINARY').textContent()).resolves.toMatch(/day 5/);
      await expect(page.getByTestId('deadline-FINAL').textContent()).resolves.toMatch(/day 30/);
    });

    it('records the preliminary report and shows the status "Preliminary report sent"', async () => {
      await page.getByRole('button', { name: 'Mark assessing' }).click();
      const record = page.getByRole('button', { name: 'Record the Preliminary report' });
      await visible(record);
      const today = await page.evaluate(() => {
        const d = new Date();
        const p = (n: number) => String(n).padStart(2, '0');
        return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
      });
      await page.getByLabel(/^Sent on/).fill(today);
      await page.getByRole('textbox', { name: /^Reference/ }).fill(COMMISSION_REFERENCE);
      await record.click();
      await visible(page.getByText('Preliminary report sent', { exact: true }).first());
      await visible(page.getByText(new RegExp(`reference ${COMMISSION_REFERENCE}`)));
    });
  },
);
