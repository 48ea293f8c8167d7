import {
  AcceptInvitationDocument,
  ChangeStaffRoleDocument,
  DeactivateStaffDocument,
  InviteStaffDocument,
  MeDocument,
  ReactivateStaffDocument,
  RevokeStaffInvitationDocument,
} from '@steward/schema';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../test/databases.js';
import { createTestApp, errorOf, TestClient, type GraphQLResult, type TestApp } from '../test/test-app.js';
import { AdminUser } from './admin-user.entity.js';
import { StaffInvitation } from './staff-invitation.entity.js';

const STRONG = 'amber-otter-drifts-north';
const CREATE = 'mutation($input: CreateAdminUserInput!) { createAdminUser(input: $input) { id } }';
const ROUNDS = 4;

/**
 * Staff changes sent at the same time over HTTP: on PostgreSQL they run in concurrent transactions,
 * so each rule that reads before it writes (the last active owner, an open invitation, a free
 * e-mail) must hold under the race; on SQLite the writers queue, and the answers must be the same.
 */
describe.each(DATABASES)('staff changes racing each other on %s', (database) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ database });
  });
  afterAll(() => app.close());

  const failed = (r: GraphQLResult<unknown>) => (r.errors?.length ?? 0) > 0;
  const activeOwners = () => app.em().count(AdminUser, { role: 'OWNER', disabled: false });

  /** A new account made by `by`, signed in. */
  async function account(by: TestClient, role: 'OWNER' | 'PRIVACY_OFFICER' | 'VIEWER') {
    const email = `${role.toLowerCase()}-${randomBytes(4).toString('hex')}@race.example`;
    const made = await by.raw(CREATE, { input: { email, displayName: `Race ${role}`, role, password: STRONG } });
    expect(made.errors).toBeUndefined();
    const client = new TestClient(app.url);
    await client.login(email, STRONG);
    return { client, id: (made.data as { createAdminUser: { id: string } }).createAdminUser.id, email };
  }

  /**
   * Two active owners and nobody else: the first is the survivor of the round before (at first the
   * initial owner), the second is new.
   */
  async function twoOwners(survivor: { client: TestClient; id: string }) {
    const other = await account(survivor.client, 'OWNER');
    expect(await activeOwners()).toBe(2);
    return [survivor, other] as const;
  }

  async function firstOwner() {
    const client = await app.clientAs('OWNER');
    return { client, id: (await client.ok(MeDocument)).me!.id };
  }

  /** The round's survivor makes the initial owner an active owner again, for the tests after. */
  async function restoreFirstOwner(survivor: { client: TestClient }, first: { id: string }) {
    const row = await app.em().findOneOrFail(AdminUser, { id: first.id });
    if (row.disabled) await survivor.client.ok(ReactivateStaffDocument, { input: { id: first.id } });
    if (row.role !== 'OWNER')
      await survivor.client.ok(ChangeStaffRoleDocument, { input: { id: first.id, role: 'OWNER' } });
  }

  /** How one owner acts against the other in a race: deactivating, or demoting (each to some other role). */
  const ACTS: [string, (by: TestClient, id: string, side: number) => Promise<GraphQLResult<unknown>>][] = [
    ['deactivate', (by, id) => by.request(DeactivateStaffDocument, { input: { id } })],
    [
      'demote',
      (by, id, side) =>
        by.request(ChangeStaffRoleDocument, { input: { id, role: side ? 'PRIVACY_OFFICER' : 'VIEWER' } }),
    ],
  ];

  it.each(ACTS)(
    'lets only one of two owners %s the other when both try at once: an active owner remains',
    async (_, act) => {
      const first = await firstOwner();
      const others = await app.em().find(AdminUser, { role: 'OWNER', disabled: false, id: { $ne: first.id } });
      for (const o of others) await first.client.ok(DeactivateStaffDocument, { input: { id: o.id } });
      let survivor = first;
      for (let round = 0; round < ROUNDS; round++) {
        const [a, b] = await twoOwners(survivor);
        const answers = await Promise.all([act(a.client, b.id, 0), act(b.client, a.id, 1)]);
        expect(
          answers.filter((r) => !failed(r)),
          `round ${round}`,
        ).toHaveLength(1);
        expect(await activeOwners()).toBe(1);
        survivor = failed(answers[0]) ? b : a;
      }
      await restoreFirstOwner(survivor, first);
      expect(app.logged).toEqual([]);
    },
  );

  it('either accepts or revokes an invitation that is accepted and revoked at once, never both', async () => {
    const owner = await app.clientAs('OWNER');
    for (let round = 0; round < ROUNDS; round++) {
      const email = `both-${round}-${randomBytes(3).toString('hex')}@race.example`;
      const { inviteStaff } = await owner.ok(InviteStaffDocument, {
        input: { email, displayName: 'Race Invitee', role: 'VIEWER' },
      });
      const token = inviteStaff.link.split('#')[1]!;
      const [accepted, revoked] = await Promise.all([
        new TestClient(app.url).request(AcceptInvitationDocument, { input: { token, password: STRONG } }),
        owner.request(RevokeStaffInvitationDocument, { input: { id: inviteStaff.invitation.id } }),
      ]);
      expect([failed(accepted), failed(revoked)].sort(), `round ${round}`).toEqual([false, true]);
      const loser = failed(accepted) ? accepted : revoked;
      expect(errorOf(loser).code).toBe('NOT_FOUND');
      const invitation = await app.em().findOneOrFail(StaffInvitation, { id: inviteStaff.invitation.id });
      const joined = await app.em().count(AdminUser, { email });
      if (failed(accepted))
        expect([invitation.acceptedAt, invitation.revokedAt !== null, joined]).toEqual([null, true, 0]);
      else expect([invitation.acceptedAt !== null, invitation.revokedAt, joined]).toEqual([true, null, 1]);
    }
    expect(app.logged).toEqual([]);
  });

  it('creates one account for one e-mail when several are created at once, refusing the rest as DUPLICATE', async () => {
    const owner = await app.clientAs('OWNER');
    const email = `twice-${randomBytes(3).toString('hex')}@race.example`;
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        owner.raw(CREATE, { input: { email, displayName: `Twice ${i}`, role: 'VIEWER', password: STRONG } }),
      ),
    );
    expect(answers.filter((r) => !failed(r))).toHaveLength(1);
    for (const refused of answers.filter(failed)) {
      expect(errorOf(refused)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.email' });
      expect(errorOf(refused).issues?.map((i) => i.code)).toEqual(['DUPLICATE']);
    }
    expect(await app.em().count(AdminUser, { email })).toBe(1);
    expect(app.logged).toEqual([]);
  });

  it('refuses as DUPLICATE an invitation accepted while an account with its e-mail is created', async () => {
    const owner = await app.clientAs('OWNER');
    for (let round = 0; round < ROUNDS; round++) {
      const email = `clash-${round}-${randomBytes(3).toString('hex')}@race.example`;
      const { inviteStaff } = await owner.ok(InviteStaffDocument, {
        input: { email, displayName: 'Clash', role: 'VIEWER' },
      });
      const token = inviteStaff.link.split('#')[1]!;
      const answers = await Promise.all([
        new TestClient(app.url).request(AcceptInvitationDocument, { input: { token, password: STRONG } }),
        owner.raw(CREATE, { input: { email, displayName: 'Clash', role: 'VIEWER', password: STRONG } }),
      ]);
      expect(
        answers.filter((r) => !failed(r)),
        `round ${round}`,
      ).toHaveLength(1);
      for (const refused of answers.filter(failed)) {
        expect(errorOf(refused).code).toBe('BAD_USER_INPUT');
        expect(errorOf(refused).issues?.map((i) => i.code)).toEqual(['DUPLICATE']);
      }
      expect(await app.em().count(AdminUser, { email })).toBe(1);
    }
    expect(app.logged).toEqual([]);
  });

  it('keeps one open invitation per e-mail when two owners invite the same person at once', async () => {
    const owner = await app.clientAs('OWNER');
    const second = await account(owner, 'OWNER');
    for (let round = 0; round < ROUNDS; round++) {
      const email = `invited-twice-${round}-${randomBytes(3).toString('hex')}@race.example`;
      const invite = (c: TestClient) =>
        c.request(InviteStaffDocument, { input: { email, displayName: 'Invited Twice', role: 'VIEWER' } });
      const answers = await Promise.all([invite(owner), invite(second.client), invite(owner)]);
      expect(
        answers.filter((r) => !failed(r)),
        `round ${round}`,
      ).toHaveLength(1);
      for (const refused of answers.filter(failed)) {
        expect(errorOf(refused).issues?.map((i) => [i.field, i.code])).toEqual([['input.email', 'DUPLICATE']]);
      }
      expect(await app.em().count(StaffInvitation, { email, acceptedAt: null, revokedAt: null })).toBe(1);
    }
    expect(app.logged).toEqual([]);
  });
});
