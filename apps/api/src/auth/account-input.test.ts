import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES } from '../test/databases.js';
import { createTestApp, OWNER, type GraphQLResult, type TestApp, type TestClient } from '../test/test-app.js';

// Every sign-in, second-factor and staff-account input, sent hostile values: each is refused as the
// caller's mistake (never INTERNAL_SERVER_ERROR, nothing internal in the answer) and nothing is stored.
const HOSTILE: [string, unknown][] = [
  ['a NUL', 'ab\u0000cd@steward.test'],
  ['a bidi override', 'ab\u202Ecd@steward.test'],
  ['a zero-width space', 'ab\u200Bcd@steward.test'],
  ['10,000 characters', 'x'.repeat(10_000)],
  ['a number', 12345],
  ['a list', ['x']],
];

const MUTATIONS: {
  name: string;
  query: string;
  input: (v: unknown) => Record<string, unknown>;
  as: 'owner' | 'anyone';
}[] = [
  {
    name: 'login.email',
    as: 'anyone',
    query: 'mutation($i: LoginInput!) { login(input: $i) { id } }',
    input: (v) => ({ email: v, password: OWNER.password }),
  },
  {
    name: 'login.password',
    as: 'anyone',
    query: 'mutation($i: LoginInput!) { login(input: $i) { id } }',
    input: (v) => ({ email: OWNER.email, password: v }),
  },
  {
    name: 'login.code',
    as: 'anyone',
    query: 'mutation($i: LoginInput!) { login(input: $i) { id } }',
    input: (v) => ({ email: OWNER.email, password: OWNER.password, code: v }),
  },
  {
    name: 'acceptInvitation.token',
    as: 'anyone',
    query: 'mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { id } }',
    input: (v) => ({ token: v, password: 'amber-otter-drifts-north' }),
  },
  {
    name: 'inviteStaff.email',
    as: 'owner',
    query: 'mutation($i: InviteStaffInput!) { inviteStaff(input: $i) { link } }',
    input: (v) => ({ email: v, displayName: 'X', role: 'VIEWER' }),
  },
  {
    name: 'inviteStaff.displayName',
    as: 'owner',
    query: 'mutation($i: InviteStaffInput!) { inviteStaff(input: $i) { link } }',
    input: (v) => ({ email: 'x@steward.test', displayName: v, role: 'VIEWER' }),
  },
  {
    name: 'changeStaffRole.id',
    as: 'owner',
    query: 'mutation($i: ChangeStaffRoleInput!) { changeStaffRole(input: $i) { id } }',
    input: (v) => ({ id: v, role: 'VIEWER' }),
  },
  {
    name: 'deactivateStaff.id',
    as: 'owner',
    query: 'mutation($i: StaffIdInput!) { deactivateStaff(input: $i) { id } }',
    input: (v) => ({ id: v }),
  },
  {
    name: 'changePassword.newPassword',
    as: 'owner',
    query: 'mutation($i: ChangePasswordInput!) { changePassword(input: $i) { id } }',
    input: (v) => ({ currentPassword: OWNER.password, newPassword: v }),
  },
  {
    name: 'endMySession.id',
    as: 'owner',
    query: 'mutation($i: EndSessionInput!) { endMySession(input: $i) }',
    input: (v) => ({ id: v }),
  },
  {
    name: 'confirmTotpEnrolment.code',
    as: 'owner',
    query: 'mutation($i: ConfirmTotpEnrolmentInput!) { confirmTotpEnrolment(input: $i) { codes } }',
    input: (v) => ({ code: v, password: OWNER.password }),
  },
  {
    name: 'disableTotp.password',
    as: 'owner',
    query: 'mutation($i: DisableTotpInput!) { disableTotp(input: $i) { id } }',
    input: (v) => ({ password: v }),
  },
];

describe.each(DATABASES)('account inputs on %s', (database) => {
  let app: TestApp;
  let owner: TestClient;
  beforeAll(async () => {
    app = await createTestApp({ database });
    owner = await app.clientAs('OWNER');
  });
  afterAll(() => app.close());

  async function counts(): Promise<string> {
    const conn = app.em().getConnection();
    const out: Record<string, number> = {};
    for (const table of ['admin_user', 'admin_session', 'staff_invitation', 'recovery_code', 'audit_entry']) {
      out[table] = Number((await conn.execute<{ n: unknown }[]>(`select count(*) as n from ${table}`))[0]!.n);
    }
    return JSON.stringify(out);
  }

  it.each(MUTATIONS)('refuses hostile values in $name as the caller’s mistake, storing nothing', async (m) => {
    for (const [label, value] of HOSTILE) {
      const before = await counts();
      const client = m.as === 'owner' ? owner : app.client();
      const res: GraphQLResult<unknown> = await client.raw(m.query, { i: m.input(value) });
      const code = res.errors?.[0]?.extensions?.code;
      expect([label, code]).not.toEqual([label, 'INTERNAL_SERVER_ERROR']);
      expect([label, code]).toEqual([label, expect.stringMatching(/^(BAD_USER_INPUT|NOT_FOUND|UNAUTHENTICATED)$/)]);
      expect(JSON.stringify(res)).not.toMatch(/stack|node_modules|\.[jt]s:\d+|\bselect\b|\binsert\b|sqlite|postgres/i);
      expect(await counts()).toBe(before);
    }
    expect(app.logged).toEqual([]);
  });
});
