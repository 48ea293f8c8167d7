import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import axe from 'axe-core';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

// Shared by the browser tests: the built API (serving the built admin) on a free port with a fresh
// embedded SQLite database and the demo data, and a headless system Chromium.

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const E2E_ROOT = resolve(REPO_ROOT, 'e2e');
export const RESULTS_DIR = join(E2E_ROOT, 'test-results');
export const API_MAIN = join(REPO_ROOT, 'apps/api/dist/main.js');
export const ADMIN_INDEX = join(REPO_ROOT, 'apps/admin/dist/index.html');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM_PATH);
export const IN_CI = Boolean(process.env.CI);
export const SKIP = !HAVE_CHROMIUM && !IN_CI;

export const UI_TIMEOUT = 15_000;
export const NO_ERRORS_STEP = 'raised no console errors and no uncaught page errors';

/**
 * The tests of a browser story are its steps, in order: once one fails, the later ones are skipped
 * (they would only fail for the same reason), except the final console-errors check.
 */
export function skipStepsAfterFailure(onFailure?: () => Promise<unknown>): void {
  let failedStep: string | null = null;
  beforeEach((ctx) => {
    if (failedStep && ctx.task.name !== NO_ERRORS_STEP) ctx.skip(`an earlier step failed: ${failedStep}`);
    ctx.onTestFailed(async () => {
      failedStep ??= ctx.task.name;
      await onFailure?.().catch(() => undefined);
    });
  });
}

export function warnIfSkipped(): void {
  if (SKIP) {
    console.warn(
      `[e2e] Skipping the browser test: no Chromium at ${CHROMIUM_PATH}. ` +
        'Install it (e.g. `apt-get install chromium`) or set CHROMIUM_PATH. With CI set, this is a failure.',
    );
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolvePort(address.port);
        else reject(new Error('could not pick a free port'));
      });
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `GET /healthz` until it answers `{"status":"ok"}`; fails early if the server exits. */
export async function waitForHealthy(baseUrl: string, child: ChildProcess, output: () => string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The API exited (${child.exitCode ?? child.signalCode}) before it was healthy:\n${output()}`);
    }
    try {
      const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
      const body = (await res.json().catch(() => null)) as { status?: string } | null;
      if (res.ok && body?.status === 'ok') return;
      last = `HTTP ${res.status} ${JSON.stringify(body)}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await sleep(250);
  }
  throw new Error(
    `GET /healthz did not answer {"status":"ok"} within ${timeoutMs / 1000} s (last: ${last}):\n${output()}`,
  );
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), sleep(8_000).then(() => true)]);
  if (timedOut) {
    child.kill('SIGKILL');
    await exited;
  }
}

/** Waits for the one element the locator names to be visible; the error names the locator. */
export async function visible(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: 5_000 });
}

/** The body rows of a table (the header row lives in thead). */
export function bodyRows(table: Locator): Locator {
  return table.locator('tbody tr');
}

export type Stack = {
  baseUrl: string;
  page: Page;
  browser: Browser;
  /** console.error messages and uncaught page errors seen so far. */
  consoleErrors: string[];
  stop: () => Promise<void>;
};

