import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { OWNERS } from '../common/auth-checker.js';
import type { Context } from '../context.js';
import { AdminUserType } from './admin-user.type.js';
import { presentAdminUser } from './admin-user.presenter.js';
import { CreateAdminUserInput, LoginInput } from './auth.inputs.js';
import { AuthService } from './auth.service.js';

@Resolver()
export class AuthResolver {
  @Query(() => AdminUserType, { nullable: true, description: 'The signed-in admin, or null.' })
  async me(@Ctx() ctx: Context): Promise<AdminUserType | null> {
    if (!ctx.actor) return null;
    const user = await new AuthService(ctx.em, ctx.deps).currentUser(ctx.actor);
    return user ? presentAdminUser(user) : null;
  }

  @Mutation(() => AdminUserType, { description: 'Signs in and sets the HttpOnly session cookie.' })
  async login(@Arg('input', () => LoginInput) input: LoginInput, @Ctx() ctx: Context): Promise<AdminUserType> {
    const { user, token, expiresAt, deviceCookie } = await new AuthService(ctx.em, ctx.deps).login(
      input.email,
      input.password,
      {
        userAgent: ctx.userAgent,
        clientAddress: ctx.clientAddress,
        deviceCookie: ctx.deviceCookie,
        throttle: ctx.signInThrottle,
      },
    );
    ctx.cookies.setSession(token, expiresAt);
    ctx.cookies.setDevice(deviceCookie);
    return presentAdminUser(user);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Ends this session.' })
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    if (ctx.actor) await new AuthService(ctx.em, ctx.deps).logout(ctx.actor);
    ctx.cookies.clearSession();
    return true;
  }

  @Authorized(OWNERS)
  @Query(() => [AdminUserType])
  async adminUsers(@Ctx() ctx: Context): Promise<AdminUserType[]> {
    const users = await new AuthService(ctx.em, ctx.deps).adminUsers();
    return users.map(presentAdminUser);
  }

  @Authorized(OWNERS)
  @Mutation(() => AdminUserType)
  async createAdminUser(
    @Arg('input', () => CreateAdminUserInput) input: CreateAdminUserInput,
    @Ctx() ctx: Context,
  ): Promise<AdminUserType> {
    const user = await new AuthService(ctx.em, ctx.deps).createAdminUser(ctx.actor, input);
    return presentAdminUser(user);
  }
}
