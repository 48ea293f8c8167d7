import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { WRITERS } from '../common/auth-checker.js';
import type { Context } from '../context.js';
import { languageFor } from '../i18n/language.js';
import { presentJob } from '../jobs/job.presenter.js';
import { JobType } from '../jobs/job.type.js';
import { services } from '../services.js';
import { ImportDryRunInput, ImportSettingsInput } from './import.inputs.js';
import { presentDryRun, presentImportColumns } from './import.presenter.js';
import { ImportDryRunType, ImportFileType } from './import.type.js';

@Resolver()
export class ImportResolver {
  @Authorized(WRITERS)
  @Query(() => ImportFileType, {
    description:
      'An uploaded import file (POST /api/imports) with its columns and their guessed targets: owners and privacy officers.',
  })
  async importFile(
    @Arg('id', () => ID, { description: 'The file.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<ImportFileType> {
    const { file, table, guess } = await services(ctx).imports.open(id);
    return {
      id: file.id,
      sha256: file.sha256,
      format: file.format,
      byteSize: file.byteSize,
      rowCount: table.rows.length,
      columns: presentImportColumns(table, guess),
      jobId: file.jobId,
    };
  }

  @Authorized(WRITERS)
  @Query(() => ImportDryRunType, {
    description:
      'A dry run of an import: every row checked by the collection rules, nothing written (the read is audited). Owners and privacy officers.',
  })
  async importDryRun(
    @Arg('input', () => ImportDryRunInput, { description: 'The file, its mapping and the page of problems.' })
    input: ImportDryRunInput,
    @Ctx() ctx: Context,
  ): Promise<ImportDryRunType> {
    const run = await services(ctx).imports.dryRun(input);
    return presentDryRun(run, input, await languageFor(ctx));
  }

  @Authorized(WRITERS)
  @Mutation(() => JobType, {
    description:
      'Starts importing a file as a background job (MEMBER_IMPORT; follow it with `job(id)`): owners and privacy officers.',
  })
  async startImport(
    @Arg('input', () => ImportSettingsInput, { description: 'The file and its mapping, as in the dry run.' })
    input: ImportSettingsInput,
    @Ctx() ctx: Context,
  ): Promise<JobType> {
    return presentJob(await services(ctx).imports.start(input), ctx.actor);
  }
}
