import type {
  DataCategory,
  IncidentAffectedSelector,
  IncidentCause,
  IncidentDiscovery,
  IncidentKind,
  IncidentNotificationChannel,
  IncidentReportKind,
  IncidentReportability,
  IncidentStatus,
  IncidentStepKind,
  IncidentDeadlineState,
} from '@steward/policy-core';
import { ArrayMaxSize, MaxLength } from 'class-validator';
import { Extensions, Field, ID, InputType, Int } from 'type-graphql';
import { DataCategoryEnum } from '../common/enums.js';
import { MULTILINE } from '../common/input-boundary.js';
import {
  IncidentAffectedSelectorEnum,
  IncidentCauseEnum,
  IncidentDeadlineStateEnum,
  IncidentDiscoveryEnum,
  IncidentKindEnum,
  IncidentNotificationChannelEnum,
  IncidentReportKindEnum,
  IncidentReportabilityEnum,
  IncidentStatusEnum,
  IncidentStepKindEnum,
} from './incident.type.js';

// Sizes only, a little above policy-core's INCIDENT_LIMITS (code points) so the precise issue comes
// from the service's validateText; anything far larger is refused before any work.

/**
 * An optional free text of an incident (sealed at rest; TAB and line breaks allowed). Declared on each
 * input itself, never inherited: type-graphql drops an inherited input field's extensions, and the
 * input boundary reads MULTILINE from them.
 */
function SealedText(description: string, max: number): PropertyDecorator {
  return (target, key) => {
    Extensions(MULTILINE)(target, key);
    Field(() => String, { nullable: true, description: `${description} (sealed).` })(target, key);
    MaxLength(max)(target, key);
  };
}

@InputType({ description: 'The three checklist questions; leave one out (null) while it is not known.' })
export class IncidentChecklistInput {
  @Field(() => Boolean, {
    nullable: true,
    description: 'Special care-required personal information is or may be involved.',
  })
  sensitiveData?: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Data whose misuse may cause financial loss is or may be involved.',
  })
  financialLossRisk?: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'All the data was strongly encrypted and the key was not compromised (exempts the incident).',
  })
  strongEncryptionKeySafe?: boolean | null;
}

@InputType({
  description: 'One way of choosing the affected providers; give the fields its selector needs, nothing else.',
})
export class IncidentAffectedSelectionInput {
  @Field(() => IncidentAffectedSelectorEnum, { description: 'Which way the providers are chosen.' })
  selector!: IncidentAffectedSelector;
  @Field(() => [ID], { nullable: true, description: 'PICKED: the providers, by id.' })
  @ArrayMaxSize(100_000)
  @MaxLength(100, { each: true })
  providerIds?: string[] | null;
  @Field(() => [String], {
    nullable: true,
    description: 'REFERENCES: the providers by the organisation’s reference (e.g. membership numbers); all must exist.',
  })
  @ArrayMaxSize(100_000)
  @MaxLength(200, { each: true })
  references?: string[] | null;
  @Field(() => DataCategoryEnum, { nullable: true, description: 'HOLDS_CATEGORY: everyone holding an item of it.' })
  category?: DataCategory | null;
  @Field(() => ID, { nullable: true, description: 'PROVIDED_TO_RECIPIENT: the recipient.' })
  @MaxLength(100)
  recipientId?: string | null;
  @Field(() => Date, {
    nullable: true,
    description: 'PROVIDED_TO_RECIPIENT: provisions from this instant (inclusive).',
  })
  from?: Date | null;
  @Field(() => Date, {
    nullable: true,
    description: 'PROVIDED_TO_RECIPIENT: provisions before this instant (exclusive).',
  })
  to?: Date | null;
  @Field(() => ID, { nullable: true, description: 'IN_EXPORT: the export job (a CSV of the providers list).' })
  @MaxLength(100)
  exportJobId?: string | null;
}

/**
 * The facts of an incident both inputs share (optional in both; each input adds its own required ones).
 * Not a GraphQL type of its own (no field takes it, so the schema leaves it out).
 */
