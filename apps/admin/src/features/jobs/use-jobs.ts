import { CancelJobDocument, JobDocument, JobsDocument, RunLedgerVerificationDocument } from '@steward/schema';
import { useCallback, useEffect } from 'react';
import { useMutation, useQuery } from 'urql';
import { listTotal } from '../../components/connection-page.js';
import { useRefreshWhile } from '../../components/use-refresh-while.js';
import { jobActive } from './job-view.js';

/** How often the list refreshes while a job is queued or running. */
export const JOBS_REFRESH_MS = 2000;

export const JOBS_PAGE_SIZE = 50;

/** A page of jobs, newest first; refreshed every JOBS_REFRESH_MS while any of them is queued or running. */
export function useJobs(after: string | null = null) {
  const [result, reexecute] = useQuery({
    query: JobsDocument,
    variables: { first: JOBS_PAGE_SIZE, after },
    requestPolicy: 'network-only',
  });
  const jobs = result.data?.jobs.edges.map((e) => e.node) ?? [];
  const active = jobs.some(jobActive);
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  useRefreshWhile(active, refresh, JOBS_REFRESH_MS);
  return {
    jobs,
    active,
    pageInfo: result.data?.jobs.pageInfo ?? null,
    total: listTotal(result.data?.jobs),
    loaded: result.data !== undefined,
    fetching: result.fetching,
    error: result.error,
    refetch: refresh,
  };
}

/** One job (null: none yet); refreshed every JOBS_REFRESH_MS while it is queued or running. */
export function useJob(id: string | null) {
  const [result, reexecute] = useQuery({
    query: JobDocument,
    variables: { id: id ?? '' },
    pause: !id,
    requestPolicy: 'network-only',
  });
  const job = result.data?.job ?? null;
  const active = job !== null && jobActive(job);
  useEffect(() => {
    if (!active) return;
    const timer = setTimeout(() => reexecute({ requestPolicy: 'network-only' }), JOBS_REFRESH_MS);
    return () => clearTimeout(timer);
  }, [active, reexecute, job]);
  return { job, active, error: result.error };
}

export function useRunLedgerVerification() {
  const [state, execute] = useMutation(RunLedgerVerificationDocument);
  return { run: () => execute({}), fetching: state.fetching };
}

export function useCancelJob() {
  const [state, execute] = useMutation(CancelJobDocument);
  return { cancel: (id: string) => execute({ input: { id } }), fetching: state.fetching };
}
