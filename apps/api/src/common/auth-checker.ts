import type { AdminRole } from '@steward/policy-core';
import type { AuthChecker } from 'type-graphql';
import type { Context } from '../context.js';
import { ForbiddenError, UnauthenticatedError } from './errors.js';

/** Roles that may change data; a VIEWER may only read. */
export const WRITERS: AdminRole[] = ['OWNER', 'PRIVACY_OFFICER'];
export const OWNERS: AdminRole[] = ['OWNER'];

/** Whether a role is one of the allowed ones; an empty list means any signed-in admin. */
export function roleAllows(role: AdminRole, allowed: readonly AdminRole[]): boolean {
  return allowed.length === 0 || allowed.includes(role);
}

/**
 * The one role check behind every `@Authorized(...)`. A partner key never reaches an admin field,
 * whatever its roles: partners have their own root fields, guarded by `requirePartner`.
 */
export const authChecker: AuthChecker<Context, AdminRole> = ({ context }, roles) => {
  if (context.partner) throw new ForbiddenError(PARTNER_FORBIDDEN);
  if (!context.actor) throw new UnauthenticatedError();
  if (!roleAllows(context.actor.role, roles)) throw new ForbiddenError();
  return true;
};

/** The one answer a partner gets for anything outside its own fields. */
export const PARTNER_FORBIDDEN = 'A partner key cannot use this field';

export function requireActor(ctx: Context) {
  if (!ctx.actor) throw new UnauthenticatedError();
  return ctx.actor;
}
