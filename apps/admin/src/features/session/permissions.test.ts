import { describe, expect, it } from 'vitest';
import { canManageUsers, canRunJobs, canWrite } from './permissions.js';

describe('canWrite', () => {
  it('lets owners and privacy officers write', () => {
    expect(canWrite('OWNER')).toBe(true);
    expect(canWrite('PRIVACY_OFFICER')).toBe(true);
  });
  it('keeps viewers and the signed-out read-only', () => {
    expect(canWrite('VIEWER')).toBe(false);
    expect(canWrite(null)).toBe(false);
    expect(canWrite(undefined)).toBe(false);
  });
});

describe('canManageUsers', () => {
  it('is for owners only', () => {
    expect(canManageUsers('OWNER')).toBe(true);
    expect(canManageUsers('PRIVACY_OFFICER')).toBe(false);
    expect(canManageUsers('VIEWER')).toBe(false);
    expect(canManageUsers(null)).toBe(false);
  });
});

describe('canRunJobs', () => {
  it('is for owners only', () => {
    expect(canRunJobs('OWNER')).toBe(true);
    expect(canRunJobs('PRIVACY_OFFICER')).toBe(false);
    expect(canRunJobs('VIEWER')).toBe(false);
    expect(canRunJobs(null)).toBe(false);
  });
});
