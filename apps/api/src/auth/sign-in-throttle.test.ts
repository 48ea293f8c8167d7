import {
  AdminUsersDocument,
  BeginTotpEnrolmentDocument,
  ConfirmTotpEnrolmentDocument,
  CreateAdminUserDocument,
  DeactivateStaffDocument,
  ResetStaffPasswordDocument,
} from '@steward/schema';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCluster, type TestCluster } from '../test/cluster.js';
import { DATABASES, POSTGRESQL_ONLY } from '../test/databases.js';
import { createTestApp, OWNER, TestClient, type TestApp } from '../test/test-app.js';
import { SIGN_IN_LIMITS } from './sign-in-throttle.js';

interface Answer {
  status: 'signed-in' | 'UNAUTHENTICATED' | 'TOO_MANY_REQUESTS' | string;
  deviceCookie: string | null;
  retryAfterSeconds?: number;
}

describe.each(DATABASES)('sign-in throttling on %s', (database) => {
  let app: TestApp;
  beforeAll(async () => {
    // One proxy hop is trusted, so each request can say which address it comes from.
    app = await createTestApp({ database, config: { trustProxyHops: 1 } });
  });
  afterAll(() => app.close());

  async function signIn(
    email: string,
    password: string,
    from: string,
    device?: string | null,
    code?: string,
  ): Promise<Answer> {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': from,
        ...(device ? { cookie: `steward_device=${device}` } : {}),
      },
      body: JSON.stringify({
        query: 'mutation($i: LoginInput!) { login(input: $i) { id } }',
        variables: { i: { email, password, ...(code ? { code } : {}) } },
      }),
    });
    const body = (await res.json()) as {
      data?: { login: { id: string } | null };
      errors?: { extensions: { code: string; retryAfterSeconds?: number } }[];
    };
    const device_ = res.headers
      .getSetCookie()
      .map((c) => /^steward_device=([^;]+)/.exec(c)?.[1])
      .find(Boolean);
    return {
      status: body.data?.login ? 'signed-in' : body.errors![0]!.extensions.code,
      deviceCookie: device_ ?? null,
      retryAfterSeconds: body.errors?.[0]?.extensions.retryAfterSeconds,
    };
  }

  async function createMember(email: string, password: string, role: 'OWNER' | 'VIEWER' = 'VIEWER') {
    const owner = await app.clientAs('OWNER');
    await owner.ok(CreateAdminUserDocument, { input: { email, displayName: 'Member', role, password } });
  }

  const codeFor = (secret: string) =>
    generate({ strategy: 'totp', secret, epoch: Math.floor(app.clock.now.getTime() / 1000) });

  /** A new owner who has enrolled an authenticator app (from a browser the tests do not use again). */
  async function ownerWithTotp(email: string, password: string): Promise<{ secret: string }> {
    await createMember(email, password, 'OWNER');
    const c = new TestClient(app.url);
    await c.login(email, password);
    const { beginTotpEnrolment } = await c.ok(BeginTotpEnrolmentDocument);
    const code = await codeFor(beginTotpEnrolment.secret);
    await c.ok(ConfirmTotpEnrolmentDocument, { input: { code, password } });
    app.clock.advance(30_000);
    return { secret: beginTotpEnrolment.secret };
  }

  const tally = (answers: Answer[]) => {
    const counts: Record<string, number> = {};
    for (const a of answers) counts[a.status] = (counts[a.status] ?? 0) + 1;
    return counts;
  };

  it('checks at most ten of 200 concurrent wrong passwords for one account from one address', async () => {
    const email = `race-${database}@steward.test`;
    await createMember(email, 'a-right-password-for-race');
    const answers = await Promise.all(
      Array.from({ length: 200 }, () => signIn(email, 'wrong-password-guess', '198.51.100.10')),
    );
    const counts = tally(answers);
    expect(counts.UNAUTHENTICATED).toBeLessThanOrEqual(SIGN_IN_LIMITS.pair.points);
    expect(counts.UNAUTHENTICATED).toBeGreaterThan(0);
    expect(counts.TOO_MANY_REQUESTS).toBe(200 - counts.UNAUTHENTICATED!);
    console.info(`[${database}] 200 concurrent wrong passwords: ${counts.UNAUTHENTICATED} checked`);
  });

  it('checks at most ten of 150 concurrent wrong passwords from 150 addresses, and one paced attempt', async () => {
    app.clock.advance(20 * 60_000);
    const email = `spread-${database}@steward.test`;
    await createMember(email, 'a-right-password-for-spread');
    const answers = await Promise.all(
      Array.from({ length: 150 }, (_, i) => signIn(email, 'wrong-password-guess', `10.7.${i >> 8}.${i & 255}`)),
    );
    const counts = tally(answers);
    console.info(`[${database}] 150 concurrent wrong passwords from 150 addresses: ${counts.UNAUTHENTICATED} checked`);
    expect(counts.UNAUTHENTICATED).toBeLessThanOrEqual(SIGN_IN_LIMITS.accountAttempts.points + 1);
    expect(counts.UNAUTHENTICATED).toBeGreaterThanOrEqual(SIGN_IN_LIMITS.accountAttempts.points);
    expect(counts.TOO_MANY_REQUESTS).toBe(150 - counts.UNAUTHENTICATED!);
  });

  it('lets the owner in with password and code from another address while an attacker hammers the account, and the attacker stays locked out', async () => {
    app.clock.advance(20 * 60_000);
    const email = `hammered-${database}@steward.test`;
    const password = 'a-right-password-hammered';
    const { secret } = await ownerWithTotp(email, password);
    const attacker = '203.0.113.66';
    // The attacker's 40 guesses and the owner's tries (a new browser elsewhere, every few seconds) at once.
    const attack = Promise.all(Array.from({ length: 40 }, (_, i) => signIn(email, `guess-${i}-wrong-pw`, attacker)));
    let tries = 0;
    let owner: Answer | null = null;
    while (tries < 5 && owner?.status !== 'signed-in') {
      if (tries > 0) app.clock.advance(SIGN_IN_LIMITS.pace.durationSeconds * 1000 + 1);
      tries++;
      owner = await signIn(email, password, '192.0.2.10', null, await codeFor(secret));
    }
    const guesses = tally(await attack);
    console.info(`[${database}] owner with a second factor in after ${tries} tries beside 40 concurrent guesses`);
    expect(owner!.status).toBe('signed-in');
    expect(owner!.deviceCookie).toMatch(/^[\w-]+\.[0-9a-f]{32}$/);
    expect(guesses.UNAUTHENTICATED).toBeLessThanOrEqual(SIGN_IN_LIMITS.pair.points);
    expect((await signIn(email, password, attacker, null, await codeFor(secret))).status).toBe('TOO_MANY_REQUESTS');
  });

  it('keeps no paced slot from the owner: an attacker with 18 addresses taking each one cannot keep a new browser out', async () => {
    app.clock.advance(20 * 60_000);
    const email = `paced-${database}@steward.test`;
    const password = 'a-right-password-paced';
    const { secret } = await ownerWithTotp(email, password);
    // The reviewer's attack: enough addresses for one guess at the start of every 5-s window (about
    // 12 a minute, within the pair limit of 10 per 15 minutes), beginning with the ten that slow the account.
    const addresses = Array.from({ length: 18 }, (_, i) => `198.51.100.${180 + i}`);
    for (let i = 0; i < SIGN_IN_LIMITS.accountAttempts.points; i++) {
      expect((await signIn(email, 'wrong-password-guess', addresses[i]!)).status).toBe('UNAUTHENTICATED');
    }
    let next = SIGN_IN_LIMITS.accountAttempts.points;
    let pacedGuessesChecked = 0;
    let tries = 0;
    let owner: Answer | null = null;
    while (tries < 40 && owner?.status !== 'signed-in') {
      app.clock.advance(SIGN_IN_LIMITS.pace.durationSeconds * 1000 + 1);
      // The attacker first, at the window's start; then the owner from a new browser, no device cookie.
      const guess = await signIn(email, 'wrong-password-guess', addresses[next++ % addresses.length]!);
      if (guess.status === 'UNAUTHENTICATED') pacedGuessesChecked++;
      tries++;
      owner = await signIn(email, password, '192.0.2.60', null, await codeFor(secret));
      if (owner.status !== 'signed-in') expect(owner.status).toBe('TOO_MANY_REQUESTS');
    }
    console.info(
      `[${database}] attacker with ${addresses.length} addresses: owner in after ${tries} tries (${pacedGuessesChecked} paced guesses checked)`,
    );
    expect(owner!.status).toBe('signed-in');
    // Each address takes at most one paced slot: a fresh address per paced guess.
    expect(tries).toBeLessThanOrEqual(addresses.length - SIGN_IN_LIMITS.accountAttempts.points + 1);
  });

  it('locks only the code step after five wrong codes, audits each one, and keeps a known browser in', async () => {
    app.clock.advance(20 * 60_000);
    const email = `codes-${database}@steward.test`;
    const password = 'a-right-password-codes';
    const { secret } = await ownerWithTotp(email, password);
    const known = await signIn(email, password, '192.0.2.70', null, await codeFor(secret));
    expect(known.status).toBe('signed-in');
    app.clock.advance(30_000);
    const conn = app.em().getConnection();
    const [{ id }] = (await conn.execute<{ id: string }[]>('select id from admin_user where email = ?', [email])) as [
      { id: string },
    ];
    const audited = async (action: string) =>
      Number(
        (
          await conn.execute<{ n: unknown }[]>(
            'select count(*) as n from audit_entry where action = ? and subject = ?',
            [action, String(id)],
          )
        )[0]!.n,
      );
    // Five wrong codes after the right password, from five addresses: each refused and audited.
    for (let i = 0; i < SIGN_IN_LIMITS.codes.points; i++) {
      expect((await signIn(email, password, `198.51.100.${60 + i}`, null, '000000')).status).toBe('UNAUTHENTICATED');
    }
    expect(await audited('auth.mfa_failed')).toBe(SIGN_IN_LIMITS.codes.points);
    expect(await audited('auth.login_failed')).toBe(0);
    // Then the code step is locked for new browsers, the right code too, wherever it comes from.
    const locked = await signIn(email, password, '192.0.2.71', null, await codeFor(secret));
    expect(locked.status).toBe('TOO_MANY_REQUESTS');
    expect(locked.retryAfterSeconds).toBeGreaterThan(0);
    // The password step is not: a wrong password is still just wrong, a right one still asks for the code.
    expect((await signIn(email, 'wrong-password-guess', '192.0.2.72')).status).toBe('UNAUTHENTICATED');
    expect((await signIn(email, password, '192.0.2.73')).status).toBe('MFA_REQUIRED');
    // The owner's usual browser counts its codes apart, and gets in.
    expect((await signIn(email, password, '192.0.2.70', known.deviceCookie, await codeFor(secret))).status).toBe(
      'signed-in',
    );
    app.clock.advance(SIGN_IN_LIMITS.codes.durationSeconds * 1000 + 1);
    expect((await signIn(email, password, '192.0.2.74', null, await codeFor(secret))).status).toBe('signed-in');
  });

  it('stops exempting a browser once the password is reset, and moves the device epoch on deactivation too', async () => {
    app.clock.advance(20 * 60_000);
    const email = `revoked-${database}@steward.test`;
    await createMember(email, 'a-right-password-revoked');
    const known = await signIn(email, 'a-right-password-revoked', '192.0.2.80');
    expect(known.status).toBe('signed-in');
    for (let i = 0; i < 11; i++) await signIn(email, 'wrong-password-guess', `198.51.100.${120 + i}`);
    const exempt = async (password: string, cookie: string) => {
      // Two at once: only a browser exempt from the slowdown gets both in.
      const both = await Promise.all([0, 1].map(() => signIn(email, password, '192.0.2.80', cookie)));
      return both.every((a) => a.status === 'signed-in');
    };
    expect(await exempt('a-right-password-revoked', known.deviceCookie!)).toBe(true);
    const owner = await app.clientAs('OWNER');
    const id = (await owner.ok(AdminUsersDocument)).adminUsers.find((u) => u.email === email)!.id;
    const temporary = (await owner.ok(ResetStaffPasswordDocument, { input: { id } })).resetStaffPassword
      .temporaryPassword;
    app.clock.advance(SIGN_IN_LIMITS.pace.durationSeconds * 1000 + 1);
    expect(await exempt(temporary, known.deviceCookie!)).toBe(false);
    const epoch = async () =>
      Number(
        (
          await app
            .em()
            .getConnection()
            .execute<{ e: unknown }[]>('select device_epoch as e from admin_user where email = ?', [email])
        )[0]!.e,
      );
    expect(await epoch()).toBe(1);
    await owner.ok(DeactivateStaffDocument, { input: { id } });
    expect(await epoch()).toBe(2);
  });

  it('slows an account guessed from many addresses, but never a browser that has signed in to it before', async () => {
    app.clock.advance(20 * 60_000);
    const email = `botnet-${database}@steward.test`;
    await createMember(email, 'a-right-password-botnet');
    const known = await signIn(email, 'a-right-password-botnet', '192.0.2.20');
    expect(known.status).toBe('signed-in');
    // Twelve guesses from twelve addresses: past ten failures the account takes one attempt per pace.
    for (let i = 0; i < 12; i++) await signIn(email, 'wrong-password-guess', `198.51.100.${100 + i}`);
    const burst = await Promise.all([
      signIn(email, 'a-right-password-botnet', '192.0.2.30'),
      signIn(email, 'wrong-password-guess', '198.51.100.200'),
      signIn(email, 'wrong-password-guess', '198.51.100.201'),
    ]);
    expect(tally(burst).TOO_MANY_REQUESTS).toBeGreaterThanOrEqual(2);
    // The browser that signed in before is exempt from the slowdown, with no wait at all.
    for (let i = 0; i < 3; i++) {
      expect((await signIn(email, 'a-right-password-botnet', '192.0.2.20', known.deviceCookie!)).status).toBe(
        'signed-in',
      );
    }
    // Anyone else waits at most the pace, then gets in with the right password.
    app.clock.advance(SIGN_IN_LIMITS.pace.durationSeconds * 1000 + 1);
    expect((await signIn(email, 'a-right-password-botnet', '192.0.2.31')).status).toBe('signed-in');
    // A device cookie made for another account, or forged, is no exemption.
    expect(
      (await signIn(email, 'wrong-password-guess', '198.51.100.202', 'forged.0123456789abcdef0123456789abcdef')).status,
    ).toMatch(/UNAUTHENTICATED|TOO_MANY_REQUESTS/);
    expect(
      (await signIn(email, 'a-right-password-botnet', '192.0.2.32', 'forged.0123456789abcdef0123456789abcdef')).status,
    ).toBe('TOO_MANY_REQUESTS');
  });

  it('bounds one address guessing across many accounts, for accounts that exist and accounts that do not alike', async () => {
    app.clock.advance(20 * 60_000);
    const from = '198.51.100.77';
    // Concurrently: the address's count is atomic too.
    const answers = await Promise.all(
      Array.from({ length: 45 }, (_, i) => signIn(`someone-${i}@steward.test`, 'wrong-password-guess', from)),
    );
    const counts = tally(answers);
    expect(counts.UNAUTHENTICATED).toBe(SIGN_IN_LIMITS.address.points);
    expect(counts.TOO_MANY_REQUESTS).toBe(45 - SIGN_IN_LIMITS.address.points);
    // Spent, the address hears the same answer for the owner's account as for one that does not exist.
    expect((await signIn(OWNER.email, OWNER.password, from)).status).toBe('TOO_MANY_REQUESTS');
    // Another address is unaffected; an IPv6 address counts by its /64.
    expect((await signIn(OWNER.email, OWNER.password, '192.0.2.40')).status).toBe('signed-in');
    await Promise.all(
      Array.from({ length: 31 }, (_, i) =>
        signIn(`v6-${i}@steward.test`, 'wrong-password-guess', `2001:db8:7:7::${i + 1}`),
      ),
    );
    expect((await signIn(OWNER.email, OWNER.password, '2001:db8:7:7:ffff::1')).status).toBe('TOO_MANY_REQUESTS');
    expect((await signIn(OWNER.email, OWNER.password, '2001:db8:7:8::1')).status).toBe('signed-in');
  });

  it('keeps failed attempts aggregated and no guessed e-mail in plaintext', async () => {
    app.clock.advance(20 * 60_000);
    const conn = app.em().getConnection();
    const count = async (sql: string) => Number((await conn.execute<{ n: unknown }[]>(sql))[0]!.n);
    const auditBefore = await count("select count(*) as n from audit_entry where action like 'auth.login_%'");
    await Promise.all(
      Array.from({ length: 25 }, () => signIn('guessed-secret@steward.test', 'wrong-password-guess', '198.51.100.90')),
    );
    const auditAfter = await count("select count(*) as n from audit_entry where action like 'auth.login_%'");
    // One entry when the (account, address) window starts and one when it locks, not one per guess.
    expect(auditAfter - auditBefore).toBe(2);
    const texts = await conn.execute<Record<string, unknown>[]>(
      "select subject, detail from audit_entry where action like 'auth.login_%'",
    );
    expect(JSON.stringify(texts)).not.toContain('guessed-secret');
    const keys = await conn.execute<{ limiter_key: string }[]>('select limiter_key from rate_limit_counter');
    expect(JSON.stringify(keys)).not.toMatch(/guessed-secret|198\.51/);
    // Windows that ended are purged as new attempts come: the table does not grow without bound.
    const before = keys.map((k) => k.limiter_key);
    expect(before.length).toBeGreaterThanOrEqual(3);
    app.clock.advance(60 * 60_000);
    await signIn('another@steward.test', 'wrong-password-guess', '198.51.100.91');
    const after = (await conn.execute<{ limiter_key: string }[]>('select limiter_key from rate_limit_counter')).map(
      (k) => k.limiter_key,
    );
    expect(after.filter((k) => before.includes(k))).toEqual([]);
    // One wrong password writes four counters: its address's, its pair's, its account's and its pair's failures.
    expect(after.length).toBe(4);
  });
});