@InputType()
abstract class IncidentFactsFields {
  @Field(() => Date, { nullable: true, description: 'When it happened, if known (not after awareAt).' })
  occurredAt?: Date | null;
  @Field(() => [DataCategoryEnum], { nullable: true, description: 'Steward’s data categories involved.' })
  @ArrayMaxSize(50)
  categories?: DataCategory[] | null;
  @Field(() => IncidentChecklistInput, { nullable: true, description: 'The checklist answers.' })
  checklist?: IncidentChecklistInput | null;
  @Field(() => [IncidentAffectedSelectionInput], {
    nullable: true,
    description: 'The providers affected, by one or more selections (their union).',
  })
  @ArrayMaxSize(20)
  affected?: IncidentAffectedSelectionInput[] | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'People affected when the individuals are not known; the stored count is the larger of this and the providers selected.',
  })
  affectedCount?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'The count is an estimate.' })
  affectedCountEstimated?: boolean | null;
  @Field(() => String, {
    nullable: true,
    description: 'The organisation that entrusted this one with the data, when it acted as a contractor (委託先).',
  })
  @MaxLength(1000)
  entrustedBy?: string | null;
}

@InputType({ description: 'A new incident: a leak, loss, damage or falsification of personal data.' })
export class RecordIncidentInput extends IncidentFactsFields {
  @Field(() => IncidentKindEnum, { description: 'What happened.' }) kind!: IncidentKind;
  @Field(() => String, { description: 'A short title without personal data (at most 200 characters).' })
  @MaxLength(1000)
  title!: string;
  @Field(() => Date, {
    description: 'When the organisation became aware (not in the future): the deadlines run from it.',
  })
  awareAt!: Date;
  @Field(() => IncidentDiscoveryEnum, { description: 'How the organisation found out.' }) discovery!: IncidentDiscovery;
  @Field(() => IncidentCauseEnum, { description: 'What caused it, as far as known.' }) cause!: IncidentCause;
  @Field(() => Boolean, {
    description: 'An act with a wrongful purpose (unauthorised access, theft, insider misuse) may be behind it.',
  })
  wrongfulPurposeSuspected!: boolean;
  @SealedText('What happened', 20_000) description?: string | null;
  @SealedText('What was done and will be done to contain it and prevent it again', 20_000) measures?: string | null;
  @SealedText('More about the cause', 10_000) causeDetail?: string | null;
  @SealedText('Data involved beyond Steward’s categories: media, files, other systems', 5_000) dataInvolved?:
    string | null;
  @SealedText('Secondary damage that happened or may happen', 10_000) secondaryDamage?: string | null;
}

@InputType({ description: 'Changes to an incident’s facts: only the fields given change.' })
export class UpdateIncidentInput extends IncidentFactsFields {
  @Field(() => ID, { description: 'The incident.' }) @MaxLength(100) id!: string;
  @Field(() => Int, { description: 'The version read: a change made since is refused (INCIDENT_VERSION_CONFLICT).' })
  expectedVersion!: number;
  @Field(() => IncidentKindEnum, { nullable: true, description: 'What happened.' }) kind?: IncidentKind | null;
  @Field(() => IncidentDiscoveryEnum, { nullable: true, description: 'How the organisation found out.' })
  discovery?: IncidentDiscovery | null;
  @Field(() => IncidentCauseEnum, { nullable: true, description: 'What caused it, as far as known.' })
  cause?: IncidentCause | null;
  @Field(() => String, { nullable: true, description: 'A short title without personal data (at most 200 characters).' })
  @MaxLength(1000)
  title?: string | null;
  @Field(() => Date, {
    nullable: true,
    description: 'When the organisation became aware (not in the future): the deadlines run from it.',
  })
  awareAt?: Date | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'An act with a wrongful purpose (unauthorised access, theft, insider misuse) may be behind it.',
  })
  wrongfulPurposeSuspected?: boolean | null;
  @SealedText('What happened', 20_000) description?: string | null;
  @SealedText('What was done and will be done to contain it and prevent it again', 20_000) measures?: string | null;
  @SealedText('More about the cause', 10_000) causeDetail?: string | null;
  @SealedText('Data involved beyond Steward’s categories: media, files, other systems', 5_000) dataInvolved?:
    string | null;
  @SealedText('Secondary damage that happened or may happen', 10_000) secondaryDamage?: string | null;
}

