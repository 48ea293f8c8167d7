import {
  AdminUsersDocument,
  BeginTotpEnrolmentDocument,
  ConfirmTotpEnrolmentDocument,
  MeDocument,
} from '@steward/schema';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, errorOf, OWNER, TestClient, type TestApp } from '../test/test-app.js';
import { AdminUser } from './admin-user.entity.js';
import { OPERATOR_LABEL, recoverOwner } from './owner-recovery.js';

/** Runs the tool on `app`'s database: its exit code and what it printed. */
async function runRecovery(app: TestApp, argv: string[]) {
  const lines: string[] = [];
  const code = await recoverOwner(app.em(), app.deps, argv, (l) => lines.push(l));
  return { code, out: lines.join('\n') };
}

describe("the operator's owner recovery (npm run owner:recover)", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  const run = (...argv: string[]) => runRecovery(app, argv);
  const signIn = (password: string, code?: string) =>
    new TestClient(app.url).raw('mutation($i: LoginInput!) { login(input: $i) { id } }', {
      i: { email: OWNER.email, password, ...(code ? { code } : {}) },
    });

  it('refuses unknown options and e-mails that are no owner, listing the owners', async () => {
    expect((await run('--email')).code).toBe(2);
    expect((await run('--bogus')).code).toBe(2);
    expect((await run('--email', OWNER.email)).code).toBe(2);
    const unknown = await run('--email', 'nobody@steward.test', '--reset-password');
    expect(unknown.code).toBe(1);
    expect(unknown.out).toContain(OWNER.email);
  });

  it("resets a locked-out owner's second factor and password, ending their sessions, audited as the operator", async () => {
    const owner = await app.clientAs('OWNER');
    const { beginTotpEnrolment } = await owner.ok(BeginTotpEnrolmentDocument);
    const epoch = () => Math.floor(app.clock.now.getTime() / 1000);
    await owner.ok(ConfirmTotpEnrolmentDocument, {
      input: {
        code: await generate({ strategy: 'totp', secret: beginTotpEnrolment.secret, epoch: epoch() }),
        password: OWNER.password,
      },
    });
    expect(errorOf(await signIn(OWNER.password)).code).toBe('MFA_REQUIRED');

    const result = await run('--email', OWNER.email.toUpperCase(), '--reset-mfa', '--reset-password');
    expect(result.code).toBe(0);
    const temporary = /^\s+(\S+)$/m.exec(result.out)![1]!;
    expect((await owner.ok(MeDocument)).me).toBeNull();
    expect(errorOf(await signIn(OWNER.password)).code).toBe('UNAUTHENTICATED');
    const back = new TestClient(app.url);
    await back.login(OWNER.email, temporary);
    expect((await back.ok(MeDocument)).me).toMatchObject({ sessionRestriction: 'PASSWORD_CHANGE', mfaEnrolled: false });
    const audit = await app
      .em()
      .getConnection()
      .execute<{ action: string; actor_label: string }[]>(
        'select action, actor_label from audit_entry where actor_label = ? order by at',
        [OPERATOR_LABEL],
      );
    expect(audit.map((a) => a.action)).toEqual(['admin_user.password_reset', 'admin_user.mfa_reset']);
  });
});

describe("the operator's owner recovery when no active owner is left", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  const run = (...argv: string[]) => runRecovery(app, argv);

  it('makes an existing account an owner again when no active owner is left (--make-owner), audited as the operator', async () => {
    const owner = await app.clientAs('OWNER');
    const made = await owner.raw('mutation($i: CreateAdminUserInput!) { createAdminUser(input: $i) { id } }', {
      i: {
        email: 'keeper@steward.test',
        displayName: 'Keeper',
        role: 'PRIVACY_OFFICER',
        password: 'a-long-enough-password',
      },
    });
    const keeperId = (made.data as { createAdminUser: { id: string } }).createAdminUser.id;
    // No active owner: the last one demoted (as a race could leave it before the guard held).
    await app.em().nativeUpdate(AdminUser, { role: 'OWNER' }, { role: 'PRIVACY_OFFICER' });
    const keeper = new TestClient(app.url);
    await keeper.login('keeper@steward.test', 'a-long-enough-password');
    expect(errorOf(await keeper.request(AdminUsersDocument)).code).toBe('FORBIDDEN');

    const unknown = await run('--email', 'nobody@steward.test', '--make-owner');
    expect(unknown.code).toBe(1);
    // Without --make-owner, only owners are found.
    expect((await run('--email', 'keeper@steward.test', '--reset-mfa')).code).toBe(1);
    const result = await run('--email', 'Keeper@Steward.test', '--make-owner');
    expect(result.code).toBe(0);
    expect(result.out).toContain('keeper@steward.test is an active owner');
    expect(await app.em().count(AdminUser, { role: 'OWNER', disabled: false })).toBe(1);
    const back = new TestClient(app.url);
    await back.login('keeper@steward.test', 'a-long-enough-password');
    expect((await back.ok(AdminUsersDocument)).adminUsers.find((u) => u.id === keeperId)?.role).toBe('OWNER');
    const audit = await app
      .em()
      .getConnection()
      .execute<{ action: string; subject: string; detail: unknown }[]>(
        "select action, subject, detail from audit_entry where actor_label = ? and action = 'admin_user.role_change'",
        [OPERATOR_LABEL],
      );
    expect(audit).toHaveLength(1);
    const detail = typeof audit[0]!.detail === 'string' ? JSON.parse(audit[0]!.detail) : audit[0]!.detail;
    expect([audit[0]!.subject, detail]).toEqual([keeperId, { from: 'PRIVACY_OFFICER', to: 'OWNER' }]);
  });
});
