import { Badge, Button, Progress, Stack, Text } from '@mantine/core';
import type { JobFieldsFragment, JobStatus } from '@steward/schema';
import { useState } from 'react';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { MessagesAlert } from '../../components/ErrorAlert.js';
import { fieldErrorsFromGraphQLError } from '../../components/errors.js';
import { formatDateTime } from '../../components/format.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCanRunJobs } from '../session/session-context.js';
import { jobActive, outcomeText, progressPercent, progressText } from './job-view.js';
import { JOBS_TEXT } from './jobs-texts.js';
import { useCancelJob, useJobs, useRunLedgerVerification } from './use-jobs.js';

type Job = JobFieldsFragment;

const STATUS_COLORS: Record<JobStatus, string> = {
  QUEUED: 'gray',
  RUNNING: 'blue',
  SUCCEEDED: 'teal',
  FAILED: 'red',
  CANCELLED: 'gray',
};

function JobProgress({ job }: { job: Job }) {
  const percent = progressPercent(job.progress);
  const kind = JOBS_TEXT.kinds[job.kind];
  return (
    <Stack gap={4} miw={160}>
      <Progress
        value={percent ?? (job.status === 'SUCCEEDED' ? 100 : 0)}
        animated={job.status === 'RUNNING'}
        color={job.status === 'FAILED' ? 'red' : undefined}
        aria-label={JOBS_TEXT.progressOf(kind)}
      />
      <Text size="xs" c="dimmed">
        {progressText(job.progress)}
      </Text>
    </Stack>
  );
}

function jobColumns(onCancel: (job: Job) => void, cancelling: boolean): DataColumn<Job>[] {
  return [
    { id: 'kind', header: JOBS_TEXT.columns.kind, value: (j) => JOBS_TEXT.kinds[j.kind], bold: true },
    {
      id: 'status',
      header: JOBS_TEXT.columns.status,
      value: (j) => JOBS_TEXT.statuses[j.status],
      cell: (j) => (
        <Badge color={STATUS_COLORS[j.status]} variant="light">
          {JOBS_TEXT.statuses[j.status]}
        </Badge>
      ),
    },
    { id: 'progress', header: JOBS_TEXT.columns.progress, cell: (j) => <JobProgress job={j} /> },
    {
      id: 'outcome',
      header: JOBS_TEXT.columns.outcome,
      value: (j) => outcomeText(j),
      cell: (j) => (
        <Stack gap={2}>
          <Text size="sm" c={j.status === 'FAILED' ? 'red' : undefined}>
            {outcomeText(j)}
          </Text>
          {j.status === 'QUEUED' && j.attempts > 0 && (
            <Text size="xs" c="dimmed">
              {JOBS_TEXT.nextAttempt(formatDateTime(j.runAt))}
            </Text>
          )}
        </Stack>
      ),
    },
    { id: 'attempts', header: JOBS_TEXT.columns.attempts, value: (j) => `${j.attempts} / ${j.maxAttempts}` },
    { id: 'startedBy', header: JOBS_TEXT.columns.startedBy, value: (j) => j.startedBy ?? JOBS_TEXT.scheduled },
    { id: 'created', header: JOBS_TEXT.columns.created, value: (j) => formatDateTime(j.createdAt), nowrap: true },
    {
      id: 'actions',
      header: JOBS_TEXT.columns.actions,
      cell: (j) =>
        j.abilities.cancel ? (
          <Button
            size="xs"
            variant="default"
            loading={cancelling}
            aria-label={JOBS_TEXT.cancelFor(JOBS_TEXT.kinds[j.kind])}
            onClick={() => onCancel(j)}
          >
            {JOBS_TEXT.cancel}
          </Button>
        ) : null,
    },
  ];
}

/** The background jobs, newest first, with their progress; refreshed while one is queued or running. */
export function JobsPage() {
  const { jobs, active, ...query } = useJobs();
  const canRun = useCanRunJobs();
  const verification = useRunLedgerVerification();
  const cancelling = useCancelJob();
  const [messages, setMessages] = useState<string[]>([]);

  async function verifyNow() {
    setMessages([]);
    const result = await verification.run();
    if (result.error) setMessages(fieldErrorsFromGraphQLError(result.error).messages);
    else query.refetch();
  }

  async function cancel(job: Job) {
    setMessages([]);
    const result = await cancelling.cancel(job.id);
    if (result.error) setMessages(fieldErrorsFromGraphQLError(result.error).messages);
    else query.refetch();
  }

  return (
    <>
      <PageHeader
        title={JOBS_TEXT.title}
        description={JOBS_TEXT.description}
        badges={
          active ? (
            <Badge variant="light" color="blue">
              {JOBS_TEXT.refreshing}
            </Badge>
          ) : null
        }
        actions={
          canRun ? (
            <Button onClick={() => void verifyNow()} loading={verification.fetching}>
              {JOBS_TEXT.verifyNow}
            </Button>
          ) : null
        }
      />
      <Stack gap="md">
        <MessagesAlert title={JOBS_TEXT.refused} messages={messages} />
        <DataTable
          label={JOBS_TEXT.table}
          columns={jobColumns((job) => void cancel(job), cancelling.fetching)}
          rows={jobs}
          rowKey={(j) => j.id}
          rowProps={(j) => ({ 'data-status': j.status, 'data-active': jobActive(j) ? 'true' : undefined })}
          empty={JOBS_TEXT.empty}
          query={query}
          loadingLabel={JOBS_TEXT.loading}
          minWidth={900}
        />
      </Stack>
    </>
  );
}
