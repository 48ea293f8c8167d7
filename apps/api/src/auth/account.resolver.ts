import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { services } from '../services.js';
import { AdminUserType, RecoveryCodesType, StaffSessionType, TotpEnrolmentType } from './admin-user.type.js';
import { presentAdminUser } from './admin-user.presenter.js';
import {
  ChangePasswordInput,
  ConfirmTotpEnrolmentInput,
  DisableTotpInput,
  EndSessionInput,
  SetMyLanguageInput,
  TotpCodeInput,
} from './auth.inputs.js';

/** Every member's own account: password, sessions, second factor. */
@Resolver()
export class AccountResolver {
  @Authorized()
  @Mutation(() => AdminUserType, {
    description:
      'Changes your password (the current one required) and ends your other sessions; lifts a PASSWORD_CHANGE restriction.',
  })
  async changePassword(
    @Arg('input', () => ChangePasswordInput, { description: 'Your current and new password.' })
    input: ChangePasswordInput,
    @Ctx() ctx: Context,
  ): Promise<AdminUserType> {
    const user = await services(ctx).account.changePassword(input.currentPassword, input.newPassword);
    return presentAdminUser(user);
  }

  @Authorized()
  @Mutation(() => AdminUserType, {
    description:
      "Sets the language you read Steward in (null: the organisation's default); also while a session is restricted.",
  })
  async setMyLanguage(
    @Arg('input', () => SetMyLanguageInput, { description: 'Your language, or null.' }) input: SetMyLanguageInput,
    @Ctx() ctx: Context,
  ): Promise<AdminUserType> {
    return presentAdminUser(await services(ctx).account.setLanguage(input.language ?? null));
  }

  @Authorized()
  @Query(() => [StaffSessionType], { description: 'Your open sessions, this one first.' })
  mySessions(@Ctx() ctx: Context): Promise<StaffSessionType[]> {
    return services(ctx).account.sessions();
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: 'Ends one of your sessions; true when it was this one (you are signed out).',
  })
  async endMySession(
    @Arg('input', () => EndSessionInput, { description: 'The session to end.' }) input: EndSessionInput,
    @Ctx() ctx: Context,
  ) {
    const wasCurrent = await services(ctx).account.endSession(input.id);
    if (wasCurrent) ctx.cookies.clearSession();
    return wasCurrent;
  }

  @Authorized()
  @Mutation(() => TotpEnrolmentType, {
    description: 'Starts enrolling an authenticator app: a new secret and its QR code, pending until confirmed.',
  })
  beginTotpEnrolment(@Ctx() ctx: Context): Promise<TotpEnrolmentType> {
    return services(ctx).mfa.beginEnrolment();
  }

  @Authorized()
  @Mutation(() => RecoveryCodesType, {
    description:
      'Confirms the enrolment with a first code and your password; returns ten recovery codes, shown once. Wrong passwords count towards TOO_MANY_REQUESTS.',
  })
  async confirmTotpEnrolment(
    @Arg('input', () => ConfirmTotpEnrolmentInput, {
      description: 'A current code from the authenticator app, and your password.',
    })
    input: ConfirmTotpEnrolmentInput,
    @Ctx() ctx: Context,
  ): Promise<RecoveryCodesType> {
    return { codes: await services(ctx).mfa.confirmEnrolment(input.code, input.password) };
  }

  @Authorized()
  @Mutation(() => RecoveryCodesType, {
    description: 'Replaces your recovery codes (the old ones stop working), confirmed by a current code.',
  })
  async regenerateRecoveryCodes(
    @Arg('input', () => TotpCodeInput, { description: 'A current code from the authenticator app.' })
    input: TotpCodeInput,
    @Ctx() ctx: Context,
  ): Promise<RecoveryCodesType> {
    return { codes: await services(ctx).mfa.regenerateRecoveryCodes(input.code) };
  }

  @Authorized()
  @Mutation(() => AdminUserType, {
    description: 'Removes your second factor (your password required), unless your organisation requires one.',
  })
  async disableTotp(
    @Arg('input', () => DisableTotpInput, { description: 'Your password.' }) input: DisableTotpInput,
    @Ctx() ctx: Context,
  ): Promise<AdminUserType> {
    return presentAdminUser(await services(ctx).mfa.disable(input.password));
  }
}
