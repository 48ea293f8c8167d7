import type { AdminRole } from '@steward/policy-core';
import type { GraphQLResolveInfo } from 'graphql';
import { getMetadataStorage, type ResolverData } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import type { Context } from '../context.js';
import { stewardSchema } from '../schema.js';
import { SYSTEM_ROOT_FIELDS } from '../systems/system-auth.js';
import {
  INTERNAL_SYSTEM,
  OWNERS,
  PARTNER_FORBIDDEN,
  SYSTEM_FORBIDDEN,
  WRITERS,
  WRITERS_AND_SYSTEMS,
  authChecker,
  requireCaller,
  type Grant,
} from './auth-checker.js';
import { ForbiddenError, UnauthenticatedError } from './errors.js';

const admin = (role: AdminRole) => ({
  userId: '0190a2b4-0000-7000-8000-000000000001',
  email: 'a@steward.test',
  displayName: 'A',
  role,
  sessionTokenHash: 'h',
  language: null,
  restriction: null,
});
const system = { credentialId: '0190a2b4-0000-7000-8000-000000000002' };
const partner = {
  credentialId: '0190a2b4-0000-7000-8000-000000000003',
  recipientId: '0190a2b4-0000-7000-8000-000000000004',
};

function contextOf(fields: Partial<Pick<Context, 'actor' | 'partner' | 'system'>>): Context {
  return { actor: null, partner: null, system: null, ...fields } as Context;
}

/** The authChecker's verdict: true, or the code and message it throws. */
function check(context: Context, grants: Grant[]): true | [string, string] {
  try {
    return authChecker(
      { context, info: {} as GraphQLResolveInfo, args: {}, root: {} } as ResolverData<Context>,
      grants,
    ) as true;
  } catch (err) {
    if (err instanceof ForbiddenError || err instanceof UnauthenticatedError) return [err.code, err.message];
    throw err;
  }
}

describe('authChecker', () => {
  it('lets an internal system reach only fields granted to INTERNAL_SYSTEM', () => {
    const ctx = contextOf({ system });
    expect(check(ctx, WRITERS_AND_SYSTEMS)).toBe(true);
    expect(check(ctx, [INTERNAL_SYSTEM])).toBe(true);
    for (const grants of [WRITERS, OWNERS, [], ['VIEWER' as const]])
      expect(check(ctx, grants)).toEqual(['FORBIDDEN', SYSTEM_FORBIDDEN]);
  });

  it('gives admins what their role allows, whatever the INTERNAL_SYSTEM grant', () => {
    expect(check(contextOf({ actor: admin('OWNER') }), WRITERS_AND_SYSTEMS)).toBe(true);
    expect(check(contextOf({ actor: admin('PRIVACY_OFFICER') }), WRITERS_AND_SYSTEMS)).toBe(true);
    expect(check(contextOf({ actor: admin('VIEWER') }), WRITERS_AND_SYSTEMS)).toEqual([
      'FORBIDDEN',
      'Your role does not allow this',
    ]);
    expect(check(contextOf({ actor: admin('VIEWER') }), [INTERNAL_SYSTEM])).toEqual([
      'FORBIDDEN',
      'Your role does not allow this',
    ]);
    expect(check(contextOf({ actor: admin('VIEWER') }), [])).toBe(true);
    expect(check(contextOf({}), WRITERS_AND_SYSTEMS)).toEqual(['UNAUTHENTICATED', 'Sign in to continue']);
  });

  it('never lets a partner key through, not even where internal systems may go', () => {
    expect(check(contextOf({ partner }), WRITERS_AND_SYSTEMS)).toEqual(['FORBIDDEN', PARTNER_FORBIDDEN]);
    expect(check(contextOf({ partner }), [INTERNAL_SYSTEM])).toEqual(['FORBIDDEN', PARTNER_FORBIDDEN]);
  });

  it('grants INTERNAL_SYSTEM on exactly the root fields the guard lets system keys select', async () => {
    await stewardSchema(); // registers every resolver's metadata
    const granted = getMetadataStorage()
      .authorizedFields.filter((f) => (f.roles as Grant[]).includes(INTERNAL_SYSTEM))
      .map((f) => f.fieldName);
    expect(granted).toEqual([...SYSTEM_ROOT_FIELDS]);
  });
});

describe('requireCaller', () => {
  it('names an admin as admin:<userId> and an internal system as system:<credentialId>', () => {
    expect(requireCaller(contextOf({ actor: admin('OWNER') }))).toEqual({
      actor: admin('OWNER'),
      ref: `admin:${admin('OWNER').userId}`,
    });
    expect(requireCaller(contextOf({ system }))).toEqual({ actor: null, ref: `system:${system.credentialId}` });
    expect(() => requireCaller(contextOf({}))).toThrow(UnauthenticatedError);
  });
});
