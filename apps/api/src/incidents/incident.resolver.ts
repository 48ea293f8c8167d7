import type { IncidentReportKind } from '@steward/policy-core';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { WRITERS } from '../common/auth-checker.js';
import type { Context } from '../context.js';
import { ActorRefType } from '../names/names.type.js';
import { services } from '../services.js';
import {
  AddIncidentNoteInput,
  ChangeIncidentAffectedInput,
  ChangeIncidentStatusInput,
  IncidentAffectedSelectionInput,
  IncidentFilter,
  RecordIncidentInput,
  RecordIncidentNotificationInput,
  RecordIncidentReportInput,
  UpdateIncidentInput,
} from './incident.inputs.js';
import {
  IncidentAffectedPreviewType,
  IncidentConnection,
  IncidentOrderEnum,
  IncidentReportKindEnum,
  IncidentReportType,
  IncidentStepType,
  IncidentType,
  ProviderRefConnection,
} from './incident.type.js';

/**
 * The incident register (clause 3; APPI Art. 26): every signed-in member reads it (a viewer without
 * providers' names, ProviderRef.displayName), owners and privacy officers record and move incidents.
 * Each resolver maps its arguments to one IncidentService call.
 */
@Resolver(() => IncidentType)
export class IncidentResolver {
  @Authorized()
  @Query(() => IncidentConnection, {
    description:
      'The incident register: newest awareness first by default, or URGENCY (the soonest open deadline first).',
  })
  incidents(
    @Arg('filter', () => IncidentFilter, { nullable: true, description: 'Filters; all given hold.' })
    filter: IncidentFilter | null,
    @Arg('first', () => Int, { defaultValue: 50, description: 'Page size (1–100).' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'The cursor after which the page starts.' })
    after: string | null,
    @Arg('orderBy', () => IncidentOrderEnum, { nullable: true, description: 'The order (AWARE_AT_DESC by default).' })
    orderBy: keyof typeof IncidentOrderEnum | null,
    @Ctx() ctx: Context,
  ): Promise<IncidentConnection> {
    return services(ctx).incident.list(filter ?? {}, first, after, orderBy ?? 'AWARE_AT_DESC');
  }

