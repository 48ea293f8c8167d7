import { describe, expect, it } from 'vitest';
import {
  sessionRestriction,
  staffAbilities,
  staffProfileIssues,
  validateDeactivation,
  validateRoleChange,
  type StaffMember,
} from './staff-rules.js';

const owner = { userId: 'o1', role: 'OWNER' as const };
const member = (over: Partial<StaffMember> = {}): StaffMember => ({
  id: 'm1',
  role: 'PRIVACY_OFFICER',
  active: true,
  mfaEnrolled: false,
  ...over,
});
const codes = (v: { ok: boolean; issues?: { code: string }[] }) => (v.ok ? [] : v.issues!.map((i) => i.code));

describe('staff rules', () => {
  it('keeps at least one active owner', () => {
    const lastOwner = member({ id: 'o2', role: 'OWNER' });
    expect(codes(validateRoleChange(owner, lastOwner, 'VIEWER', 1))).toEqual(['LAST_OWNER']);
    expect(codes(validateRoleChange(owner, lastOwner, 'VIEWER', 2))).toEqual([]);
    expect(codes(validateDeactivation(owner, lastOwner, 1))).toEqual(['LAST_OWNER']);
    expect(codes(validateDeactivation(owner, lastOwner, 2))).toEqual([]);
    // A deactivated owner is not one of the active owners: demoting them keeps the count.
    expect(codes(validateRoleChange(owner, member({ role: 'OWNER', active: false }), 'VIEWER', 1))).toEqual([]);
  });

  it('refuses acting on oneself and changes that change nothing', () => {
    const self = member({ id: 'o1', role: 'OWNER' });
    expect(codes(validateRoleChange(owner, self, 'VIEWER', 3))).toEqual(['SELF_ACTION']);
    expect(codes(validateDeactivation(owner, self, 3))).toEqual(['SELF_ACTION']);
    expect(codes(validateRoleChange(owner, member(), 'PRIVACY_OFFICER', 1))).toEqual(['NO_CHANGE']);
    expect(codes(validateDeactivation(owner, member({ active: false }), 1))).toEqual(['INVALID_TRANSITION']);
  });

  it('gives abilities only to owners, never on their own account, matching the validations', () => {
    expect(Object.values(staffAbilities({ userId: 'x', role: 'PRIVACY_OFFICER' }, member(), 2)).some(Boolean)).toBe(
      false,
    );
    expect(Object.values(staffAbilities(null, member(), 2)).some(Boolean)).toBe(false);
    expect(Object.values(staffAbilities(owner, member({ id: 'o1', role: 'OWNER' }), 2)).some(Boolean)).toBe(false);
    expect(staffAbilities(owner, member(), 1)).toEqual({
      changeRole: true,
      deactivate: true,
      reactivate: false,
      resetPassword: true,
      resetMfa: false,
      endSessions: true,
    });
    expect(staffAbilities(owner, member({ active: false }), 1)).toMatchObject({
      reactivate: true,
      deactivate: false,
      resetPassword: false,
      changeRole: false,
    });
    expect(staffAbilities(owner, member({ role: 'OWNER', id: 'o2' }), 1)).toMatchObject({
      changeRole: false,
      deactivate: false,
    });
    expect(staffAbilities(owner, member({ mfaEnrolled: true }), 1).resetMfa).toBe(true);
  });

  it('restricts a session until the password is changed, then until a required second factor is enrolled', () => {
    const base = {
      role: 'OWNER' as const,
      mustChangePassword: false,
      mfaEnrolled: false,
      organisationRequiresMfa: true,
    };
    expect(sessionRestriction({ ...base, mustChangePassword: true })).toBe('PASSWORD_CHANGE');
    expect(sessionRestriction(base)).toBe('MFA_ENROLMENT');
    expect(sessionRestriction({ ...base, role: 'PRIVACY_OFFICER' })).toBe('MFA_ENROLMENT');
    expect(sessionRestriction({ ...base, role: 'VIEWER' })).toBeNull();
    expect(sessionRestriction({ ...base, mfaEnrolled: true })).toBeNull();
    expect(sessionRestriction({ ...base, organisationRequiresMfa: false })).toBeNull();
  });

  it('checks a staff profile: a valid e-mail and a name, each issue naming its field', () => {
    expect(staffProfileIssues({ email: 'sato@jspe.example', displayName: '佐藤 花子' })).toEqual([]);
    expect(staffProfileIssues({ email: 'not an email', displayName: ' ' }).map((i) => [i.field, i.code])).toEqual([
      ['email', 'INVALID_FORMAT'],
      ['displayName', 'REQUIRED'],
    ]);
  });
});
