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
  CreateAdminUserDocument,
  ResetStaffMfaDocument,
  ResetStaffPasswordDocument,
  RevokeStaffInvitationDocument,
  SetMfaRequirementDocument,
  StaffHistoryDocument,
  StaffInvitationsDocument,
  StaffSettingsDocument,
} from '@steward/schema';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DATABASES } from '../test/databases.js';
import { createTestApp, errorOf, TestClient, type TestApp } from '../test/test-app.js';
import { AdminUser } from './admin-user.entity.js';

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
    // The staff page shows the same history, newest first, with who did what: the owner's invitation
    // that brought them in, their own acceptance of it, and the owner's changes since.
    await owner.ok(ChangeStaffRoleDocument, { input: { id, role: 'PRIVACY_OFFICER' } });
    const { staffHistory } = await owner.ok(StaffHistoryDocument, { id });
    expect(staffHistory.map((e) => e.action)).toEqual([
      'admin_user.role_change',
      'admin_user.sessions_ended',
      'admin_user.invitation_accepted',
      'admin_user.invite',
    ]);
    const [roleChange, ended, accepted, invited] = staffHistory;
    expect(ended!.actor).toContain('Administrator');
    expect(JSON.parse(roleChange!.detail!)).toEqual({ from: 'VIEWER', to: 'PRIVACY_OFFICER' });
    expect(accepted!.actor).toBe('M suspicious@jspe.example <suspicious@jspe.example>');
    const ownerId = (await owner.ok(MeDocument)).me!.id;
    expect(JSON.parse(accepted!.detail!)).toMatchObject({ role: 'VIEWER', invitedBy: ownerId });
    expect(invited!.actor).toContain('Administrator');
  });

  it('refuses every owner-only change to a privacy officer, changing nothing, and bad ids with the field named', async () => {
    const { member: officer } = await join('officer-x@jspe.example', 'PRIVACY_OFFICER');
    const { id: targetId } = await join('target-x@jspe.example', 'VIEWER');
    const ownerId = (await owner.ok(MeDocument)).me!.id;
    const { inviteStaff } = await owner.ok(InviteStaffDocument, {
      input: { email: 'pending-x@jspe.example', displayName: 'Pending', role: 'VIEWER' },
    });
    const snapshot = async () => ({
      users: (await owner.ok(AdminUsersDocument)).adminUsers.map((u) => [u.id, u.role, u.active, u.openSessions]),
      invitations: (await owner.ok(StaffInvitationsDocument)).staffInvitations.map((i) => i.id),
      settings: (await owner.ok(StaffSettingsDocument)).staffSettings,
    });
    const audited = async () =>
      Number((await app.em().getConnection().execute<{ n: unknown }[]>('select count(*) as n from audit_entry'))[0]!.n);
    const before = await snapshot();
    const auditedBefore = await audited();
    const attempts = [
      officer.request(AdminUsersDocument),
      officer.request(ChangeStaffRoleDocument, { input: { id: targetId, role: 'OWNER' } }),
      officer.request(ChangeStaffRoleDocument, { input: { id: ownerId, role: 'VIEWER' } }),
      officer.request(DeactivateStaffDocument, { input: { id: ownerId } }),
      officer.request(ReactivateStaffDocument, { input: { id: targetId } }),
      officer.request(ResetStaffPasswordDocument, { input: { id: targetId } }),
      officer.request(ResetStaffMfaDocument, { input: { id: targetId } }),
      officer.request(EndStaffSessionsDocument, { input: { id: targetId } }),
      officer.request(InviteStaffDocument, {
        input: { email: 'sneak@jspe.example', displayName: 'Sneak', role: 'OWNER' },
      }),
      officer.request(RevokeStaffInvitationDocument, { input: { id: inviteStaff.invitation.id } }),
      officer.request(SetMfaRequirementDocument, { input: { required: true } }),
      officer.request(CreateAdminUserDocument, {
        input: { email: 'sneak2@jspe.example', displayName: 'Sneak', role: 'OWNER', password: STRONG },
      }),
      officer.request(StaffHistoryDocument, { id: targetId }),
    ];
    for (const answer of await Promise.all(attempts)) expect(errorOf(answer).code).toBe('FORBIDDEN');
    expect(await audited()).toBe(auditedBefore);
    expect(await snapshot()).toEqual(before);
    expect(errorOf(await owner.request(DeactivateStaffDocument, { input: { id: 'not-a-uuid' } }))).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it("revokes a leaving owner's open invitations with the deactivation or demotion, and refuses a link of an owner who left", async () => {
    const { member: leaver, id: leaverId } = await join('leaving-owner@jspe.example', 'OWNER');
    const { member: demoted, id: demotedId } = await join('demoted-owner@jspe.example', 'OWNER');
    const invite = async (by: TestClient, email: string) => {
      const { inviteStaff } = await by.ok(InviteStaffDocument, {
        input: { email, displayName: 'Invitee', role: 'VIEWER' },
      });
      return { id: inviteStaff.invitation.id, token: inviteStaff.link.split('#')[1]! };
    };
    const fromLeaver = [
      await invite(leaver, 'via-leaver-1@jspe.example'),
      await invite(leaver, 'via-leaver-2@jspe.example'),
    ];
    const fromDemoted = await invite(demoted, 'via-demoted@jspe.example');
    const fromOwner = await invite(owner, 'via-owner@jspe.example');

    const deactivated = await owner.ok(DeactivateStaffDocument, { input: { id: leaverId } });
    expect(deactivated.deactivateStaff.active).toBe(false);
    await owner.ok(ChangeStaffRoleDocument, { input: { id: demotedId, role: 'PRIVACY_OFFICER' } });
    const open = (await owner.ok(StaffInvitationsDocument)).staffInvitations.map((i) => i.id);
    expect(open).toContain(fromOwner.id);
    for (const gone of [...fromLeaver, fromDemoted]) {
      expect(open).not.toContain(gone.id);
      const refused = await new TestClient(app.url).request(AcceptInvitationDocument, {
        input: { token: gone.token, password: STRONG },
      });
      expect(errorOf(refused).code).toBe('NOT_FOUND');
    }
    const revocations = await app
      .em()
      .getConnection()
      .execute<{ subject: string; actor_label: string; detail: unknown }[]>(
        "select subject, actor_label, detail from audit_entry where action = 'admin_user.invitation_revoked'",
      );
    for (const gone of [...fromLeaver, fromDemoted]) {
      const entry = revocations.find((r) => r.subject === gone.id)!;
      expect(entry.actor_label).toContain('Administrator');
      const detail = typeof entry.detail === 'string' ? JSON.parse(entry.detail) : entry.detail;
      expect(detail).toMatchObject({ reason: gone === fromDemoted ? 'inviter_role_changed' : 'inviter_deactivated' });
    }
    // An invitation left open by an inviter who is no owner any more (made before revocation on
    // leaving existed) is refused too, as an invalid link.
    const { member: former, id: formerId } = await join('former-owner@jspe.example', 'OWNER');
    const stale = await invite(former, 'via-former@jspe.example');
    await app.em().nativeUpdate(AdminUser, { id: formerId }, { role: 'VIEWER' });
    expect(errorOf(await new TestClient(app.url).request(InvitationDocument, { token: stale.token })).code).toBe(
      'NOT_FOUND',
    );
    const refused = await new TestClient(app.url).request(AcceptInvitationDocument, {
      input: { token: stale.token, password: STRONG },
    });
    expect(errorOf(refused).code).toBe('NOT_FOUND');
    await new TestClient(app.url).ok(AcceptInvitationDocument, { input: { token: fromOwner.token, password: STRONG } });
  });
});
