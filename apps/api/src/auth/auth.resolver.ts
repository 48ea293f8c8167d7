import { Arg, Authorized, Ctx, Extensions, Mutation, Query, Resolver } from 'type-graphql';
import { OWNERS, requireActor } from '../common/auth-checker.js';
import { rateLimitedBy } from '../common/rate-limit.js';
import type { Context } from '../context.js';
import { services } from '../services.js';
import { loadOrganisation } from '../organisation/organisation.service.js';
import { languageFor } from '../i18n/language.js';
import { AdminUserType, InvitationPreviewType } from './admin-user.type.js';
import { presentAdminUser } from './admin-user.presenter.js';
import { AcceptInvitationInput, CreateAdminUserInput, LoginInput } from './auth.inputs.js';
import { INVITATION_RULE } from './invitation.service.js';

@Resolver()
export class AuthResolver {
  @Query(() => AdminUserType, {
    nullable: true,
    description: 'The signed-in admin, or null; with what the session must do first (sessionRestriction).',
  })
  async me(@Ctx() ctx: Context): Promise<AdminUserType | null> {
    if (!ctx.actor) return null;
    const user = await services(ctx).auth.currentUser(ctx.actor);
    if (!user) return null;
    return {
      ...presentAdminUser(user),
      sessionRestriction: ctx.actor.restriction,
      mfaRequired: await services(ctx).mfa.requiredFor(user),
      effectiveLanguage: await languageFor(ctx),
    };
  }

  @Mutation(() => AdminUserType, {
    description:
      'Signs in and sets the HttpOnly session cookie. MFA_REQUIRED: the password was right; send it again with `code`.',
  })
  async login(
    @Arg('input', () => LoginInput, {
      description: 'The e-mail, password and, if the account has one, the second factor.',
    })
    input: LoginInput,
    @Ctx() ctx: Context,
  ): Promise<AdminUserType> {
    const { user, token, expiresAt, deviceCookie } = await services(ctx).auth.login(input, {
      userAgent: ctx.userAgent,
      clientAddress: ctx.clientAddress,
      deviceCookie: ctx.deviceCookie,
      throttle: ctx.signInThrottle,
    });
    ctx.cookies.setSession(token, expiresAt);
    ctx.cookies.setDevice(deviceCookie);
    return presentAdminUser(user);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Ends this session.' })
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    if (ctx.actor) await services(ctx).auth.logout(ctx.actor);
    ctx.cookies.clearSession();
    return true;
  }

  @Authorized(OWNERS)
  @Mutation(() => AdminUserType, {
    description:
      'Creates a staff account with a password the owner chooses (prefer inviteStaff: the member chooses it).',
  })
  async createAdminUser(
    @Arg('input', () => CreateAdminUserInput, {
      description: "The new member's name, e-mail, role and first password.",
    })
    input: CreateAdminUserInput,
    @Ctx() ctx: Context,
  ): Promise<AdminUserType> {
    const user = await services(ctx).auth.createAdminUser(requireActor(ctx), input);
    return presentAdminUser(user);
  }

  @Query(() => InvitationPreviewType, {
    description:
      'Public: what an invitation link offers; NOT_FOUND once used, revoked or expired. Rate-limited per address.',
  })
  @Extensions(rateLimitedBy(INVITATION_RULE))
  async invitation(
    @Arg('token', () => String, { description: 'The token after # in the invitation link.' }) token: string,
    @Ctx() ctx: Context,
  ): Promise<InvitationPreviewType> {
    await ctx.rateLimits.consumeAddress(INVITATION_RULE, ctx.clientAddress);
    const invitation = await services(ctx).invitation.open(token);
    const organisation = await loadOrganisation(ctx.em);
    return {
      email: invitation.email,
      displayName: invitation.displayName,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
      organisationName: organisation.name,
    };
  }

  @Mutation(() => AdminUserType, {
    description:
      'Public: accepts an invitation with the password the invitee chose, creates their account and signs them in.',
  })
  @Extensions(rateLimitedBy(INVITATION_RULE))
  async acceptInvitation(
    @Arg('input', () => AcceptInvitationInput, { description: 'The invitation token and the chosen password.' })
    input: AcceptInvitationInput,
    @Ctx() ctx: Context,
  ): Promise<AdminUserType> {
    await ctx.rateLimits.consumeAddress(INVITATION_RULE, ctx.clientAddress);
    const { user, token, expiresAt } = await services(ctx).invitation.accept(
      input.token,
      input.password,
      ctx.userAgent,
    );
    ctx.cookies.setSession(token, expiresAt);
    return presentAdminUser(user);
  }
}
