import { Badge, Button, Progress, Stack, Text } from '@mantine/core';
import type { JobFieldsFragment, JobStatus } from '@steward/schema';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { MessagesAlert } from '../../components/ErrorAlert.js';
import { fieldErrorsFromGraphQLError } from '../../components/errors.js';
import { formatDateTime } from '../../components/format.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCursorStack } from '../../components/use-cursor-stack.js';
import { useCanRunJobs } from '../session/session-context.js';
import { jobActive, outcomeText, progressPercent, progressText } from './job-view.js';
import { JOB_KIND_LABEL, JOB_STATUS_LABEL } from './job-labels.js';
import { JOBS_PAGE_SIZE, useCancelJob, useJobs, useRunLedgerVerification } from './use-jobs.js';

type Job = JobFieldsFragment;

const STATUS_COLORS: Record<JobStatus, string> = {
  QUEUED: 'gray',
  RUNNING: 'blue',
  SUCCEEDED: 'teal',
  FAILED: 'red',
  CANCELLED: 'gray',
};

/** A job's progress bar and its progress in words (the jobs list; an import page follows one job). */
export function JobProgress({ job }: { job: Job }) {
  const { t } = useTranslation('jobs');
  const percent = progressPercent(job.progress);
  const kind = JOB_KIND_LABEL[job.kind];
  return (
    <Stack gap={4} miw={160}>
      <Progress
        value={percent ?? (job.status === 'SUCCEEDED' ? 100 : 0)}
        animated={job.status === 'RUNNING'}
        color={job.status === 'FAILED' ? 'red' : undefined}
        aria-label={t('progressOf', { kind })}
      />
      <Text size="xs" c="dimmed">
        {progressText(t, job.progress)}
      </Text>
    </Stack>
  );
}

function jobColumns(t: TFunction, onCancel: (job: Job) => void, cancelling: boolean): DataColumn<Job>[] {
  return [
    { id: 'kind', header: t('jobs:columns.kind'), value: (j) => JOB_KIND_LABEL[j.kind], bold: true },
    {
      id: 'status',
      header: t('jobs:columns.status'),
      value: (j) => JOB_STATUS_LABEL[j.status],
      cell: (j) => (
        <Badge color={STATUS_COLORS[j.status]} variant="light">
          {JOB_STATUS_LABEL[j.status]}
        </Badge>
      ),
    },
    { id: 'progress', header: t('jobs:columns.progress'), cell: (j) => <JobProgress job={j} /> },
    {
      id: 'outcome',
      header: t('jobs:columns.outcome'),
      value: (j) => outcomeText(t, j),
      cell: (j) => (
        <Stack gap={2}>
          <Text size="sm" c={j.status === 'FAILED' ? 'red' : undefined}>
            {outcomeText(t, j)}
          </Text>
          {j.status === 'QUEUED' && j.attempts > 0 && (
            <Text size="xs" c="dimmed">
              {t('jobs:nextAttempt', { when: formatDateTime(j.runAt) })}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      id: 'attempts',
      header: t('jobs:columns.attempts'),
      value: (j) => t('jobs:attempts', { attempts: j.attempts, maxAttempts: j.maxAttempts }),
    },
    { id: 'startedBy', header: t('jobs:columns.startedBy'), value: (j) => j.startedBy ?? t('jobs:scheduled') },
    { id: 'created', header: t('jobs:columns.created'), value: (j) => formatDateTime(j.createdAt), nowrap: true },
    {
      id: 'actions',
      header: t('jobs:columns.actions'),
      cell: (j) =>
        j.abilities.cancel ? (
          <Button
            size="xs"
            variant="default"
            loading={cancelling}
            aria-label={t('jobs:cancelFor', { kind: JOB_KIND_LABEL[j.kind] })}
            onClick={() => onCancel(j)}
          >
            {t('common:actions.cancel')}
          </Button>
        ) : null,
    },
  ];
}

/** The background jobs, newest first, with their progress; refreshed while one is queued or running. */
export function JobsPage() {
  const { t } = useTranslation('jobs');
  const paging = useCursorStack();
  const { jobs, active, pageInfo, total, ...query } = useJobs(paging.after);
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
        title={t('title')}
        description={t('description')}
        badges={
          active ? (
            <Badge variant="light" color="blue">
              {t('refreshing')}
            </Badge>
          ) : null
        }
        actions={
          canRun ? (
            <Button onClick={() => void verifyNow()} loading={verification.fetching}>
              {t('verifyNow')}
            </Button>
          ) : null
        }
      />
      <Stack gap="md">
        <MessagesAlert title={t('refused')} messages={messages} />
        <DataTable
          label={t('table')}
          columns={jobColumns(t, (job) => void cancel(job), cancelling.fetching)}
          rows={jobs}
          rowKey={(j) => j.id}
          rowProps={(j) => ({ 'data-status': j.status, 'data-active': jobActive(j) ? 'true' : undefined })}
          empty={t('empty')}
          query={query}
          loadingLabel={t('loading')}
          minWidth={900}
          pagination={{ paging, pageInfo, total, pageSize: JOBS_PAGE_SIZE }}
        />
      </Stack>
    </>
  );
}
