import { JobDocument, StartExportDocument, type StartExportInput } from '@steward/schema';
import { useCallback, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { jobActive } from '../jobs/job-view.js';
import { useRefreshWhile } from '../../components/use-refresh-while.js';
import { JOBS_REFRESH_MS } from '../jobs/use-jobs.js';

/** Where the API serves an export's file (exports/export.route.ts): a GET with the session cookie. */
export const exportDownloadHref = (jobId: string) => `/api/exports/${encodeURIComponent(jobId)}`;

/**
 * An export of the list on screen with its filters (`input`): `start()` asks for it, the job is
 * then followed like the jobs page follows its jobs (every JOBS_REFRESH_MS while queued or
 * running), and `downloadHref` is set once the file is ready. A change of filters forgets the
 * export: its file holds the rows of the filters it was started with.
 */
export function useExport(input: StartExportInput) {
  const key = JSON.stringify(input);
  const [started, setStarted] = useState<{ key: string; jobId: string } | null>(null);
  const jobId = started?.key === key ? started.jobId : null;
  const [startState, execute] = useMutation(StartExportDocument);
  const [result, reexecute] = useQuery({
    query: JobDocument,
    variables: { id: jobId ?? '' },
    pause: !jobId,
    requestPolicy: 'network-only',
  });
  const startedJob = startState.data?.startExport;
  const job = jobId ? (result.data?.job ?? (startedJob?.id === jobId ? startedJob : null)) : null;
  const active = job ? jobActive(job) : false;
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  useRefreshWhile(active, refresh, JOBS_REFRESH_MS);

  return {
    job,
    active,
    starting: startState.fetching,
    error: jobId || startState.fetching ? null : startState.error,
    downloadHref: job?.status === 'SUCCEEDED' ? exportDownloadHref(job.id) : null,
    start: async () => {
      const res = await execute({ input });
      if (res.data) setStarted({ key, jobId: res.data.startExport.id });
    },
  };
}
