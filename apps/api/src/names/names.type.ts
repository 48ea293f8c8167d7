import type { AdminRole, DocumentActorKind } from '@steward/policy-core';
import { Field, ID, ObjectType } from 'type-graphql';
import { ActorKindEnum, AdminRoleEnum } from '../common/enums.js';

@ObjectType('ActorRef', {
  description:
    'Who a record says acted, by name: a member of staff with their role, a recipient, a system, or Steward.',
})
export class ActorRefType {
  @Field(() => String, {
    description:
      'As stored: `admin:<id>`, `partner:<credential id>`, `system:<credential id>`, `system` (Steward) or `job:<id>`.',
  })
  ref!: string;
  @Field(() => ActorKindEnum, { description: 'What kind of actor this is (how to word it).' })
  kind!: DocumentActorKind;
  @Field(() => String, {
    nullable: true,
    description: "The staff member's, recipient's or system's name; null for Steward and an actor no longer on record.",
  })
  name!: string | null;
  @Field(() => AdminRoleEnum, { nullable: true, description: "A staff member's role now; null for any other actor." })
  role!: AdminRole | null;
}

@ObjectType('ProviderRef', {
  description: 'A provider as another record names it: its reference, and its name for staff who may read it.',
})
export class ProviderRefType {
  @Field(() => ID, { description: "The provider's id (for a link to its page)." }) id!: string;
  @Field(() => String, {
    nullable: true,
    description: "The organisation's reference (e.g. a membership number); null when the provider is gone.",
  })
  reference!: string | null;
  // displayName is a field resolver (names.resolver.ts): read, and audited, only when asked for.
}
