import {
  AcceptInvitationDocument,
  AdminUsersDocument,
  ChangePasswordDocument,
  ChangeStaffRoleDocument,
  DeactivateStaffDocument,
  EndMySessionDocument,
  EndStaffSessionsDocument,
  InvitationDocument,
  InviteStaffDocument,
  MeDocument,
  MySessionsDocument,
  ReactivateStaffDocument,
  ResetStaffPasswordDocument,
  RevokeStaffInvitationDocument,
  StaffHistoryDocument,
  StaffInvitationsDocument,
} from '@steward/schema';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DATABASES } from '../test/databases.js';
import { createTestApp, errorOf, TestClient, type TestApp } from '../test/test-app.js';

const STRONG = 'amber-otter-drifts-north';

describe.each(DATABASES)('staff accounts on %s', (database) => {
  let app: TestApp;
  let owner: TestClient;
  beforeAll(async () => {
    app = await createTestApp({ database, config: { publicUrl: 'https://steward.example.org' } });
  });
  // Some tests move the clock by days: each starts with a fresh owner session.
  beforeEach(async () => {
    owner = await app.clientAs('OWNER');
  });
  afterAll(() => app.close());

  /** Invites `email` and accepts the invitation: a signed-in client of the new member. */
  async function join(email: string, role: 'OWNER' | 'PRIVACY_OFFICER' | 'VIEWER') {
    const { inviteStaff } = await owner.ok(InviteStaffDocument, { input: { email, displayName: `M ${email}`, role } });
    const token = inviteStaff.link.split('#')[1]!;
    const member = new TestClient(app.url);
    await member.ok(AcceptInvitationDocument, { input: { token, password: STRONG } });
    const id = (await member.ok(MeDocument)).me!.id;
    return { member, id, token };
  }

  it('invites a member by a one-time, expiring link on the public URL, which they use to choose a password', async () => {
    const { inviteStaff } = await owner.ok(InviteStaffDocument, {
      input: { email: 'Sato@JSPE.example', displayName: '佐藤 花子', role: 'PRIVACY_OFFICER' },
    });
    expect(inviteStaff.link).toMatch(/^https:\/\/steward\.example\.org\/invitation#[\w-]{43}$/);
    expect(inviteStaff.invitation).toMatchObject({ email: 'sato@jspe.example', invitedByName: 'Administrator' });
    const token = inviteStaff.link.split('#')[1]!;
    // Only the token's hash is stored.
    const stored = await app
      .em()
      .getConnection()
      .execute<{ token_hash: string }[]>('select token_hash from staff_invitation');
    expect(stored.map((r) => r.token_hash)).not.toContain(token);

    const invitee = new TestClient(app.url);
    expect((await invitee.ok(InvitationDocument, { token })).invitation).toMatchObject({
      email: 'sato@jspe.example',
      role: 'PRIVACY_OFFICER',
    });
    const weak = await invitee.request(AcceptInvitationDocument, { input: { token, password: 'aaaaaaaaaaaa' } });
    expect(errorOf(weak).issues?.map((i) => [i.field, i.code])).toEqual([['input.password', 'WEAK_PASSWORD']]);
    await invitee.ok(AcceptInvitationDocument, { input: { token, password: STRONG } });
    expect((await invitee.ok(MeDocument)).me).toMatchObject({ email: 'sato@jspe.example', role: 'PRIVACY_OFFICER' });
    // Used once: the link no longer works, and the invitation leaves the open list.
    expect(errorOf(await invitee.request(InvitationDocument, { token })).code).toBe('NOT_FOUND');
    expect(
      errorOf(await new TestClient(app.url).request(AcceptInvitationDocument, { input: { token, password: STRONG } }))
        .code,
    ).toBe('NOT_FOUND');
    expect((await owner.ok(StaffInvitationsDocument)).staffInvitations.map((i) => i.email)).not.toContain(
      'sato@jspe.example',
    );
  });

  it('lets an invitation expire or be revoked', async () => {
    const first = await owner.ok(InviteStaffDocument, {
      input: { email: 'late@jspe.example', displayName: 'Late', role: 'VIEWER' },
    });
    app.clock.advance(8 * 86_400_000);
    owner = await app.clientAs('OWNER');
    const late = new TestClient(app.url);
    const expired = await late.request(AcceptInvitationDocument, {
      input: { token: first.inviteStaff.link.split('#')[1]!, password: STRONG },
    });
    expect(errorOf(expired).code).toBe('NOT_FOUND');
    const second = await owner.ok(InviteStaffDocument, {
      input: { email: 'late@jspe.example', displayName: 'Late', role: 'VIEWER' },
    });
    await owner.ok(RevokeStaffInvitationDocument, { input: { id: second.inviteStaff.invitation.id } });
    const revoked = await late.request(AcceptInvitationDocument, {
      input: { token: second.inviteStaff.link.split('#')[1]!, password: STRONG },
    });
    expect(errorOf(revoked).code).toBe('NOT_FOUND');
    const audit = await app
      .em()
      .getConnection()
      .execute<{ action: string }[]>(
        "select action from audit_entry where action like 'admin_user.invit%' order by at",
      );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['admin_user.invite', 'admin_user.invitation_accepted', 'admin_user.invitation_revoked']),
    );
  });

  it("ends a deactivated member's open session on their next request, and refuses their sign-in until reactivated", async () => {
    const { member, id } = await join('leaver@jspe.example', 'PRIVACY_OFFICER');
    const second = new TestClient(app.url);
    await second.login('leaver@jspe.example', STRONG);
    const deactivated = await owner.ok(DeactivateStaffDocument, { input: { id } });
    expect(deactivated.deactivateStaff).toMatchObject({ active: false });
    expect((await member.ok(MeDocument)).me).toBeNull();
    expect((await second.ok(MeDocument)).me).toBeNull();
    expect(errorOf(await member.request(AdminUsersDocument)).code).toBe('UNAUTHENTICATED');
    const sessions = await app
      .em()
      .getConnection()
      .execute<{ n: unknown }[]>('select count(*) as n from admin_session where user_id = ?', [id]);
    expect(Number(sessions[0]!.n)).toBe(0);
    const again = new TestClient(app.url);
    expect(
      errorOf(
        await again.raw(
          'mutation { login(input: { email: "leaver@jspe.example", password: "amber-otter-drifts-north" }) { id } }',
        ),
      ).code,
    ).toBe('UNAUTHENTICATED');

    await owner.ok(ReactivateStaffDocument, { input: { id } });
    await again.login('leaver@jspe.example', STRONG);
    expect((await again.ok(MeDocument)).me?.email).toBe('leaver@jspe.example');
  });

  it('changes roles but keeps an active owner, and never lets an owner act on their own account here', async () => {
    const { member, id } = await join('viewer-to-officer@jspe.example', 'VIEWER');
    await owner.ok(ChangeStaffRoleDocument, { input: { id, role: 'PRIVACY_OFFICER' } });
    expect((await member.ok(MeDocument)).me?.role).toBe('PRIVACY_OFFICER');

    const ownerId = (await owner.ok(MeDocument)).me!.id;
    const codes = async (res: Promise<{ errors?: unknown }>) =>
      errorOf(await (res as never)).issues?.map((i: { code: string }) => i.code);
    expect(await codes(owner.request(ChangeStaffRoleDocument, { input: { id: ownerId, role: 'VIEWER' } }))).toContain(
      'SELF_ACTION',
    );
    expect(await codes(owner.request(DeactivateStaffDocument, { input: { id: ownerId } }))).toEqual(
      expect.arrayContaining(['SELF_ACTION', 'LAST_OWNER']),
    );
    // With a second owner, the first can be demoted; then the second is the last active owner.
    const { member: coOwner } = await join('co-owner@jspe.example', 'OWNER');
    await coOwner.ok(ChangeStaffRoleDocument, { input: { id: ownerId, role: 'PRIVACY_OFFICER' } });
    const list = (await coOwner.ok(AdminUsersDocument)).adminUsers;
    expect(list.find((u) => u.email === 'co-owner@jspe.example')!.abilities).toMatchObject({
      changeRole: false,
      deactivate: false,
    });
    const demoted = list.find((u) => u.id === ownerId)!;
    expect(demoted).toMatchObject({ role: 'PRIVACY_OFFICER', abilities: { changeRole: true, deactivate: true } });
    expect(demoted.openSessions).toBeGreaterThanOrEqual(1);
    // The demoted owner's open session now has an officer's rights only.
    expect(errorOf(await owner.request(AdminUsersDocument)).code).toBe('FORBIDDEN');
    await coOwner.ok(ChangeStaffRoleDocument, { input: { id: ownerId, role: 'OWNER' } });
    expect((await owner.ok(AdminUsersDocument)).adminUsers.length).toBeGreaterThan(2);
  });

  it('resets a password: the member must choose a new one before anything else, and their old sessions end', async () => {
    const { member, id } = await join('forgetful@jspe.example', 'PRIVACY_OFFICER');
    const reset = await owner.ok(ResetStaffPasswordDocument, { input: { id } });
    const temporary = reset.resetStaffPassword.temporaryPassword;
    expect(reset.resetStaffPassword.user.mustChangePassword).toBe(true);
    expect((await member.ok(MeDocument)).me).toBeNull();

    const back = new TestClient(app.url);
    await back.login('forgetful@jspe.example', temporary);
    expect((await back.ok(MeDocument)).me?.sessionRestriction).toBe('PASSWORD_CHANGE');
    const blocked = await back.request(MySessionsDocument);
    expect(errorOf(blocked)).toMatchObject({ code: 'FORBIDDEN', restriction: 'PASSWORD_CHANGE' });
    const same = await back.request(ChangePasswordDocument, {
      input: { currentPassword: temporary, newPassword: temporary },
    });
    expect(errorOf(same).issues?.map((i) => i.code)).toEqual(['NO_CHANGE']);
    await back.ok(ChangePasswordDocument, {
      input: { currentPassword: temporary, newPassword: 'violet-harbour-keeps-time' },
    });
    expect((await back.ok(MeDocument)).me?.sessionRestriction).toBeNull();
    expect((await back.ok(MySessionsDocument)).mySessions).toHaveLength(1);
  });

  it('lets everyone change their password (ending their other sessions) and see and end their sessions', async () => {
    const { member } = await join('careful@jspe.example', 'VIEWER');
    const laptop = new TestClient(app.url);
    await laptop.login('careful@jspe.example', STRONG);
    const { mySessions } = await member.ok(MySessionsDocument);
    expect(mySessions).toHaveLength(2);
    expect(mySessions[0]).toMatchObject({ current: true, device: expect.any(String) });
    await member.ok(EndMySessionDocument, { input: { id: mySessions[1]!.id } });
    expect((await laptop.ok(MeDocument)).me).toBeNull();

    await laptop.login('careful@jspe.example', STRONG);
    const wrong = await member.request(ChangePasswordDocument, {
      input: { currentPassword: 'not-my-password-at-all', newPassword: 'violet-harbour-keeps-time' },
    });
    expect(errorOf(wrong).issues?.map((i) => [i.field, i.code])).toEqual([['input.currentPassword', 'INVALID_VALUE']]);
    const weak = await member.request(ChangePasswordDocument, {
      input: { currentPassword: STRONG, newPassword: 'password1234' },
    });
    expect(errorOf(weak).issues?.map((i) => [i.field, i.code])).toEqual([['input.newPassword', 'WEAK_PASSWORD']]);
    await member.ok(ChangePasswordDocument, {
      input: { currentPassword: STRONG, newPassword: 'violet-harbour-keeps-time' },
    });
    expect((await laptop.ok(MeDocument)).me).toBeNull();
    expect((await member.ok(MeDocument)).me?.email).toBe('careful@jspe.example');
  });

  it('ends all of a member\u2019s sessions on an owner\u2019s word, and audits every change with who made it', async () => {
    const { member, id } = await join('suspicious@jspe.example', 'VIEWER');
    await owner.ok(EndStaffSessionsDocument, { input: { id } });
    expect((await member.ok(MeDocument)).me).toBeNull();
    const rows = await app
      .em()
      .getConnection()
      .execute<{ action: string; actor_label: string }[]>(
        "select action, actor_label from audit_entry where subject = ? and action like 'admin_user.%' order by at",
        [id],
      );
    expect(rows.map((r) => r.action)).toContain('admin_user.sessions_ended');
    expect(rows.find((r) => r.action === 'admin_user.sessions_ended')?.actor_label).toContain('Administrator');
    // The staff page shows the same history, newest first, with who did what.
    const { staffHistory } = await owner.ok(StaffHistoryDocument, { id });
    expect(staffHistory.map((e) => e.action)).toEqual(['admin_user.sessions_ended', 'admin_user.invitation_accepted']);
    expect(staffHistory[0]!.actor).toContain('Administrator');
  });

  it('refuses an owner role change by a privacy officer, and bad ids with the field named', async () => {
    const { member } = await join('officer-x@jspe.example', 'PRIVACY_OFFICER');
    expect(errorOf(await member.request(AdminUsersDocument)).code).toBe('FORBIDDEN');
    expect(errorOf(await owner.request(DeactivateStaffDocument, { input: { id: 'not-a-uuid' } }))).toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
