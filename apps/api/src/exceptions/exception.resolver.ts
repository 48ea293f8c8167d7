import type { EffectiveExceptionStatus, ExceptionKind } from '@steward/policy-core';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { WRITERS } from '../common/auth-checker.js';
import { ExceptionKindEnum, ExceptionStatusEnum } from '../common/enums.js';
import type { Context } from '../context.js';
import { services } from '../services.js';
import {
  ApproveExceptionInput,
  CreateExceptionInput,
  RevokeExceptionInput,
  UpdateExceptionInput,
} from './exception.inputs.js';
import { PermittedExceptionType } from './exception.type.js';

@Resolver()
export class ExceptionResolver {
  @Authorized()
  @Query(() => [PermittedExceptionType], {
    description: 'Permitted exceptions, newest first; filters apply to the effective status now.',
  })
  permittedExceptions(
    @Arg('status', () => ExceptionStatusEnum, {
      nullable: true,
      description: 'Only exceptions with this effective status now.',
    })
    status: EffectiveExceptionStatus | null,
    @Arg('kind', () => ExceptionKindEnum, { nullable: true, description: 'Only exceptions of this kind.' })
    kind: ExceptionKind | null,
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
  @Query(() => PermittedExceptionType, {
    nullable: true,
    description: 'One permitted exception; null when there is none.',
  })
  permittedException(
    @Arg('id', () => ID, { description: "The exception's id." }) id: string,
    @Ctx() ctx: Context,
  ): Promise<PermittedExceptionType | null> {
    return services(ctx).exception.get(id);
  }

  @Authorized(WRITERS)
  @Mutation(() => PermittedExceptionType, {
    description: 'Drafts an exception; it counts only once a second person approves it.',
  })
  async createException(
    @Arg('input', () => CreateExceptionInput, { description: 'The kind, evidence and scope.' })
    input: CreateExceptionInput,
    @Ctx() ctx: Context,
  ): Promise<PermittedExceptionType> {
    const service = services(ctx).exception;
    return (await service.present([await service.create(input)]))[0]!;
  }

  @Authorized(WRITERS)
  @Mutation(() => PermittedExceptionType, { description: 'Replaces a draft; the editor becomes its author.' })
  async updateException(
    @Arg('input', () => UpdateExceptionInput, { description: 'The draft, as read, and its new content.' })
    input: UpdateExceptionInput,
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
    @Arg('input', () => ApproveExceptionInput, { description: 'The draft, as read.' }) input: ApproveExceptionInput,
    @Ctx() ctx: Context,
  ): Promise<PermittedExceptionType> {
    const service = services(ctx).exception;
    return (await service.present([await service.approve(input.id, input.expectedVersion)]))[0]!;
  }

  @Authorized(WRITERS)
  @Mutation(() => PermittedExceptionType, { description: 'Revokes an approved exception; it stops counting at once.' })
  async revokeException(
    @Arg('input', () => RevokeExceptionInput, { description: 'The exception, as read, and why.' })
    input: RevokeExceptionInput,
    @Ctx() ctx: Context,
  ): Promise<PermittedExceptionType> {
    const service = services(ctx).exception;
    const { id, reason, expectedVersion } = input;
    return (await service.present([await service.revoke(id, reason, expectedVersion)]))[0]!;
  }
}