/** Starts the built API on a fresh database (owner `ownerEmail` / `ownerPassword`) and a Chromium page. */
export async function startStack(ownerEmail: string, ownerPassword: string): Promise<Stack> {
  if (!HAVE_CHROMIUM) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH} and CI is set: install chromium or set CHROMIUM_PATH.`);
  }
  for (const [what, file] of [
    ['API', API_MAIN],
    ['admin', ADMIN_INDEX],
  ] as const) {
    if (!existsSync(file)) {
      throw new Error(
        `The ${what} is not built (${file} is missing): run \`npx turbo run build --filter=@steward/api --filter=@steward/admin\`.`,
      );
    }
  }
  mkdirSync(RESULTS_DIR, { recursive: true });

  const dataDir = await mkdtemp(join(tmpdir(), 'steward-e2e-'));
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close().catch(() => undefined);
    if (server) await stopServer(server);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      STEWARD_DATA_DIR: dataDir,
      STEWARD_ADMIN_EMAIL: ownerEmail,
      STEWARD_ADMIN_PASSWORD: ownerPassword,
      STEWARD_SEED_DEMO: 'true',
    };
    // The e2e runs on the embedded SQLite database, whatever the developer's shell points at.
    delete env.DATABASE_URL;
    delete env.STEWARD_ENCRYPTION_KEY;
    delete env.STEWARD_ADMIN_DIST;

    let serverOutput = '';
    server = spawn(process.execPath, [API_MAIN], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer) => {
      serverOutput = (serverOutput + chunk.toString()).slice(-20_000);
    };
    server.stdout?.on('data', keep);
    server.stderr?.on('data', keep);
    await waitForHealthy(baseUrl, server, () => serverOutput);
    await readInEnglish(baseUrl, ownerEmail, ownerPassword);

    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    context.setDefaultTimeout(UI_TIMEOUT);
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') {
        const where = message.location();
        consoleErrors.push(`console.error: ${message.text()}${where.url ? ` (${where.url}:${where.lineNumber})` : ''}`);
      }
    });
    page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.name}: ${error.message}`));
    return { baseUrl, page, browser, consoleErrors, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** A signed-in GraphQL session of the API, as the owner: for a story's setup through the API. */
export async function apiSession(
  baseUrl: string,
  email: string,
  password: string,
): Promise<<T>(query: string, variables?: Record<string, unknown>) => Promise<T>> {
  let cookie = '';
  const call = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const res = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    cookie =
      res.headers
        .getSetCookie()
        .find((c) => c.startsWith('steward_session='))
        ?.split(';')[0] ?? cookie;
    const body = (await res.json()) as { data?: T; errors?: unknown[] };
    if (body.errors?.length || !body.data) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  await call('mutation($input: LoginInput!) { login(input: $input) { id } }', { input: { email, password } });
  return call;
}

/**
 * The stories read the admin's English words: the organisation's default language (Japanese, as in
 * the demo) becomes English for every member, through the API as the owner. A story in Japanese
 * switches with the header's 日本語.
 */
async function readInEnglish(baseUrl: string, email: string, password: string): Promise<void> {
  const call = await apiSession(baseUrl, email, password);
  const { organisation: o } = await call<{
    organisation: {
      version: number;
      name: string;
      nameJa: string;
      secretariat: { name: string; postalAddress: string; telephone: string; fax: string; email: string };
    };
  }>('{ organisation { version name nameJa secretariat { name postalAddress telephone fax email } } }', {});
  const { secretariat: s } = o;
  await call('mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id } }', {
    input: {
      expectedVersion: o.version,
      name: o.name,
      nameJa: o.nameJa,
      secretariatName: s.name,
      postalAddress: s.postalAddress,
      telephone: s.telephone,
      fax: s.fax,
      email: s.email,
      defaultLanguage: 'EN',
    },
  });
  await call('mutation { logout }', {});
}

/** Signs in through the login form and waits for the providers page (asked for: the landing page is the home page of work). */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login?next=%2Fproviders`);
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await form.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/providers$/);
  await visible(page.getByText(`Signed in as ${email}`));
}

/** The first owner of each story's fresh database (a new password per test file). */
export const OWNER = { email: 'owner@steward.test', password: `e2e-${randomBytes(9).toString('base64url')}` };

/** What a story's steps reach: the running stack and its page (started before the first step). */
export interface Story {
  readonly stack: Stack;
  readonly page: Page;
}

/**
 * A browser story: the built stack started for it with {@link OWNER} as the first owner, its steps
 * (defined by `steps`, in order; once one fails the later ones are skipped), then a final step that
 * fails on any console error or uncaught page error. Skipped without Chromium, unless CI is set.
 */
export function browserStory(
  title: string,
  steps: (story: Story) => void,
  options: { onFailure?: (story: Story) => Promise<unknown> } = {},
): void {
  warnIfSkipped();
  describe.skipIf(SKIP)(title, () => {
    let stack: Stack | undefined;
    const story: Story = {
      get stack() {
        if (!stack) throw new Error('The stack has not started');
        return stack;
      },
      get page() {
        return story.stack.page;
      },
    };
    beforeAll(async () => {
      stack = await startStack(OWNER.email, OWNER.password);
    });
    skipStepsAfterFailure(options.onFailure && (() => options.onFailure!(story)));
    afterAll(async () => {
      await stack?.stop();
    });
    steps(story);
    it(NO_ERRORS_STEP, () => {
      expect(stack?.consoleErrors ?? []).toEqual([]);
    });
  });
}

export type AxeViolation = { id: string; impact: string | null; help: string; targets: string[] };

/**
 * axe-core's violations of impact serious or critical on the page as it is now. Its script is added
 * to the page, so the page's context needs `bypassCSP: true` (the API's pages allow same-origin scripts only).
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axe.source });
  const violations = (await page.evaluate(`axe
    .run(document, { resultTypes: ['violations'] })
    .then((r) => r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => String(n.target)),
    })))`)) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
