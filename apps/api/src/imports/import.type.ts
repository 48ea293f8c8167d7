import type { ImportRowStatus, ImportTarget, IssueCode } from '@steward/policy-core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ImportTargetEnum, IssueCodeEnum } from '../common/enums.js';
import { MessageParamType } from '../decisions/decision.type.js';

export const ImportRowStatusEnum = { READY: 'READY', INVALID: 'INVALID', EXISTS: 'EXISTS' } as const;
registerEnumType(ImportRowStatusEnum, {
  name: 'ImportRowStatus',
  description: 'What the import does with a row.',
  valuesConfig: {
    READY: { description: 'Recorded as a new provider (a collection with channel IMPORT).' },
    INVALID: { description: 'Not recorded: see its issues.' },
    EXISTS: { description: 'Skipped: a provider already has its key (REFERENCE).' },
  },
});

@ObjectType('ImportColumn', { description: 'A column of an uploaded import file.' })
export class ImportColumnType {
  @Field(() => Int, { description: 'Its position, 0-based.' }) column!: number;
  @Field(() => String, { description: 'Its header (the first row).' }) header!: string;
  @Field(() => ImportTargetEnum, { description: 'The target its header suggests (ja or en), IGNORE when none.' })
  guess!: ImportTarget;
  @Field(() => [String], { description: 'Its values in the first rows (personal data: the read is audited).' })
  samples!: string[];
}

@ObjectType('ImportFile', { description: 'An uploaded file of existing members, before its import.' })
export class ImportFileType {
  @Field(() => ID, { description: 'The file.' }) id!: string;
  @Field(() => String, { description: 'SHA-256 of the bytes as uploaded (hex).' }) sha256!: string;
  @Field(() => String, { description: 'csv or xlsx.' }) format!: string;
  @Field(() => Int, { description: 'Its size in bytes.' }) byteSize!: number;
  @Field(() => Int, { description: 'Data rows (the header excluded).' }) rowCount!: number;
  @Field(() => [ImportColumnType], { description: 'Its columns with their guessed targets.' })
  columns!: ImportColumnType[];
  @Field(() => ID, { nullable: true, description: 'The import job, once started.' }) jobId!: string | null;
}

@ObjectType('ImportIssue', { description: "One problem of one row, worded in the reader's language." })
export class ImportIssueType {
  @Field(() => Int, { description: 'The row number in the file (the header is row 1).' }) row!: number;
  @Field(() => Int, { nullable: true, description: 'The column (0-based); null: the row as a whole.' })
  column!: number | null;
  @Field(() => String, { nullable: true, description: "The column's header." }) header!: string | null;
  @Field(() => IssueCodeEnum, { description: 'The stable code.' }) code!: IssueCode;
  @Field(() => String, { description: "The issue in the reader's language." }) message!: string;
  @Field(() => [MessageParamType], { description: "Its message's parameters (e.g. max)." })
  params!: MessageParamType[];
}

@ObjectType('ImportRow', { description: 'One row as the dry run sees it.' })
export class ImportRowType {
  @Field(() => Int, { description: 'The row number in the file (the header is row 1).' }) row!: number;
  @Field(() => ImportRowStatusEnum, { description: 'What the import does with it.' }) status!: ImportRowStatus;
  @Field(() => [String], { description: 'Its cells (personal data: the read is audited).' }) cells!: string[];
  @Field(() => [ImportIssueType], { description: 'Its problems.' }) issues!: ImportIssueType[];
}

@ObjectType('ImportDryRun', { description: 'What an import would do, computed without writing anything.' })
export class ImportDryRunType {
  @Field(() => Int, { description: 'Data rows.' }) rows!: number;
  @Field(() => Int, { description: 'Rows that would be recorded.' }) ready!: number;
  @Field(() => Int, { description: 'Rows with problems (not recorded).' }) invalid!: number;
  @Field(() => Int, { description: 'Rows skipped: a provider already has their key.' }) existing!: number;
  @Field(() => Int, { description: 'Every problem found, in all rows.' }) issueCount!: number;
  @Field(() => [ImportRowType], { description: 'The first rows of the file (at most 5).' }) firstRows!: ImportRowType[];
  @Field(() => [ImportRowType], { description: 'The page of rows with problems asked for (offset, limit).' })
  problemRows!: ImportRowType[];
  @Field(() => Int, { description: 'The policy version the import records.' }) policyVersion!: number;
}
