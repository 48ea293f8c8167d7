import type { AdminRole, SessionRestriction } from '@steward/policy-core';
import type { AuthCheckerFn } from 'type-graphql';
import type { Caller, Context, PartnerPrincipal } from '../context.js';
import { ForbiddenError, UnauthenticatedError } from './errors.js';

/**
 * Not an admin role: the grant that lets an internal system's key (`sys_…`) reach a field. Only
 * fields that list it are open to internal systems; an empty `@Authorized()` never is.
 */
export const INTERNAL_SYSTEM = 'INTERNAL_SYSTEM';
/** What `@Authorized(...)` lists: admin roles, and for the few fields internal systems may use, INTERNAL_SYSTEM. */
export type Grant = AdminRole | typeof INTERNAL_SYSTEM;

/** Roles that may change data; a VIEWER may only read. */
export const WRITERS: AdminRole[] = ['OWNER', 'PRIVACY_OFFICER'];
export const OWNERS: AdminRole[] = ['OWNER'];
/** Owners, privacy officers and internal systems' keys (the `decision` query). */
export const WRITERS_AND_SYSTEMS: Grant[] = [...WRITERS, INTERNAL_SYSTEM];

/** Whether a role is one of the allowed ones; an empty list means any signed-in admin. */
export function roleAllows(role: AdminRole, allowed: readonly Grant[]): boolean {
  return allowed.length === 0 || allowed.includes(role);
}

/**
 * The one role check behind every `@Authorized(...)`. A partner key never reaches an admin field,
 * whatever its roles: partners have their own root fields, guarded by `requirePartner`. An
 * internal system's key reaches only fields granted to INTERNAL_SYSTEM.
 */
export const authChecker: AuthCheckerFn<Context, Grant> = ({ context, info }, grants) => {
  if (context.partner) throw new ForbiddenError(PARTNER_FORBIDDEN);
  if (context.system) {
    if (grants.includes(INTERNAL_SYSTEM)) return true;
    throw new ForbiddenError(SYSTEM_FORBIDDEN);
  }
  if (!context.actor) throw new UnauthenticatedError();
  const { restriction } = context.actor;
  if (restriction && !RESTRICTED_SESSION_FIELDS[restriction].includes(info.fieldName)) {
    throw new RestrictedSessionError(restriction);
  }
  if (!roleAllows(context.actor.role, grants)) throw new ForbiddenError();
  return true;
};

/**
 * The only signed-in fields a restricted session reaches (besides `me`, which needs no sign-in):
 * the one step it must take, signing out, and the language that step is shown in.
 */
export const RESTRICTED_SESSION_FIELDS: Readonly<Record<Exclude<SessionRestriction, null>, readonly string[]>> = {
  PASSWORD_CHANGE: ['changePassword', 'logout', 'setMyLanguage'],
  MFA_ENROLMENT: ['beginTotpEnrolment', 'confirmTotpEnrolment', 'logout', 'setMyLanguage'],
};

/** FORBIDDEN, with `extensions.restriction` saying what the session must do first. */
export class RestrictedSessionError extends ForbiddenError {
  constructor(restriction: Exclude<SessionRestriction, null>) {
    super(
      restriction === 'PASSWORD_CHANGE'
        ? 'Choose a new password before anything else'
        : 'Set up a second factor (an authenticator app) before anything else',
    );
    this.extensions.restriction = restriction;
  }
}

/** The one answer a partner gets for anything outside its own fields. */
export const PARTNER_FORBIDDEN = 'A partner key cannot use this field';
/** The one answer an internal system gets for anything but the `decision` query. */
export const SYSTEM_FORBIDDEN = 'An internal system key can only ask for decisions';

/** The signed-in admin, with a full session (a restricted one is refused: RestrictedSessionError). */
export function requireActor(ctx: Context) {
  const actor = requireSession(ctx);
  if (actor.restriction) throw new RestrictedSessionError(actor.restriction);
  return actor;
}

/** The signed-in admin, even while the session is restricted: for the steps that lift the restriction. */
export function requireSession(ctx: Context) {
  if (!ctx.actor) throw new UnauthenticatedError();
  return ctx.actor;
}

/** The partner fields' own guard: only a partner key, never an admin session. */
export function requirePartner(ctx: Context): PartnerPrincipal {
  if (ctx.partner) return ctx.partner;
  if (ctx.actor) throw new ForbiddenError('Only a partner key can use this field');
  throw new UnauthenticatedError('A partner key is required');
}

/** The signed-in admin or the internal system's key making the request. */
export function requireCaller(ctx: Context): Caller {
  if (ctx.system) return { actor: null, ref: `system:${ctx.system.credentialId}` };
  const actor = requireActor(ctx);
  return { actor, ref: `admin:${actor.userId}` };
}
