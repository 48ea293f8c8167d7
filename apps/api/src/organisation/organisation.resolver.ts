import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { OWNERS } from '../common/auth-checker.js';
import type { Context } from '../context.js';
import { services } from '../services.js';
import { UpdateOrganisationInput } from './organisation.inputs.js';
import { loadOrganisation } from './organisation.service.js';
import { OrganisationType } from './organisation.type.js';
import { presentOrganisation } from './organisation.presenter.js';

@Resolver()
export class OrganisationResolver {
  /** Public: the organisation and its secretariat are part of the published policy. */
  @Query(() => OrganisationType, { description: "The organisation and its secretariat's contact details." })
  async organisation(@Ctx() ctx: Context): Promise<OrganisationType> {
    return presentOrganisation(await loadOrganisation(ctx.em));
  }

  @Authorized(OWNERS)
  @Mutation(() => OrganisationType, {
    description:
      "Edits the organisation and the secretariat's contact details (owners only); the public policy page shows them at once.",
  })
  async updateOrganisation(
    @Arg('input', () => UpdateOrganisationInput, {
      description: 'The organisation, as read, and its new names and contact details.',
    })
    input: UpdateOrganisationInput,
    @Ctx() ctx: Context,
  ): Promise<OrganisationType> {
    return presentOrganisation(await services(ctx).organisation.update(input));
  }
}
