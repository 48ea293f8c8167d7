import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { WRITERS } from '../common/auth-checker.js';
import type { Context } from '../context.js';
import { services } from '../services.js';
import { IssueSystemKeyInput, RevokeSystemKeyInput } from './system-credential.inputs.js';
import { presentSystemCredential } from './system-credential.presenter.js';
import { IssuedSystemKeyType, SystemCredentialType } from './system-credential.type.js';

@Resolver()
export class SystemCredentialResolver {
  @Authorized(WRITERS)
  @Query(() => [SystemCredentialType], { description: "Internal systems' keys, newest first, revoked ones included." })
  async systemCredentials(@Ctx() ctx: Context): Promise<SystemCredentialType[]> {
    const credentials = await services(ctx).systemCredential.list();
    return credentials.map(presentSystemCredential);
  }

  @Authorized(WRITERS)
  @Mutation(() => IssuedSystemKeyType, {
    description:
      'Issues a key with which an internal system may ask the `decision` query (and nothing else); the key is in this answer only.',
  })
  async issueSystemKey(
    @Arg('input', () => IssueSystemKeyInput, { description: "The system and the key's label." })
    input: IssueSystemKeyInput,
    @Ctx() ctx: Context,
  ): Promise<IssuedSystemKeyType> {
    const { key, credential } = await services(ctx).systemCredential.issueKey(input);
    return { key, credential: presentSystemCredential(credential) };
  }

  @Authorized(WRITERS)
  @Mutation(() => SystemCredentialType, { description: "Revokes an internal system's key at once." })
  async revokeSystemKey(
    @Arg('input', () => RevokeSystemKeyInput, { description: "The internal system's key." })
    input: RevokeSystemKeyInput,
    @Ctx() ctx: Context,
  ): Promise<SystemCredentialType> {
    const credential = await services(ctx).systemCredential.revokeKey(input.id);
    return presentSystemCredential(credential);
  }
}
