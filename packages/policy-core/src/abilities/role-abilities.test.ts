import { describe, expect, it } from 'vitest';
import { ADMIN_ROLES } from '../vocabulary/roles.js';
import { callerCanWrite } from './caller.js';
import { roleAbilities } from './role-abilities.js';

describe('roleAbilities', () => {
  it('lets owners do everything, privacy officers write, viewers and nobody nothing', () => {
    expect(roleAbilities('OWNER')).toEqual({ write: true, manageUsers: true, runJobs: true, readProviderNames: true });
    expect(roleAbilities('PRIVACY_OFFICER')).toEqual({
      write: true,
      manageUsers: false,
      runJobs: false,
      readProviderNames: true,
    });
    expect(roleAbilities('VIEWER')).toEqual({
      write: false,
      manageUsers: false,
      runJobs: false,
      readProviderNames: false,
    });
    expect(roleAbilities(null)).toEqual({ write: false, manageUsers: false, runJobs: false, readProviderNames: false });
    expect(roleAbilities(undefined)).toEqual({
      write: false,
      manageUsers: false,
      runJobs: false,
      readProviderNames: false,
    });
  });

  it('agrees with the object abilities on who may write', () => {
    for (const role of ADMIN_ROLES) expect(roleAbilities(role).write).toBe(callerCanWrite({ userId: 'u', role }));
  });
});
