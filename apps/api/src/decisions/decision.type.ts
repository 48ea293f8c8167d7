import type { DataCategory, DecisionReasonCode, ExceptionKind } from '@steward/policy-core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DataCategoryEnum, DecisionBasisKindEnum, DecisionReasonCodeEnum, ExceptionKindEnum } from '../common/enums.js';

@ObjectType('DecisionEvidence', { description: 'One piece of the evidence the exception of a decision rests on.' })
export class DecisionEvidenceType {
  @Field(() => String, {
    description:
      'The evidence field: statute, article, documentReference (LAW); contractReference (OUTSOURCING); meetingKind, meetingDate, resolutionNumber (BOARD_APPROVAL); consentEventIds (PROVIDER_AGREEMENT, one entry per event).',
  })
  key!: string;
  @Field(() => String, { description: 'What people call it, e.g. "Resolution number".' }) label!: string;
  @Field(() => String, { description: 'As recorded; dates as YYYY-MM-DD.' }) value!: string;
}

@ObjectType('DecisionBasis', {
  description: 'What allows the use: the stated purpose with consent, public data, or one permitted exception.',
})
export class DecisionBasisType {
  @Field(() => DecisionBasisKindEnum, {
    description: 'Consent to the stated purpose, publicly available data, or a permitted exception.',
  })
  kind!: 'CONSENT' | 'PUBLICLY_AVAILABLE' | 'EXCEPTION';
  @Field(() => ID, {
    nullable: true,
    description: 'The permitted exception relied on, for an EXCEPTION basis; null otherwise.',
  })
  exceptionId!: string | null;
  @Field(() => ExceptionKindEnum, { nullable: true, description: 'Its kind, for an EXCEPTION basis; null otherwise.' })
  exceptionKind!: ExceptionKind | null;
  @Field(() => [DecisionEvidenceType], {
    description:
      "Which evidence the exception rests on, in short (the whole evidence is the exception's); empty unless the basis is an exception.",
  })
  evidence!: DecisionEvidenceType[];
}

@ObjectType('MessageParam', {
  description:
    "One argument of a reason's message in policy-core's catalogue (`reason.<code>`): format the catalogue's ICU message with every param to word the reason in any language.",
})
export class MessageParamType {
  @Field(() => String, { description: 'The argument name, e.g. purpose, purposeKey, category, recipient, action.' })
  name!: string;
  @Field(() => String, {
    description:
      "Its value: a name (a purpose's title in the answer's language, a recipient's name), a key, an id, a number as digits, or a code that chooses a case of the message (action, status). A data category is its code (NAME): show its label.",
  })
  value!: string;
}

@ObjectType('DecisionReason', { description: 'Why a decision allows or refuses a category, or the whole request.' })
export class DecisionReasonType {
  @Field(() => DecisionReasonCodeEnum, {
    description: 'What the reason is; its message is `reason.<code>` in the catalogue.',
  })
  code!: DecisionReasonCode;
  @Field(() => String, {
    description:
      "The reason worded in the caller's language: a member of staff's own, else the organisation's default; English for an internal system.",
  })
  message!: string;
  @Field(() => [MessageParamType], {
    description: "The message's arguments, to word the reason again in another language.",
  })
  params!: MessageParamType[];
  @Field(() => DataCategoryEnum, { nullable: true, description: 'The category it is about, if it is about one.' })
  category!: DataCategory | null;
  @Field(() => ID, { nullable: true, description: 'The exception it is about, if it is about one.' })
  exceptionId!: string | null;
}

@ObjectType('Decision', {
  description: 'A decision Steward took, explained and recorded in the ledger (allowed or denied).',
})
export class DecisionType {
  @Field(() => Boolean, { description: 'True if the whole request is allowed; false if any category is refused.' })
  allowed!: boolean;
  @Field(() => DecisionBasisType, {
    nullable: true,
    description: 'What allows the categories permitted; null when nothing is.',
  })
  basis!: DecisionBasisType | null;
  @Field(() => [DataCategoryEnum], { description: 'The categories the request may use or provide.' })
  permitted!: DataCategory[];
  @Field(() => [DataCategoryEnum], { description: 'The categories refused.' }) refused!: DataCategory[];
  @Field(() => [DecisionReasonType], {
    description: "Why, one reason per rule that counted, worded in the asker's language.",
  })
  reasons!: DecisionReasonType[];
  @Field(() => Int, { description: 'The policy version in force when it was decided.' }) policyVersion!: number;
  @Field(() => Date, { description: "When the decision was taken (its ledger entry's time)." }) decidedAt!: Date;
  @Field(() => Int, { description: 'Where it stands in the ledger.' }) ledgerSequence!: number;
}
