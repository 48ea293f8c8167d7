import { AdminUsersDocument, CreateAdminUserDocument, LogoutDocument, MeDocument } from '@steward/schema';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, errorOf, OWNER, TestClient, type TestApp } from '../test/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

async function loginResponse(email: string, password: string) {
  return fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($i: LoginInput!) { login(input: $i) { id } }',
      variables: { i: { email, password } },
    }),
  });
}

describe('sign-in and sessions', () => {
  it('sets an HttpOnly SameSite=Strict session cookie and stores only its hash', async () => {
    const res = await loginResponse(OWNER.email.toUpperCase(), OWNER.password);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('steward_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const token = /^steward_session=([^;]+)/.exec(cookie)![1]!;
    const rows = await app
      .em()
      .getConnection()
      .execute<{ token_hash: string }[]>('select token_hash from admin_session');
    expect(rows.map((r) => r.token_hash)).not.toContain(token);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });

  it('answers a wrong password and an unknown account with the same error', async () => {
    const c = app.client();
    const wrong = await c.raw(
      'mutation { login(input: { email: "owner@steward.test", password: "nope-nope-nope" }) { id } }',
    );
    const unknown = await c.raw(
      'mutation { login(input: { email: "ghost@steward.test", password: "nope-nope-nope" }) { id } }',
    );
    expect(errorOf(wrong)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(errorOf(unknown).message).toBe(errorOf(wrong).message);
    expect(c.cookie).toBeNull();
  });

  it('refuses oversized and malformed sign-in input with the field named, creating no session', async () => {
    const c = app.client();
    const oversized = await c.raw('mutation($i: LoginInput!) { login(input: $i) { id } }', {
      i: { email: 'a'.repeat(300) + '@x.jp', password: 'x' },
    });
    expect(errorOf(oversized)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.email' });
    const longPassword = await c.raw('mutation($i: LoginInput!) { login(input: $i) { id } }', {
      i: { email: OWNER.email, password: 'p'.repeat(257) },
    });
    expect(errorOf(longPassword)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.password' });
    const missing = await c.raw('mutation($i: LoginInput!) { login(input: $i) { id } }', { i: { email: OWNER.email } });
    expect(errorOf(missing)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'i.password' });
    const wrongType = await c.raw('mutation($i: LoginInput!) { login(input: $i) { id } }', {
      i: { email: ['x'], password: 1 },
    });
    expect(errorOf(wrongType).code).toBe('BAD_USER_INPUT');
    expect(c.cookie).toBeNull();
  });

  it('throttles an account after ten failed attempts, even with the right password', async () => {
    const email = 'throttle@steward.test';
    const owner = await app.clientAs('OWNER');
    await owner.ok(CreateAdminUserDocument, {
      input: { email, displayName: 'T', role: 'VIEWER', password: 'the-right-password' },
    });
    for (let i = 0; i < 10; i++) await loginResponse(email, 'wrong-password-x');
    const body = (await (await loginResponse(email, 'the-right-password')).json()) as {
      errors: { extensions: { code: string } }[];
    };
    expect(body.errors[0]!.extensions.code).toBe('TOO_MANY_REQUESTS');
    app.clock.advance(16 * 60_000);
    const after = (await (await loginResponse(email, 'the-right-password')).json()) as { data: unknown };
    expect(after.data).toEqual({ login: expect.objectContaining({ id: expect.any(String) }) });
  });

  it('ends the session on logout and when it expires', async () => {
    const c = await app.clientAs('OWNER');
    const token = c.cookie;
    expect((await c.ok(MeDocument)).me?.email).toBe(OWNER.email);
    await c.ok(LogoutDocument);
    const replay = new TestClient(app.url);
    replay.cookie = token;
    expect((await replay.ok(MeDocument)).me).toBeNull();

    const d = await app.clientAs('OWNER');
    app.clock.advance(13 * 3_600_000);
    expect((await d.ok(MeDocument)).me).toBeNull();
  });

  it('extends a session that is in use, writing its last-seen time at most every five minutes', async () => {
    const c = await app.clientAs('OWNER');
    const hash = createHash('sha256').update(c.cookie!).digest('hex');
    const stored = async () =>
      (
        await app
          .em()
          .getConnection()
          .execute<{ last_seen_at: unknown; expires_at: unknown }[]>(
            'select last_seen_at, expires_at from admin_session where token_hash = ?',
            [hash],
          )
      )[0]!;
    const asDate = (v: unknown) =>
      new Date(typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : (v as string | number | Date));
    const first = await stored();
    const me = () =>
      fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `steward_session=${c.cookie}` },
        body: JSON.stringify({ query: '{ me { email } }' }),
      });

    app.clock.advance(60_000);
    const quiet = await me();
    expect(quiet.headers.get('set-cookie')).toBeNull();
    expect(asDate((await stored()).last_seen_at).getTime()).toBe(asDate(first.last_seen_at).getTime());

    // Fourteen hours of use in steps of six minutes: never signed out, though a session lasts twelve.
    for (let i = 0; i < 140; i++) {
      app.clock.advance(6 * 60_000);
      const res = await me();
      expect(((await res.json()) as { data: { me: { email: string } | null } }).data.me?.email).toBe(OWNER.email);
      if (i === 0) expect(res.headers.get('set-cookie')).toMatch(/^steward_session=.*Expires=/);
    }
    const later = await stored();
    expect(asDate(later.expires_at).getTime()).toBeGreaterThan(asDate(first.expires_at).getTime() + 13 * 3_600_000);
    expect(asDate(later.last_seen_at).getTime()).toBeGreaterThan(asDate(first.last_seen_at).getTime());
  });
});

describe('roles', () => {
  it('lets only an owner list and create admins', async () => {
    const officer = await app.clientAs('PRIVACY_OFFICER');
    const viewer = await app.clientAs('VIEWER');
    expect(errorOf(await officer.request(AdminUsersDocument)).code).toBe('FORBIDDEN');
    expect(errorOf(await viewer.request(AdminUsersDocument)).code).toBe('FORBIDDEN');
    const input = {
      email: 'new@steward.test',
      displayName: 'New',
      role: 'VIEWER' as const,
      password: 'long-enough-password',
    };
    expect(errorOf(await viewer.request(CreateAdminUserDocument, { input })).code).toBe('FORBIDDEN');
    expect(errorOf(await app.client().request(AdminUsersDocument)).code).toBe('UNAUTHENTICATED');
  });

  it('refuses weak passwords, bad e-mails and duplicates with the field named', async () => {
    const owner = await app.clientAs('OWNER');
    const base = {
      email: 'ok@steward.test',
      displayName: 'Ok',
      role: 'VIEWER' as const,
      password: 'long-enough-password',
    };
    const cases: [Partial<typeof base>, string, string][] = [
      [{ password: 'short' }, 'input.password', 'TOO_SHORT'],
      [{ email: 'not an email' }, 'input.email', 'INVALID_FORMAT'],
      [{ displayName: ' ' }, 'input.displayName', 'REQUIRED'],
      [{ email: OWNER.email }, 'input.email', 'DUPLICATE'],
    ];
    for (const [override, field, code] of cases) {
      const res = await owner.request(CreateAdminUserDocument, { input: { ...base, ...override } });
      expect(errorOf(res).issues?.map((i) => [i.field, i.code])).toContainEqual([field, code]);
    }
    const list = await owner.ok(AdminUsersDocument);
    expect(list.adminUsers.map((u) => u.email)).not.toContain('ok@steward.test');
  });
});
