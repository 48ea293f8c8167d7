import {
  PARTNER_CHANGE_KINDS,
  PARTNER_CHANGE_REASONS,
  type DataCategory,
  type PartnerChangeKind,
  type PartnerChangeReason,
} from '@steward/policy-core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DataCategoryEnum } from '../../common/enums.js';
import { PageInfo } from '../../common/pagination.js';

const asEnum = <const T extends readonly string[]>(values: T) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T[number]]: K };

export const PartnerChangeKindEnum = asEnum(PARTNER_CHANGE_KINDS);
export const PartnerChangeReasonEnum = asEnum(PARTNER_CHANGE_REASONS);

const KIND_DESCRIPTIONS: Record<PartnerChangeKind, string> = {
  ADDED_TO_SCOPE: 'You may now read this provider (you could not just before): read it with `partnerProvider(id)`.',
  REMOVED_FROM_SCOPE:
    'You may no longer read anything about this provider: stop using and delete what you hold under this access.',
  CATEGORIES_CHANGED:
    'You may still read this provider, but other categories than before: read it again with `partnerProvider(id)`.',
  DATA_CHANGED: 'A value you may read was amended: read the provider again with `partnerProvider(id)`.',
};

const REASON_DESCRIPTIONS: Record<PartnerChangeReason, string> = {
  NEW_PROVIDER: 'The provider was newly registered, under an exception that covers every provider.',
  EXCEPTION_IN_EFFECT: 'An exception of yours came into effect (approved, or its validity began).',
  CONSENT_GIVEN: 'The provider gave a consent your access relies on.',
  CONSENT_WITHDRAWN: 'The provider withdrew or refused a consent your access relied on.',
  CESSATION: 'The provider asked the organisation to stop using or providing their data.',
  EXCEPTION_REVOKED: 'An exception of yours was revoked.',
  EXCEPTION_EXPIRED: 'An exception of yours reached the end of its validity.',
  AMENDMENT: "The organisation amended the provider's data at the provider's request.",
};

registerEnumType(PartnerChangeKindEnum, {
  name: 'PartnerChangeKind',
  description: 'What changed for you about one provider.',
  valuesConfig: Object.fromEntries(PARTNER_CHANGE_KINDS.map((k) => [k, { description: KIND_DESCRIPTIONS[k] }])),
});
registerEnumType(PartnerChangeReasonEnum, {
  name: 'PartnerChangeReason',
  description: 'Why it changed: the kind of event behind the change.',
  valuesConfig: Object.fromEntries(PARTNER_CHANGE_REASONS.map((r) => [r, { description: REASON_DESCRIPTIONS[r] }])),
});

@ObjectType('PartnerChange', {
  description:
    'One change to what your key may read about one provider. It carries no personal value: read the provider again with `partnerProvider(id)` while you may.',
})
export class PartnerChangeType {
  @Field(() => ID, { description: "The provider's id, the same handle `partnerProviders` gives." })
  providerId!: string;

  @Field(() => PartnerChangeKindEnum, { description: 'What changed for you.' })
  kind!: PartnerChangeKind;

  @Field(() => PartnerChangeReasonEnum, {
    description: 'Why (when several happened at once, the one that explains it best).',
  })
  reason!: PartnerChangeReason;

  @Field(() => [DataCategoryEnum], {
    description:
      'The categories concerned that you may still read: the amended ones (DATA_CHANGED), those you may now read (ADDED_TO_SCOPE, CATEGORIES_CHANGED); empty for REMOVED_FROM_SCOPE.',
  })
  categories!: DataCategory[];

  @Field(() => Date, {
    description: 'When it took effect (an expiry: the end of the validity, with nothing written then).',
  })
  occurredAt!: Date;
}

@ObjectType('PartnerChangeEdge', { description: 'One change in a page, with the cursor that points just after it.' })
export class PartnerChangeEdge {
  @Field(() => String, { description: 'Opaque: pass it as `after` to get the changes after this one.' })
  cursor!: string;

  @Field(() => PartnerChangeType, { description: 'The change.' })
  node!: PartnerChangeType;
}

@ObjectType('PartnerChangeConnection', {
  description:
    'A page of changes in the order they took effect (keyset-paged). The feed has no total: it grows as things change.',
})
export class PartnerChangeConnection {
  @Field(() => [PartnerChangeEdge], { description: 'The changes of this page, oldest first.' })
  edges!: PartnerChangeEdge[];

  @Field(() => PageInfo, {
    description:
      'Whether more changes are already known (`hasNextPage`), and where to go on: `endCursor` may lie past the last edge when changes you cannot see were skipped, so always continue from it (when it is not null).',
  })
  pageInfo!: PageInfo;

  @Field(() => String, {
    description:
      'A cursor at the newest change the feed knows now: pass it as `after` later to receive only what changes from now on.',
  })
  latestCursor!: string;
}
