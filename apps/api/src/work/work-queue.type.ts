import type {
  IncidentDeadlineState,
  IncidentReportKind,
  JobStatus,
  RequestKind,
  RequestStatus,
  RequestUrgency,
} from '@steward/policy-core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { JobStatusEnum } from '../common/enums.js';
import { IncidentDeadlineStateEnum, IncidentReportKindEnum } from '../incidents/incident.type.js';
import { RequestKindEnum, RequestStatusEnum, RequestUrgencyEnum } from '../requests/request-enums.js';

@ObjectType('WorkQueueApprovals', { description: 'Permitted exceptions waiting for an approval.' })
export class WorkQueueApprovalsType {
  @Field(() => Int, {
    description:
      'Drafts the caller may approve: written by someone else (four eyes). The list: `permittedExceptions(awaitingMyApproval: true)`.',
  })
  awaitingMe!: number;

  @Field(() => Int, { description: 'Drafts the caller wrote, waiting for a second person to approve them.' })
  mineAwaitingOthers!: number;
}

@ObjectType('WorkQueueRequest', {
  description: 'An open provider request on the home page of work, named by its reference.',
})
export class WorkQueueRequestType {
  @Field(() => ID, { description: 'The request.' })
  id!: string;

  @Field(() => String, { description: 'Its reference (受付番号).' })
  reference!: string;

  @Field(() => RequestKindEnum, { description: 'Disclosure, amendment or cessation.' })
  kind!: RequestKind;

  @Field(() => RequestStatusEnum, { description: 'Where it is.' })
  status!: RequestStatus;

  @Field(() => Date, { description: 'When the answer is due.' })
  dueAt!: Date;

  @Field(() => RequestUrgencyEnum, { description: 'OVERDUE, DUE_SOON or ON_TRACK now (policy-core requestUrgency).' })
  urgency!: RequestUrgency;
}

@ObjectType('WorkQueueRequests', { description: 'Open provider requests by due date.' })
export class WorkQueueRequestsType {
  @Field(() => Int, {
    description: 'Open requests past their due date. The list: `providerRequests(filter: { urgency: OVERDUE })`.',
  })
  overdue!: number;

  @Field(() => Int, {
    description:
      'Open requests due within `dueSoonDays` days. The list: `providerRequests(filter: { urgency: DUE_SOON })`.',
  })
  dueSoon!: number;

  @Field(() => Int, { description: 'Open requests in all. The list: `providerRequests(filter: { open: true })`.' })
  open!: number;

  @Field(() => Int, { description: 'The window of `dueSoon`, in days (policy-core DUE_SOON_DAYS).' })
  dueSoonDays!: number;

  @Field(() => [WorkQueueRequestType], {
    description: 'The open requests due first (at most 5), by due date: the overdue ones first.',
  })
  next!: WorkQueueRequestType[];
}

@ObjectType('WorkQueueInquiries', { description: 'Inquiries waiting for the secretariat.' })
export class WorkQueueInquiriesType {
  @Field(() => Int, {
    description: 'Inquiries nobody has started on (NEW). The list: `inquiries(filter: { status: NEW })`.',
  })
  new!: number;

  @Field(() => Int, {
    description:
      'Inquiries not yet answered (NEW or IN_PROGRESS). The list: `inquiries(filter: { unanswered: true })`.',
  })
  unanswered!: number;

  @Field(() => Int, { description: 'Of the unanswered ones, those assigned to the caller.' })
  assignedToMe!: number;
}

@ObjectType('WorkQueueLedgerVerification', { description: 'The scheduled (or requested) ledger verification.' })
export class WorkQueueLedgerVerificationType {
  @Field(() => ID, { nullable: true, description: 'The last verification job that ended; null when none has.' })
  lastJobId!: string | null;

  @Field(() => JobStatusEnum, { nullable: true, description: 'How it ended: SUCCEEDED or FAILED; null when none has.' })
  lastStatus!: JobStatus | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the ledger verified; null when no verification has ended.',
  })
  ok!: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Ledger entries it checked.' })
  checkedEntries!: number | null;

  @Field(() => Int, { nullable: true, description: 'The first entry that failed, by number; null when it verified.' })
  firstFailureSequence!: number | null;

  @Field(() => Date, { nullable: true, description: 'When it ended.' })
  finishedAt!: Date | null;

  @Field(() => Boolean, { description: 'Whether a verification is queued or running now.' })
  pending!: boolean;
}

@ObjectType('WorkQueueIncident', {
  description: 'An open incident whose report to the Commission is due soon or overdue, on the home page of work.',
})
export class WorkQueueIncidentType {
  @Field(() => ID, { description: 'The incident.' })
  id!: string;

  @Field(() => String, { description: 'Its reference (INC-YYYY-NNNN).' })
  reference!: string;

  @Field(() => String, { description: 'Its title, as the staff wrote it (no personal data).' })
  title!: string;

  @Field(() => IncidentDeadlineStateEnum, {
    description: 'Its most urgent deadline now: OVERDUE or DUE_SOON (policy-core mostUrgentDeadlineState).',
  })
  urgency!: IncidentDeadlineState;

  @Field(() => IncidentReportKindEnum, {
    description: 'Which report that deadline is for: preliminary (速報) or final (確報).',
  })
  report!: IncidentReportKind;

  @Field(() => String, {
    description: "The local date that report is due on (YYYY-MM-DD, the organisation's time zone).",
  })
  dueOn!: string;
}

@ObjectType('WorkQueueIncidents', { description: 'Open incidents and their reports to the Commission.' })
export class WorkQueueIncidentsType {
  @Field(() => Int, {
    description: 'Open incidents with a report past its due date. The list: `incidents(filter: { urgency: OVERDUE })`.',
  })
  overdue!: number;

  @Field(() => Int, {
    description:
      'Open incidents with a report due soon (and none overdue). The list: `incidents(filter: { urgency: DUE_SOON })`.',
  })
  dueSoon!: number;

  @Field(() => Int, { description: 'Incidents not closed. The list: `incidents(filter: { open: true })`.' })
  open!: number;

  @Field(() => [WorkQueueIncidentType], {
    description: 'The most urgent of them (at most 5), by deadline: the overdue ones first.',
  })
  next!: WorkQueueIncidentType[];
}

@ObjectType('WorkQueue', {
  description:
    'The home page of work: what waits for the caller, as counts that name the filtered lists. Each section is null when the caller may not see it (policy-core workQueueScope: a viewer sees the requests only). New sections are added as new nullable fields, so a client keeps working and shows the sections it knows.',
})
export class WorkQueueType {
  @Field(() => Date, { description: 'When the counts were taken.' })
  asOf!: Date;

  @Field(() => WorkQueueApprovalsType, {
    nullable: true,
    description: 'Approvals waiting; null when the caller may give none.',
  })
  approvals!: WorkQueueApprovalsType | null;

  @Field(() => WorkQueueRequestsType, { nullable: true, description: 'Provider requests by due date.' })
  requests!: WorkQueueRequestsType | null;

  @Field(() => WorkQueueInquiriesType, { nullable: true, description: 'Inquiries waiting; null for a viewer.' })
  inquiries!: WorkQueueInquiriesType | null;

  @Field(() => WorkQueueLedgerVerificationType, {
    nullable: true,
    description: 'The last ledger verification and whether one is under way; null for a viewer.',
  })
  ledgerVerification!: WorkQueueLedgerVerificationType | null;

  @Field(() => WorkQueueIncidentsType, {
    nullable: true,
    description: 'Open incidents and their report deadlines; null when the caller may not see the register.',
  })
  incidents!: WorkQueueIncidentsType | null;
}
