import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { PolicyVersionType } from '../policy/policy.type.js';
import { services } from '../services.js';
import { ContactDriftType } from './contact-drift.type.js';
import { OrganisationType } from './organisation.type.js';

@Resolver(() => OrganisationType)
export class OrganisationContactDriftResolver {
  @Authorized()
  @FieldResolver(() => [ContactDriftType], {
    description:
      "The contact values (Japanese first) that the policy in force's clause 8 names otherwise than these settings; empty when they agree. Staff only.",
  })
  contactDrift(@Root() _org: OrganisationType, @Ctx() ctx: Context): Promise<ContactDriftType[]> {
    return services(ctx).contactDrift.ofPolicyInForce();
  }
}

@Resolver(() => PolicyVersionType)
export class PolicyVersionContactDriftResolver {
  @Authorized()
  @FieldResolver(() => [ContactDriftType], {
    description:
      "The contact values (Japanese first) that this version's clause 8 names otherwise than the organisation settings; on a draft, what the editor warns about before publishing. Staff only.",
  })
  contactDrift(@Root() version: PolicyVersionType, @Ctx() ctx: Context): Promise<ContactDriftType[]> {
    return services(ctx).contactDrift.ofSections(version.sections);
  }
}