@InputType({ description: 'Adds and removes affected providers, or changes the count of people affected.' })
export class ChangeIncidentAffectedInput {
  @Field(() => ID, { description: 'The incident.' }) @MaxLength(100) id!: string;
  @Field(() => [IncidentAffectedSelectionInput], { nullable: true, description: 'Selections to add.' })
  @ArrayMaxSize(20)
  add?: IncidentAffectedSelectionInput[] | null;
  @Field(() => [ID], { nullable: true, description: 'Providers to remove, by id.' })
  @ArrayMaxSize(100_000)
  @MaxLength(100, { each: true })
  removeProviderIds?: string[] | null;
  @Field(() => Int, { nullable: true, description: 'People affected when the individuals are not known.' })
  affectedCount?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'The count is an estimate.' })
  affectedCountEstimated?: boolean | null;
}

@InputType({ description: 'Moves an incident to ASSESSING or CLOSED, or reopens it; reports move it themselves.' })
export class ChangeIncidentStatusInput {
  @Field(() => ID, { description: 'The incident.' }) @MaxLength(100) id!: string;
  @Field(() => IncidentStatusEnum, { description: 'The status to move to.' }) status!: IncidentStatus;
  @Extensions(MULTILINE)
  @Field(() => String, { nullable: true, description: 'Why (sealed).' })
  @MaxLength(10_000)
  note?: string | null;
}

@InputType({ description: 'A report sent to the Commission (or the entrusting organisation); moves the status.' })
export class RecordIncidentReportInput {
  @Field(() => ID, { description: 'The incident.' }) @MaxLength(100) id!: string;
  @Field(() => IncidentReportKindEnum, { description: 'Preliminary (速報) or final (確報).' })
  kind!: IncidentReportKind;
  @Field(() => Date, { description: 'When it was sent (not in the future).' }) sentAt!: Date;
  @Field(() => String, { description: 'The receipt or reference number the report got.' })
  @MaxLength(1000)
  reference!: string;
  @Extensions(MULTILINE)
  @Field(() => String, { nullable: true, description: 'A note (sealed).' })
  @MaxLength(10_000)
  note?: string | null;
}

@InputType({ description: 'A notification of the people affected (APPI Art. 26(2)), or the public notice instead.' })
export class RecordIncidentNotificationInput {
  @Field(() => ID, { description: 'The incident.' }) @MaxLength(100) id!: string;
  @Field(() => IncidentNotificationChannelEnum, { description: 'How they were told.' })
  channel!: IncidentNotificationChannel;
  @Field(() => Date, { nullable: true, description: 'When; defaults to now (not in the future).' })
  sentAt?: Date | null;
  @Extensions(MULTILINE)
  @Field(() => String, { nullable: true, description: 'A note (sealed).' })
  @MaxLength(10_000)
  note?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'With channel EMAIL: Steward queues one mail per affected provider with an e-mail address, in their language.',
  })
  sendMail?: boolean | null;
}

@InputType({ description: 'A note or a measure on an incident’s timeline.' })
export class AddIncidentNoteInput {
  @Field(() => ID, { description: 'The incident.' }) @MaxLength(100) id!: string;
  @Field(() => IncidentStepKindEnum, { description: 'NOTE or MEASURE_RECORDED.' }) kind!: IncidentStepKind;
  @Extensions(MULTILINE)
  @Field(() => String, { description: 'The text (sealed).' })
  @MaxLength(10_000)
  note!: string;
}

@InputType({ description: 'Filters of the incident register; all given hold.' })
export class IncidentFilter {
  @Field(() => IncidentStatusEnum, { nullable: true, description: 'Only this status.' }) status?: IncidentStatus | null;
  @Field(() => Boolean, { nullable: true, description: 'true: not CLOSED; false: CLOSED only.' }) open?: boolean | null;
  @Field(() => IncidentKindEnum, { nullable: true, description: 'Only this kind.' }) kind?: IncidentKind | null;
  @Field(() => IncidentReportabilityEnum, { nullable: true, description: 'Only this assessment outcome.' })
  reportability?: IncidentReportability | null;
  @Field(() => IncidentDeadlineStateEnum, { nullable: true, description: 'Only this most urgent deadline state.' })
  urgency?: IncidentDeadlineState | null;
  @Field(() => Date, { nullable: true, description: 'Aware at or after this instant.' }) awareFrom?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Aware before this instant.' }) awareTo?: Date | null;
  @Field(() => String, { nullable: true, description: 'Only incidents affecting the provider with this reference.' })
  @MaxLength(200)
  providerReference?: string | null;
}
