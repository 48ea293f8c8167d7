import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { WRITERS } from '../common/auth-checker.js';
import type { Context } from '../context.js';
import { presentJob } from '../jobs/job.presenter.js';
import { JobType } from '../jobs/job.type.js';
import { services } from '../services.js';
import { StartExportInput } from './export.inputs.js';

@Resolver()
export class ExportResolver {
  @Authorized(WRITERS)
  @Mutation(() => JobType, {
    description:
      'Exports a list with its filters as a CSV file, as a background job (audited): owners and privacy officers. Follow it with `job(id)`; once it succeeded, the member who asked (or an owner) downloads the file at `GET /api/exports/<job id>` with the session cookie, for 24 hours.',
  })
  async startExport(
    @Arg('input', () => StartExportInput, { description: 'The list and its filters.' }) input: StartExportInput,
    @Ctx() ctx: Context,
  ): Promise<JobType> {
    return presentJob(await services(ctx).export.start(input), ctx.actor);
  }
}