describe.each(POSTGRESQL_ONLY)('sign-in throttling across instances (%s, behind nginx)', () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await createTestCluster({ instances: 2 });
  });
  afterAll(() => cluster.close());

  it('checks at most ten of 200 concurrent wrong passwords split over two instances', async () => {
    const email = 'cluster-race@steward.test';
    const owner = await cluster.app.clientAs('OWNER');
    await owner.raw('mutation($input: CreateAdminUserInput!) { createAdminUser(input: $input) { id } }', {
      input: { email, displayName: 'Member', role: 'VIEWER', password: 'a-right-password-cluster' },
    });
    const served = new Set<string>();
    const answers = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        // Through nginx (round robin) and straight to each instance, half and half.
        const viaNginx = i % 2 === 0;
        const base = viaNginx ? cluster.url : cluster.instanceUrls[(i >> 1) % 2]!;
        served.add(base);
        // The same client address either way: nginx adds the hop that a direct request names itself.
        const forwardedFor = viaNginx ? '198.51.100.150' : '198.51.100.150, 127.0.0.1';
        const res = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
          body: JSON.stringify({
            query: 'mutation($i: LoginInput!) { login(input: $i) { id } }',
            variables: { i: { email, password: 'wrong-password-guess' } },
          }),
        });
        const body = (await res.json()) as { errors?: { extensions: { code: string } }[] };
        return body.errors?.[0]?.extensions.code ?? 'signed-in';
      }),
    );
    const checked = answers.filter((a) => a === 'UNAUTHENTICATED').length;
    expect(served.size).toBe(3);
    expect(checked).toBeLessThanOrEqual(SIGN_IN_LIMITS.pair.points);
    expect(checked).toBeGreaterThan(0);
    expect(answers.filter((a) => a === 'TOO_MANY_REQUESTS').length).toBe(200 - checked);
    console.info(`[two instances] 200 concurrent wrong passwords: ${checked} checked`);
  });

  it("ends a deactivated member's session on the other instance at its next request", async () => {
    const owner = await cluster.app.clientAs('OWNER');
    const created = await owner.raw(
      'mutation($input: CreateAdminUserInput!) { createAdminUser(input: $input) { id } }',
      {
        input: {
          email: 'cluster-leaver@steward.test',
          displayName: 'Leaver',
          role: 'VIEWER',
          password: 'a-right-password-cluster',
        },
      },
    );
    const id = (created.data as { createAdminUser: { id: string } }).createAdminUser.id;
    const onSecond = new TestClient(cluster.instanceUrls[1]!);
    await onSecond.login('cluster-leaver@steward.test', 'a-right-password-cluster');
    const me = () => onSecond.raw('{ me { email } }');
    expect(await me()).toMatchObject({ data: { me: { email: 'cluster-leaver@steward.test' } } });
    await owner.raw('mutation($i: StaffIdInput!) { deactivateStaff(input: $i) { id } }', { i: { id } });
    expect(await me()).toMatchObject({ data: { me: null } });
  });
});
