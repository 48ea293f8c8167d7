import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { OWNERS } from '../common/auth-checker.js';
import { withTotal } from '../common/connection.js';
import { toPage } from '../common/pagination.js';
import type { Context } from '../context.js';
import { services } from '../services.js';
import { SetMyMailPreferenceInput } from './mail.inputs.js';
import { presentMailDelivery, presentMailPreferences, presentOutboxMail } from './mail.presenter.js';
import { MailDeliveryType, MailPreferenceType, OutboxMailConnection } from './mail.type.js';

@Resolver()
export class MailResolver {
  @Authorized(OWNERS)
  @Query(() => OutboxMailConnection, {
    description: 'The notification mails, newest first: sent, waiting, failed, or not sent for want of SMTP. Owners.',
  })
  async mailOutbox(
    @Arg('first', () => Int, { defaultValue: 50, description: 'How many (1–100).' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'The cursor of the last mail of the page before.' })
    after: string | null,
    @Ctx() ctx: Context,
  ): Promise<OutboxMailConnection> {
    const mail = services(ctx).mail;
    const rows = await mail.outbox(first, after);
    return withTotal(toPage(rows, first, after, presentOutboxMail), () => mail.outboxTotal());
  }

  @Authorized(OWNERS)
  @Query(() => MailDeliveryType, { description: 'Whether an SMTP server is configured, and the sender. Owners.' })
  mailDelivery(@Ctx() ctx: Context): MailDeliveryType {
    return presentMailDelivery(ctx.deps.config);
  }

  @Authorized()
  @Query(() => [MailPreferenceType], { description: 'Which notification mails you get, every kind.' })
  async myMailPreferences(@Ctx() ctx: Context): Promise<MailPreferenceType[]> {
    return presentMailPreferences(await services(ctx).mail.myOptOuts());
  }

  @Authorized()
  @Mutation(() => [MailPreferenceType], {
    description: 'Turns one kind of notification mail on or off for you (audited); security mails stay on.',
  })
  async setMyMailPreference(
    @Arg('input', () => SetMyMailPreferenceInput, { description: 'The kind and whether you get it.' })
    input: SetMyMailPreferenceInput,
    @Ctx() ctx: Context,
  ): Promise<MailPreferenceType[]> {
    return presentMailPreferences(await services(ctx).mail.setMyPreference(input.kind, input.enabled));
  }
}
