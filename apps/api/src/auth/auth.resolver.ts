import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { OWNERS } from '../common/auth-checker.js';
import type { Context } from '../context.js';
import { services } from '../services.js';
import { AdminUserType } from './admin-user.type.js';
import { presentAdminUser } from './admin-user.presenter.js';
import { CreateAdminUserInput, LoginInput } from './auth.inputs.js';

@Resolver()
export class AuthResolver {
  @Query(() => AdminUserType, { nullable: true, description: 'The signed-in admin, or null.' })
  async me(@Ctx() ctx: Context): Promise<AdminUserType | null> {
    if (!ctx.actor) return null;
    const user = await services(ctx).auth.currentUser(ctx.actor);
    return user ? presentAdminUser(user) : null;
  }

  @Mutation(() => AdminUserType, { description: 'Signs in and sets the HttpOnly session cookie.' })
  async login(@Arg('input', () => LoginInput) input: LoginInput, @Ctx() ctx: Context): Promise<AdminUserType> {
    const { user, token, expiresAt } = await services(ctx).auth.login(input.email, input.password, ctx.userAgent);
    ctx.cookies.setSession(token, expiresAt);
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
  @Query(() => [AdminUserType])
  async adminUsers(@Ctx() ctx: Context): Promise<AdminUserType[]> {
    const users = await services(ctx).auth.adminUsers();
    return users.map(presentAdminUser);
  }

  @Authorized(OWNERS)
  @Mutation(() => AdminUserType)
  async createAdminUser(
    @Arg('input', () => CreateAdminUserInput) input: CreateAdminUserInput,
    @Ctx() ctx: Context,
  ): Promise<AdminUserType> {
    const user = await services(ctx).auth.createAdminUser(ctx.actor, input);
    return presentAdminUser(user);
  }
}
