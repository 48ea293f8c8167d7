import type { EffectiveExceptionStatus, ExceptionKind } from '@steward/policy-core';
import { Arg, Authorized, Ctx, Extensions, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { WRITERS } from '../common/auth-checker.js';
import { multilineArgs } from '../common/input-boundary.js';
import { ExceptionKindEnum, ExceptionStatusEnum } from '../common/enums.js';
import type { Context } from '../context.js';
import { services } from '../services.js';
import { CreateExceptionInput, UpdateExceptionInput } from './exception.inputs.js';
import { PermittedExceptionType } from './exception.type.js';

@Resolver()
export class ExceptionResolver {
  @Authorized()
  @Query(() => [PermittedExceptionType], {
    description: 'Permitted exceptions, newest first; filters apply to the effective status now.',
  })
  permittedExceptions(
    @Arg('status', () => ExceptionStatusEnum, { nullable: true }) status: EffectiveExceptionStatus | null,
    @Arg('kind', () => ExceptionKindEnum, { nullable: true }) kind: ExceptionKind | null,
    @Arg('awaitingMyApproval', () => Boolean, {
      nullable: true,
      description:
        'Only drafts the caller may approve (written by someone else; policy-core approvalQueueFilter): the list behind `workQueue.approvals.awaitingMe`.',
    })
    awaitingMyApproval: boolean | null,
    @Ctx() ctx: Context,
  ): Promise<PermittedExceptionType[]> {
    return services(ctx).exception.list({ status, kind, awaitingMyApproval });
  }

  @Authorized()
  @Query(() => PermittedExceptionType, { nullable: true })
  permittedException(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<PermittedExceptionType | null> {
    return services(ctx).exception.get(id);
  }

  @Authorized(WRITERS)
  @Mutation(() => PermittedExceptionType, {
    description: 'Drafts an exception; it counts only once a second person approves it.',
  })
  async createException(
    @Arg('input', () => CreateExceptionInput) input: CreateExceptionInput,
    @Ctx() ctx: Context,
  ): Promise<PermittedExceptionType> {
    const service = services(ctx).exception;
    return (await service.present([await service.create(input)]))[0]!;
  }

  @Authorized(WRITERS)
  @Mutation(() => PermittedExceptionType, { description: 'Replaces a draft; the editor becomes its author.' })
  async updateException(
    @Arg('input', () => UpdateExceptionInput) input: UpdateExceptionInput,
    @Ctx() ctx: Context,
  ): Promise<PermittedExceptionType> {
    const service = services(ctx).exception;
    return (await service.present([await service.update(input)]))[0]!;
  }

  @Authorized(WRITERS)
  @Mutation(() => PermittedExceptionType, {
    description: 'Activates a draft: complete evidence, approved by an owner or privacy officer who is not its author.',
  })
  async approveException(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: Context,
  ): Promise<PermittedExceptionType> {
    const service = services(ctx).exception;
    return (await service.present([await service.approve(id, expectedVersion)]))[0]!;
  }

  @Authorized(WRITERS)
  @Mutation(() => PermittedExceptionType, { description: 'Revokes an approved exception; it stops counting at once.' })
  @Extensions(multilineArgs('reason'))
  async revokeException(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: Context,
  ): Promise<PermittedExceptionType> {
    const service = services(ctx).exception;
    return (await service.present([await service.revoke(id, reason, expectedVersion)]))[0]!;
  }
}
