import type { ImportTarget, ProviderKind } from '@steward/policy-core';
import { ArrayMaxSize, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ImportTargetEnum, ProviderKindEnum } from '../common/enums.js';

@InputType({ description: 'Which column of the file goes to which target.' })
export class ImportColumnInput {
  @Field(() => Int, { description: 'The column, 0-based as in the file.' }) @Min(0) @Max(1000) column!: number;
  @Field(() => ImportTargetEnum, { description: 'What the column holds.' }) target!: ImportTarget;
}

@InputType({ description: 'A file and how to read it: the dry run and the import take the same.' })
export class ImportSettingsInput {
  @Field(() => ID, { description: 'The uploaded file (POST /api/imports).' }) @MaxLength(100) fileId!: string;
  @Field(() => [ImportColumnInput], { description: 'Every column mapped (at least REFERENCE and PURPOSES).' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  mapping!: ImportColumnInput[];
  @Field(() => ProviderKindEnum, { description: 'The kind of every provider the file holds.' })
  providerKind!: ProviderKind;
}

@InputType({ description: 'A dry run: the settings and which page of the rows with problems to return.' })
export class ImportDryRunInput extends ImportSettingsInput {
  @Field(() => Int, { defaultValue: 0, description: 'Rows with problems to skip (the page times its size).' })
  @Min(0)
  @Max(1_000_000)
  offset!: number;
  @Field(() => Int, { defaultValue: 50, description: 'Rows with problems to return (1–200).' })
  @Min(1)
  @Max(200)
  limit!: number;
}
