import { Arg, Authorized, Ctx, Extensions, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
// The Inquiry type's own field (its abilities).
import { FieldResolver, Root } from 'type-graphql';
import { WRITERS, requireActor } from '../common/auth-checker.js';
import { rateLimitedBy } from '../common/rate-limit.js';
import type { Context } from '../context.js';
import { services } from '../services.js';
import {
  AddInquiryReplyInput,
  AssignInquiryInput,
  InquiryFilter,
  LinkInquiryProviderInput,
  RecordInquiryInput,
  SetInquiryStatusInput,
  SubmitInquiryInput,
} from './inquiry.inputs.js';
import { INQUIRY_SUBMIT_RULE } from './inquiry.service.js';
import { presentInquiryAbilities } from './inquiry.presenter.js';
import {
  InquiryAbilitiesType,
  InquiryAdminType,
  InquiryConnection,
  InquiryReceiptType,
  InquirySummaryType,
  InquiryType,
} from './inquiry.type.js';

@Resolver(() => InquiryType)
export class InquiryResolver {
  /** Public and anonymous, rate-limited per client address. */
  @Mutation(() => InquiryReceiptType, {
    description: 'Sends an inquiry to the secretariat (clause 8) from the public form; returns the reference to quote.',
  })
  @Extensions(rateLimitedBy(INQUIRY_SUBMIT_RULE))
  submitInquiry(
    @Arg('input', () => SubmitInquiryInput, { description: 'The inquiry as the form sends it.' })
    input: SubmitInquiryInput,
    @Ctx() ctx: Context,
  ): Promise<InquiryReceiptType> {
    return services(ctx).inquiry.submit(input, ctx.rateLimits, ctx.clientAddress);
  }

  @Authorized(WRITERS)
  @Query(() => InquiryConnection, {
    description: 'The inquiries inbox, newest first; no content (open one to read it).',
  })
  inquiries(
    @Arg('filter', () => InquiryFilter, { nullable: true, description: 'Narrows the list; null for every inquiry.' })
    filter: InquiryFilter | null,
    @Arg('first', () => Int, { defaultValue: 50, description: 'How many (1–100).' }) first: number,
    @Arg('after', () => String, {
      nullable: true,
      description: 'The `endCursor` of the page before; omit for the first page.',
    })
    after: string | null,
    @Ctx() ctx: Context,
  ): Promise<InquiryConnection> {
    return services(ctx).inquiry.list(filter ?? {}, first, after);
  }

  @Authorized(WRITERS)
  @Query(() => InquiryType, {
    nullable: true,
    description: 'One inquiry with its content and replies; the read is audited.',
  })
  inquiry(
    @Arg('id', () => ID, { description: "The inquiry's id." }) id: string,
    @Ctx() ctx: Context,
  ): Promise<InquiryType | null> {
    return services(ctx).inquiry.get(id);
  }

  @FieldResolver(() => InquiryAbilitiesType, { description: 'What the caller may do with this inquiry now.' })
  abilities(@Root() inquiry: InquiryType, @Ctx() ctx: Context): InquiryAbilitiesType {
    return presentInquiryAbilities(inquiry, ctx.actor);
  }

  @Authorized(WRITERS)
  @Query(() => [InquiryAdminType], { description: 'Admins an inquiry can be assigned to.' })
  inquiryAssignees(@Ctx() ctx: Context): Promise<InquiryAdminType[]> {
    return services(ctx).inquiry.assignees();
  }

  @Authorized(WRITERS)
  @Mutation(() => InquirySummaryType, {
    description: 'Writes down an inquiry received by post, telephone, fax or e-mail.',
  })
  recordInquiry(
    @Arg('input', () => RecordInquiryInput, { description: 'The inquiry as received.' }) input: RecordInquiryInput,
    @Ctx() ctx: Context,
  ): Promise<InquirySummaryType> {
    requireActor(ctx);
    return services(ctx).inquiry.record(input);
  }

  @Authorized(WRITERS)
  @Mutation(() => InquirySummaryType, {
    description: 'Moves an inquiry to another status (one of its `nextStatuses`).',
  })
  setInquiryStatus(
    @Arg('input', () => SetInquiryStatusInput, { description: 'The inquiry, as read, and its new status.' })
    input: SetInquiryStatusInput,
    @Ctx() ctx: Context,
  ): Promise<InquirySummaryType> {
    return services(ctx).inquiry.setStatus(input.id, input.expectedVersion, input.status);
  }

  @Authorized(WRITERS)
  @Mutation(() => InquirySummaryType, { description: 'Assigns the inquiry to an admin, or to nobody (null).' })
  assignInquiry(
    @Arg('input', () => AssignInquiryInput, { description: 'The inquiry, as read, and who takes it on.' })
    input: AssignInquiryInput,
    @Ctx() ctx: Context,
  ): Promise<InquirySummaryType> {
    return services(ctx).inquiry.assign(input.id, input.expectedVersion, input.assigneeId ?? null);
  }

  @Authorized(WRITERS)
  @Mutation(() => InquirySummaryType, {
    description: 'Links the inquiry to the provider it turned out to be from, or unlinks it (null).',
  })
  linkInquiryProvider(
    @Arg('input', () => LinkInquiryProviderInput, { description: 'The inquiry, as read, and the provider.' })
    input: LinkInquiryProviderInput,
    @Ctx() ctx: Context,
  ): Promise<InquirySummaryType> {
    return services(ctx).inquiry.linkProvider(input.id, input.expectedVersion, input.providerId ?? null);
  }

  @Authorized(WRITERS)
  @Mutation(() => InquirySummaryType, {
    description: 'Records a note or the answer given (with its channel and time).',
  })
  addInquiryReply(
    @Arg('input', () => AddInquiryReplyInput, { description: 'The inquiry, as read, and the note or answer.' })
    input: AddInquiryReplyInput,
    @Ctx() ctx: Context,
  ): Promise<InquirySummaryType> {
    return services(ctx).inquiry.addReply(input);
  }
}