  @Authorized()
  @Query(() => IncidentType, {
    nullable: true,
    description: 'One incident with its assessment, deadlines and timeline.',
  })
  incident(
    @Arg('id', () => ID, { description: 'The incident’s id.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<IncidentType | null> {
    return services(ctx).incident.get(id);
  }

  @Authorized()
  @Query(() => IncidentAffectedPreviewType, {
    description: 'How many providers a selection chooses and the first 20 of them; nothing is stored.',
  })
  incidentAffectedPreview(
    @Arg('input', () => IncidentAffectedSelectionInput, { description: 'The selection.' })
    input: IncidentAffectedSelectionInput,
    @Ctx() ctx: Context,
  ): Promise<IncidentAffectedPreviewType> {
    return services(ctx).incident.preview(input);
  }

  @Authorized(WRITERS)
  @Mutation(() => IncidentType, { description: 'Records a new incident (one OPENED step and ledger entry).' })
  recordIncident(
    @Arg('input', () => RecordIncidentInput, { description: 'The new incident.' }) input: RecordIncidentInput,
    @Ctx() ctx: Context,
  ): Promise<IncidentType> {
    return services(ctx).incident.recordAndView(input);
  }

  @Authorized(WRITERS)
  @Mutation(() => IncidentType, {
    description: 'Changes an incident’s facts (only the fields given); refused once closed.',
  })
  updateIncident(
    @Arg('input', () => UpdateIncidentInput, { description: 'The incident, the version read and the facts to change.' })
    input: UpdateIncidentInput,
    @Ctx() ctx: Context,
  ): Promise<IncidentType> {
    return services(ctx).incident.update(input);
  }

  @Authorized(WRITERS)
  @Mutation(() => IncidentType, {
    description: 'Adds or removes affected providers, or changes the count of people affected.',
  })
  changeIncidentAffected(
    @Arg('input', () => ChangeIncidentAffectedInput, {
      description: 'The incident and the providers to add or remove.',
    })
    input: ChangeIncidentAffectedInput,
    @Ctx() ctx: Context,
  ): Promise<IncidentType> {
    return services(ctx).incident.changeAffected(input);
  }

  @Authorized(WRITERS)
  @Mutation(() => IncidentType, { description: 'Moves an incident to ASSESSING or CLOSED, or reopens it.' })
  changeIncidentStatus(
    @Arg('input', () => ChangeIncidentStatusInput, { description: 'The incident and the status to move to.' })
    input: ChangeIncidentStatusInput,
    @Ctx() ctx: Context,
  ): Promise<IncidentType> {
    return services(ctx).incident.changeStatus(input);
  }

  @Authorized(WRITERS)
  @Mutation(() => IncidentType, { description: 'Records a report sent to the Commission; moves the status with it.' })
  recordIncidentReport(
    @Arg('input', () => RecordIncidentReportInput, { description: 'The incident and the report sent.' })
    input: RecordIncidentReportInput,
    @Ctx() ctx: Context,
  ): Promise<IncidentType> {
    return services(ctx).incident.recordReport(input);
  }

  @Authorized(WRITERS)
  @Mutation(() => IncidentType, {
    description:
      'Records a notification of the people affected; with sendMail, queues one mail per provider with an e-mail address.',
  })
  recordIncidentNotification(
    @Arg('input', () => RecordIncidentNotificationInput, {
      description: 'The incident and how the people affected were told.',
    })
    input: RecordIncidentNotificationInput,
    @Ctx() ctx: Context,
  ): Promise<IncidentType> {
    return services(ctx).incident.recordNotification(input);
  }

  @Authorized(WRITERS)
  @Mutation(() => IncidentType, { description: 'Adds a note or a measure to an incident’s timeline.' })
  addIncidentNote(
    @Arg('input', () => AddIncidentNoteInput, { description: 'The incident and the note.' })
    input: AddIncidentNoteInput,
    @Ctx() ctx: Context,
  ): Promise<IncidentType> {
    return services(ctx).incident.addNote(input);
  }

  @FieldResolver(() => ProviderRefConnection, {
    description:
      'The providers affected, by id (keyset-paged); their names only for roles that may read them, each page’s names one audited read.',
  })
  affectedProviders(
    @Root() incident: IncidentType,
    @Arg('first', () => Int, { defaultValue: 50, description: 'Page size (1–500).' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'The cursor after which the page starts.' })
    after: string | null,
    @Ctx() ctx: Context,
  ): Promise<ProviderRefConnection> {
    return services(ctx).incident.affectedProviders(incident.id, first, after);
  }

  @FieldResolver(() => IncidentReportType, {
    description: 'The content of the report to the Commission as the incident stands now (Japanese, printable).',
  })
  report(
    @Root() incident: IncidentType,
    @Arg('kind', () => IncidentReportKindEnum, { description: 'Preliminary or final.' }) kind: IncidentReportKind,
    @Ctx() ctx: Context,
  ): Promise<IncidentReportType> {
    return services(ctx).incident.report(incident.id, kind);
  }

  @FieldResolver(() => ActorRefType, {
    nullable: true,
    description: 'Who recorded it; null when Steward’s detectors opened it.',
  })
  createdBy(@Root() incident: IncidentType, @Ctx() ctx: Context): Promise<ActorRefType> | null {
    return incident.createdByRef ? services(ctx).names.actorRef(incident.createdByRef) : null;
  }
}

@Resolver(() => IncidentStepType)
export class IncidentStepResolver {
  @FieldResolver(() => ActorRefType, { nullable: true, description: 'Who recorded the step; null for Steward itself.' })
  actor(@Root() step: IncidentStepType, @Ctx() ctx: Context): Promise<ActorRefType> | null {
    return step.actorRef ? services(ctx).names.actorRef(step.actorRef) : null;
  }
}
