import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { WRITERS } from '../common/auth-checker.js';
import type { Context } from '../context.js';
import { services } from '../services.js';
import { presentCredential, presentRecipient } from './recipient.presenter.js';
import { CreateRecipientInput, IssuePartnerKeyInput, RevokePartnerKeyInput } from './recipient.inputs.js';
import { IssuedPartnerKeyType, PartnerCredentialType, RecipientType } from './recipient.type.js';

@Resolver()
export class RecipientResolver {
  @Authorized()
  @Query(() => [RecipientType], { description: 'Outside recipients, by name.' })
  async recipients(@Ctx() ctx: Context): Promise<RecipientType[]> {
    const rows = await services(ctx).recipient.list();
    return rows.map((r) => presentRecipient(r.recipient, r.credentials));
  }

  @Authorized()
  @Query(() => RecipientType, {
    nullable: true,
    description: 'One outside recipient with its partner keys; null when there is none.',
  })
  async recipient(
    @Arg('id', () => ID, { description: "The recipient's id." }) id: string,
    @Ctx() ctx: Context,
  ): Promise<RecipientType | null> {
    const row = await services(ctx).recipient.get(id);
    return row ? presentRecipient(row.recipient, row.credentials) : null;
  }

  @Authorized(WRITERS)
  @Mutation(() => RecipientType, { description: 'Adds an outside recipient (contractor, third party or authority).' })
  async createRecipient(
    @Arg('input', () => CreateRecipientInput, { description: "The recipient's name, kind and contact." })
    input: CreateRecipientInput,
    @Ctx() ctx: Context,
  ): Promise<RecipientType> {
    const recipient = await services(ctx).recipient.create(input);
    return presentRecipient(recipient, []);
  }

  @Authorized(WRITERS)
  @Mutation(() => IssuedPartnerKeyType, {
    description: 'Issues an API key for a recipient; the key is in this answer only.',
  })
  async issuePartnerKey(
    @Arg('input', () => IssuePartnerKeyInput, { description: "The recipient and the key's label." })
    input: IssuePartnerKeyInput,
    @Ctx() ctx: Context,
  ): Promise<IssuedPartnerKeyType> {
    const { key, credential } = await services(ctx).recipient.issueKey(input.recipientId, input.label);
    return { key, credential: presentCredential(credential) };
  }

  @Authorized(WRITERS)
  @Mutation(() => PartnerCredentialType, { description: 'Revokes a partner key at once.' })
  async revokePartnerKey(
    @Arg('input', () => RevokePartnerKeyInput, { description: 'The partner key.' }) input: RevokePartnerKeyInput,
    @Ctx() ctx: Context,
  ): Promise<PartnerCredentialType> {
    const credential = await services(ctx).recipient.revokeKey(input.id);
    return presentCredential(credential);
  }
}
