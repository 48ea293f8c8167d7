import {
  AdminUsersDocument,
  BeginTotpEnrolmentDocument,
  ChangePasswordDocument,
  ConfirmTotpEnrolmentDocument,
  CreateAdminUserDocument,
  DisableTotpDocument,
  MeDocument,
  MySessionsDocument,
  RegenerateRecoveryCodesDocument,
  ResetStaffMfaDocument,
  SetMfaRequirementDocument,
} from '@steward/schema';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../test/databases.js';
import { createTestApp, errorOf, TestClient, type TestApp } from '../test/test-app.js';
import { SECRET_LIMIT } from './secret-attempts.js';

const PASSWORD = 'amber-otter-drifts-north';

describe.each(DATABASES)('second factor (TOTP) on %s', (database) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ database });
  });
  afterAll(() => app.close());

  const codeFor = (secret: string) =>
    generate({ strategy: 'totp', secret, epoch: Math.floor(app.clock.now.getTime() / 1000) });
  const nextStep = () => app.clock.advance(30_000);

  async function member(email: string, role: 'OWNER' | 'PRIVACY_OFFICER' | 'VIEWER', by?: TestClient) {
    const owner = by ?? (await app.clientAs('OWNER'));
    await owner.ok(CreateAdminUserDocument, { input: { email, displayName: email, role, password: PASSWORD } });
    const c = new TestClient(app.url);
    await c.login(email, PASSWORD);
    return c;
  }

  async function enrol(c: TestClient) {
    const { beginTotpEnrolment } = await c.ok(BeginTotpEnrolmentDocument);
    const { confirmTotpEnrolment } = await c.ok(ConfirmTotpEnrolmentDocument, {
      input: { code: await codeFor(beginTotpEnrolment.secret), password: PASSWORD },
    });
    return { secret: beginTotpEnrolment.secret, recovery: confirmTotpEnrolment.codes };
  }

  const signIn = (email: string, code?: string) =>
    new TestClient(app.url).raw('mutation($i: LoginInput!) { login(input: $i) { id } }', {
      i: { email, password: PASSWORD, ...(code !== undefined ? { code } : {}) },
    });

  it('enrols with a QR code confirmed by a first code, keeping the secret sealed', async () => {
    const c = await member('enrol@jspe.example', 'PRIVACY_OFFICER');
    const { beginTotpEnrolment } = await c.ok(BeginTotpEnrolmentDocument);
    expect(beginTotpEnrolment.uri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    expect(beginTotpEnrolment.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const wrong = await c.request(ConfirmTotpEnrolmentDocument, { input: { code: '000000', password: PASSWORD } });
    expect(errorOf(wrong).issues?.map((i) => [i.field, i.code])).toEqual([['input.code', 'INVALID_VALUE']]);
    // The password too: a stolen session cannot attach its thief's authenticator.
    const right = await codeFor(beginTotpEnrolment.secret);
    const noPassword = await c.request(ConfirmTotpEnrolmentDocument, {
      input: { code: right, password: 'not-the-password-here' },
    });
    expect(errorOf(noPassword).issues?.map((i) => [i.field, i.code])).toEqual([['input.password', 'INVALID_VALUE']]);
    expect((await c.ok(MeDocument)).me?.mfaEnrolled).toBe(false);
    const { confirmTotpEnrolment } = await c.ok(ConfirmTotpEnrolmentDocument, {
      input: { code: right, password: PASSWORD },
    });
    expect(confirmTotpEnrolment.codes).toHaveLength(10);
    expect(new Set(confirmTotpEnrolment.codes).size).toBe(10);
    expect((await c.ok(MeDocument)).me?.mfaEnrolled).toBe(true);
    const stored = JSON.stringify(
      await app.em().getConnection().execute('select * from admin_user where email = ?', ['enrol@jspe.example']),
    );
    expect(stored).not.toContain(beginTotpEnrolment.secret);
    const codes = JSON.stringify(await app.em().getConnection().execute('select code_hash from recovery_code'));
    for (const code of confirmTotpEnrolment.codes) expect(codes).not.toContain(code.replace('-', ''));
  });

  it('asks for the second factor after the right password, and accepts each code once', async () => {
    const c = await member('signin@jspe.example', 'VIEWER');
    const { secret } = await enrol(c);
    nextStep();
    expect(errorOf(await signIn('signin@jspe.example'))).toMatchObject({ code: 'MFA_REQUIRED' });
    expect(errorOf(await signIn('signin@jspe.example', '123456')).code).toBe('UNAUTHENTICATED');
    const code = await codeFor(secret);
    expect((await signIn('signin@jspe.example', code)).errors).toBeUndefined();
    // The same code again (a replay) is refused; the next step's code works.
    expect(errorOf(await signIn('signin@jspe.example', code)).code).toBe('UNAUTHENTICATED');
    nextStep();
    expect((await signIn('signin@jspe.example', await codeFor(secret))).errors).toBeUndefined();
  });

  it('signs in once with each recovery code, and regenerating them retires the old ones', async () => {
    const c = await member('recovery@jspe.example', 'VIEWER');
    const { secret, recovery } = await enrol(c);
    const typed = recovery[0]!.toUpperCase().replace('-', ' ');
    expect((await signIn('recovery@jspe.example', typed)).errors).toBeUndefined();
    expect(errorOf(await signIn('recovery@jspe.example', recovery[0]!)).code).toBe('UNAUTHENTICATED');
    nextStep();
    const fresh = await c.ok(RegenerateRecoveryCodesDocument, { input: { code: await codeFor(secret) } });
    expect(errorOf(await signIn('recovery@jspe.example', recovery[1]!)).code).toBe('UNAUTHENTICATED');
    expect((await signIn('recovery@jspe.example', fresh.regenerateRecoveryCodes.codes[0]!)).errors).toBeUndefined();
  });

  it('lets a member remove their own factor with their password, and an owner reset a lost one', async () => {
    const c = await member('phone-lost@jspe.example', 'VIEWER');
    await enrol(c);
    const wrong = await c.request(DisableTotpDocument, { input: { password: 'not-the-password-here' } });
    expect(errorOf(wrong).issues?.map((i) => i.code)).toEqual(['INVALID_VALUE']);
    const deviceEpoch = async () =>
      Number(
        (
          await app
            .em()
            .getConnection()
            .execute<{ e: unknown }[]>('select device_epoch as e from admin_user where email = ?', [
              'phone-lost@jspe.example',
            ])
        )[0]!.e,
      );
    await c.ok(DisableTotpDocument, { input: { password: PASSWORD } });
    expect((await signIn('phone-lost@jspe.example')).errors).toBeUndefined();
    // Removing the factor moves the epoch that device cookies are made with; enrolling does not.
    expect(await deviceEpoch()).toBe(1);

    await enrol(c);
    expect(await deviceEpoch()).toBe(1);
    const owner = await app.clientAs('OWNER');
    const id = (await owner.ok(AdminUsersDocument)).adminUsers.find((u) => u.email === 'phone-lost@jspe.example')!.id;
    await owner.ok(ResetStaffMfaDocument, { input: { id } });
    expect(await deviceEpoch()).toBe(2);
    expect((await c.ok(MeDocument)).me).toBeNull();
    expect((await signIn('phone-lost@jspe.example')).errors).toBeUndefined();
  });

  it('limits the wrong secrets a signed-in session may try, across password and code checks', async () => {
    const c = await member('stolen-session@jspe.example', 'VIEWER');
    await enrol(c);
    nextStep();
    const wrongPassword = 'not-the-password-here';
    const tries = [
      () => c.request(ChangePasswordDocument, { input: { currentPassword: wrongPassword, newPassword: 'x' } }),
      () => c.request(DisableTotpDocument, { input: { password: wrongPassword } }),
      () => c.request(RegenerateRecoveryCodesDocument, { input: { code: '000000' } }),
    ];
    const answers: unknown[] = [];
    for (let i = 0; i < SECRET_LIMIT.points; i++) answers.push(errorOf(await tries[i % tries.length]!()).code);
    expect(answers).toEqual(Array(SECRET_LIMIT.points).fill('BAD_USER_INPUT'));
    // Spent: even the right password is not checked, with the wait to say when to try again.
    const spent = await c.request(DisableTotpDocument, { input: { password: PASSWORD } });
    expect(errorOf(spent).code).toBe('TOO_MANY_REQUESTS');
    expect(spent.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    console.info(`[${database}] signed-in session: ${answers.length} wrong secrets checked, then TOO_MANY_REQUESTS`);
    // Another member is not affected; the window's end lifts it.
    const other = await member('bystander@jspe.example', 'VIEWER');
    await other.ok(DisableTotpDocument, { input: { password: PASSWORD } });
    app.clock.advance(SECRET_LIMIT.durationSeconds * 1000 + 1);
    await c.ok(DisableTotpDocument, { input: { password: PASSWORD } });
  });

  it('asks a session that must enrol for the password too, and counts its wrong ones', async () => {
    const owner = await member('enrol-limit-owner@jspe.example', 'OWNER');
    await enrol(owner);
    await owner.ok(SetMfaRequirementDocument, { input: { required: true } });
    const officer = await member('enrol-limit@jspe.example', 'PRIVACY_OFFICER', owner);
    expect((await officer.ok(MeDocument)).me?.sessionRestriction).toBe('MFA_ENROLMENT');
    const { beginTotpEnrolment } = await officer.ok(BeginTotpEnrolmentDocument);
    const code = await codeFor(beginTotpEnrolment.secret);
    for (let i = 0; i < SECRET_LIMIT.points; i++) {
      const wrong = await officer.request(ConfirmTotpEnrolmentDocument, { input: { code, password: `wrong-${i}` } });
      expect(errorOf(wrong).issues?.map((x) => x.field)).toEqual(['input.password']);
    }
    const spent = await officer.request(ConfirmTotpEnrolmentDocument, { input: { code, password: PASSWORD } });
    expect(errorOf(spent).code).toBe('TOO_MANY_REQUESTS');
    app.clock.advance(SECRET_LIMIT.durationSeconds * 1000 + 1);
    await officer.ok(ConfirmTotpEnrolmentDocument, {
      input: { code: await codeFor(beginTotpEnrolment.secret), password: PASSWORD },
    });
    expect((await officer.ok(MeDocument)).me?.sessionRestriction).toBeNull();
    nextStep();
    await owner.ok(SetMfaRequirementDocument, { input: { required: false } });
  });

  it('when the organisation requires it, lets owners and officers without a factor only enrol', async () => {
    const owner = await member('mfa-owner@jspe.example', 'OWNER');
    const early = await owner.request(SetMfaRequirementDocument, { input: { required: true } });
    expect(errorOf(early).issues?.map((i) => i.code)).toEqual(['INVALID_TRANSITION']);
    await enrol(owner);
    await owner.ok(SetMfaRequirementDocument, { input: { required: true } });

    // The first owner has no second factor now: the enrolled owner adds the members.
    const officer = await member('mfa-officer@jspe.example', 'PRIVACY_OFFICER', owner);
    expect((await officer.ok(MeDocument)).me).toMatchObject({ sessionRestriction: 'MFA_ENROLMENT', mfaRequired: true });
    expect(errorOf(await officer.request(MySessionsDocument))).toMatchObject({
      code: 'FORBIDDEN',
      restriction: 'MFA_ENROLMENT',
    });
    const { secret } = await enrol(officer);
    expect((await officer.ok(MeDocument)).me?.sessionRestriction).toBeNull();
    expect((await officer.ok(MySessionsDocument)).mySessions.length).toBeGreaterThan(0);
    const refused = await officer.request(DisableTotpDocument, { input: { password: PASSWORD } });
    expect(errorOf(refused).code).toBe('FORBIDDEN');
    expect(secret).toBeTruthy();

    // A viewer reads only: not required to enrol.
    const viewer = await member('mfa-viewer@jspe.example', 'VIEWER', owner);
    expect((await viewer.ok(MeDocument)).me).toMatchObject({ sessionRestriction: null, mfaRequired: false });
    nextStep();
    await owner.ok(SetMfaRequirementDocument, { input: { required: false } });
  });
});

describe('STEWARD_REQUIRE_MFA', () => {
  it('requires a second factor of owners whatever the organisation setting', async () => {
    const app = await createTestApp({ config: { requireMfa: true } });
    try {
      const owner = await app.clientAs('OWNER');
      expect((await owner.ok(MeDocument)).me?.sessionRestriction).toBe('MFA_ENROLMENT');
      expect(errorOf(await owner.request(AdminUsersDocument)).restriction).toBe('MFA_ENROLMENT');
    } finally {
      await app.close();
    }
  });
});
