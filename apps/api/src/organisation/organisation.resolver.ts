import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { loadOrganisation } from './organisation.service.js';
import { OrganisationType, presentOrganisation } from './organisation.type.js';

@Resolver()
export class OrganisationResolver {
  /** Public: the organisation and its secretariat are part of the published policy. */
  @Query(() => OrganisationType)
  async organisation(@Ctx() ctx: Context): Promise<OrganisationType> {
    return presentOrganisation(await loadOrganisation(ctx.em));
  }
}
