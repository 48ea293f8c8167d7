import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { presentAuditEntry } from '../audit/audit.presenter.js';
import { AuditEntryType } from '../audit/audit.type.js';
import { OWNERS } from '../common/auth-checker.js';
import type { Context } from '../context.js';
import { services } from '../services.js';
import {
  AdminUserType,
  IssuedInvitationType,
  StaffInvitationType,
  StaffSettingsType,
  TemporaryPasswordType,
} from './admin-user.type.js';
import { invitationLink, presentAdminUser, presentInvitation } from './admin-user.presenter.js';
import { ChangeStaffRoleInput, InviteStaffInput, SetMfaRequirementInput, StaffIdInput } from './auth.inputs.js';

/** The staff page: owners manage every account but their own (their own is on the account page). */
@Resolver()
export class StaffResolver {
  @Authorized(OWNERS)
  @Query(() => [AdminUserType], {
    description: 'Every staff account, oldest first, with its open sessions and what the caller may do with it.',
  })
  async adminUsers(@Ctx() ctx: Context): Promise<AdminUserType[]> {
    const rows = await services(ctx).staff.list();
    return rows.map(({ user, openSessions, abilities }) => ({ ...presentAdminUser(user), openSessions, abilities }));
  }

  @Authorized(OWNERS)
  @Query(() => [StaffInvitationType], {
    description: 'Invitations not yet accepted, revoked or expired, newest first.',
  })
  async staffInvitations(@Ctx() ctx: Context): Promise<StaffInvitationType[]> {
    return (await services(ctx).staff.pendingInvitations()).map(presentInvitation);
  }

  @Authorized(OWNERS)
  @Mutation(() => IssuedInvitationType, {
    description:
      'Invites someone to the staff; the one-time link (valid 7 days) is returned once for the owner to send.',
  })
  async inviteStaff(
    @Arg('input', () => InviteStaffInput, { description: 'Who to invite, with which role.' }) input: InviteStaffInput,
    @Ctx() ctx: Context,
  ): Promise<IssuedInvitationType> {
    const { invitation, token } = await services(ctx).staff.invite(input);
    return { invitation: presentInvitation(invitation), link: invitationLink(ctx.deps.config.publicUrl, token) };
  }

  @Authorized(OWNERS)
  @Mutation(() => StaffInvitationType, { description: 'Revokes an open invitation: its link stops working.' })
  async revokeStaffInvitation(
    @Arg('input', () => StaffIdInput, { description: 'The staff account (or invitation).' }) input: StaffIdInput,
    @Ctx() ctx: Context,
  ): Promise<StaffInvitationType> {
    return presentInvitation(await services(ctx).staff.revokeInvitation(input.id));
  }

  @Authorized(OWNERS)
  @Mutation(() => AdminUserType, { description: "Changes a member's role (never one's own, never the last owner's)." })
  async changeStaffRole(
    @Arg('input', () => ChangeStaffRoleInput, { description: 'The member and their new role.' })
    input: ChangeStaffRoleInput,
    @Ctx() ctx: Context,
  ): Promise<AdminUserType> {
    return presentAdminUser(await services(ctx).staff.changeRole(input.id, input.role));
  }

  @Authorized(OWNERS)
  @Mutation(() => AdminUserType, {
    description: 'Deactivates an account: no sign-in, and every session of it ends at once on every instance.',
  })
  async deactivateStaff(
    @Arg('input', () => StaffIdInput, { description: 'The staff account (or invitation).' }) input: StaffIdInput,
    @Ctx() ctx: Context,
  ) {
    return presentAdminUser(await services(ctx).staff.deactivate(input.id));
  }

  @Authorized(OWNERS)
  @Mutation(() => AdminUserType, { description: 'Reactivates a deactivated account.' })
  async reactivateStaff(
    @Arg('input', () => StaffIdInput, { description: 'The staff account (or invitation).' }) input: StaffIdInput,
    @Ctx() ctx: Context,
  ) {
    return presentAdminUser(await services(ctx).staff.reactivate(input.id));
  }

  @Authorized(OWNERS)
  @Mutation(() => TemporaryPasswordType, {
    description:
      "Sets a temporary password (returned once) and ends the member's sessions; they must choose a new one at sign-in.",
  })
  async resetStaffPassword(
    @Arg('input', () => StaffIdInput, { description: 'The staff account (or invitation).' }) input: StaffIdInput,
    @Ctx() ctx: Context,
  ): Promise<TemporaryPasswordType> {
    const { user, temporaryPassword } = await services(ctx).staff.resetPassword(input.id);
    return { user: presentAdminUser(user), temporaryPassword };
  }

  @Authorized(OWNERS)
  @Mutation(() => AdminUserType, {
    description: "Removes a member's second factor and recovery codes (a lost phone) and ends their sessions.",
  })
  async resetStaffMfa(
    @Arg('input', () => StaffIdInput, { description: 'The staff account (or invitation).' }) input: StaffIdInput,
    @Ctx() ctx: Context,
  ) {
    return presentAdminUser(await services(ctx).staff.resetMfa(input.id));
  }

  @Authorized(OWNERS)
  @Mutation(() => AdminUserType, { description: 'Ends every session of a member now, on every instance.' })
  async endStaffSessions(
    @Arg('input', () => StaffIdInput, { description: 'The staff account (or invitation).' }) input: StaffIdInput,
    @Ctx() ctx: Context,
  ) {
    return presentAdminUser(await services(ctx).staff.endSessions(input.id));
  }

  @Authorized(OWNERS)
  @Query(() => StaffSettingsType, { description: "The organisation's rules for staff accounts." })
  staffSettings(@Ctx() ctx: Context): Promise<StaffSettingsType> {
    return services(ctx).staff.settings();
  }

  @Authorized(OWNERS)
  @Mutation(() => StaffSettingsType, {
    description:
      'Requires a second factor of owners and privacy officers (the caller must have one); those without may then only enrol.',
  })
  setMfaRequirement(
    @Arg('input', () => SetMfaRequirementInput, { description: 'Whether a second factor is required.' })
    input: SetMfaRequirementInput,
    @Ctx() ctx: Context,
  ): Promise<StaffSettingsType> {
    return services(ctx).staff.setMfaRequirement(input.required);
  }

  @Authorized(OWNERS)
  @Query(() => [AuditEntryType], {
    description: "What happened to one member's account, newest first (at most 50), with who did each thing.",
  })
  async staffHistory(
    @Arg('id', () => ID, { description: 'The staff account.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<AuditEntryType[]> {
    return (await services(ctx).staff.history(id)).map((e) => presentAuditEntry(e));
  }
}
