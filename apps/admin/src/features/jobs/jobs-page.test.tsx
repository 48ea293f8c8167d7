import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { JobFieldsFragment } from '@steward/schema';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/i18n.js';
import { renderApp } from '../../test/render.js';
import { outcomeText, progressPercent, progressText } from './job-view.js';
import { JOBS_REFRESH_MS } from './use-jobs.js';

function buildJob(overrides: Partial<JobFieldsFragment> = {}): JobFieldsFragment {
  return {
    id: '01a24eb5-0000-7000-8000-000000000001',
    kind: 'LEDGER_VERIFICATION',
    status: 'SUCCEEDED',
    attempts: 1,
    maxAttempts: 3,
    progress: { done: 27, total: 27, message: 'ledger.verify.entries' },
    result: JSON.stringify({ ok: true, checkedEntries: 27, headSequence: 27, firstFailureSequence: null }),
    errorCode: null,
    startedBy: null,
    createdAt: '2026-04-01T00:00:01.000Z',
    runAt: '2026-04-01T00:00:01.000Z',
    startedAt: '2026-04-01T00:00:02.000Z',
    finishedAt: '2026-04-01T00:00:03.000Z',
    abilities: { cancel: false },
    ...overrides,
  };
}

function page(jobs: JobFieldsFragment[], totalCount = jobs.length) {
  return {
    data: {
      jobs: {
        edges: jobs.map((node) => ({ cursor: `c-${node.id}`, node })),
        totalCount,
        totalCountCapped: false,
        pageInfo: { hasNextPage: false, endCursor: null },
      },
    },
  };
}

describe('jobs page', () => {
  it('lists jobs with their status, progress and outcome, and refreshes while one runs', async () => {
    let calls = 0;
    const running = buildJob({
      id: '01a24eb5-0000-7000-8000-000000000002',
      status: 'RUNNING',
      progress: { done: 5000, total: 20000, message: 'ledger.verify.entries' },
      result: null,
      startedBy: 'Olive Owner',
    });
    const { api } = renderApp('/jobs', {
      handlers: {
        Jobs: () => {
          calls += 1;
          return page(
            calls === 1
              ? [running, buildJob()]
              : [
                  buildJob({ ...running, status: 'SUCCEEDED', progress: { ...running.progress, done: 20000 } }),
                  buildJob(),
                ],
          );
        },
      },
    });
    const table = await screen.findByRole('table', { name: 'Background jobs' });
    expect(await within(table).findByText('5,000 of 20,000 entries checked')).toBeTruthy();
    expect(within(screen.getByRole('navigation', { name: /Background jobs/ })).getByText('2 in all')).toBeTruthy();
    expect(within(table).getByText('Running')).toBeTruthy();
    expect(within(table).getByText('Olive Owner')).toBeTruthy();
    expect(within(table).getByText('Scheduled')).toBeTruthy();
    expect(within(table).getByText('The ledger verifies (27 entries)')).toBeTruthy();
    expect(screen.getByText('Refreshing while a job runs')).toBeTruthy();
    const bar = within(table).getAllByRole('progressbar', { name: 'Progress of Ledger verification' })[0]!;
    expect(bar.getAttribute('aria-valuenow')).toBe('25');

    await waitFor(() => expect(within(table).getByText('20,000 of 20,000 entries checked')).toBeTruthy(), {
      timeout: JOBS_REFRESH_MS + 2000,
    });
    expect(api.calls.filter((c) => c.operationName === 'Jobs').length).toBe(2);
    expect(screen.queryByText('Refreshing while a job runs')).toBeNull();
    // A privacy officer watches; only owners start or cancel.
    expect(screen.queryByRole('button', { name: 'Verify the ledger now' })).toBeNull();
  });

  it('lets an owner verify the ledger now and cancel a queued job', async () => {
    const queued = buildJob({
      status: 'QUEUED',
      attempts: 0,
      progress: { done: 0, total: null, message: null },
      result: null,
      startedBy: 'Olive Owner',
      abilities: { cancel: true },
    });
    let jobs: JobFieldsFragment[] = [];
    const { api } = renderApp('/jobs', {
      role: 'OWNER',
      handlers: {
        Jobs: () => page(jobs),
        RunLedgerVerification: () => {
          jobs = [queued];
          return { data: { runLedgerVerification: queued } };
        },
        CancelJob: () => {
          const cancelled = { ...queued, status: 'CANCELLED' as const, abilities: { cancel: false } };
          jobs = [cancelled];
          return { data: { cancelJob: cancelled } };
        },
      },
    });
    expect(await screen.findByText('No jobs yet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Verify the ledger now' }));
    expect(await screen.findByText('Queued')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel Ledger verification' }));
    expect(await screen.findByText('Cancelled')).toBeTruthy();
    expect(api.calls.at(-2)).toMatchObject({ operationName: 'CancelJob', variables: { input: { id: queued.id } } });
  });

  it('shows a failed verification and why', async () => {
    renderApp('/jobs', {
      handlers: {
        Jobs: () =>
          page([
            buildJob({
              status: 'FAILED',
              errorCode: 'LEDGER_VERIFICATION_FAILED',
              result: JSON.stringify({ ok: false, checkedEntries: 4, firstFailureSequence: 5 }),
            }),
          ]),
      },
    });
    expect(await screen.findByText('The ledger does not verify from entry 5')).toBeTruthy();
    expect(screen.getByText('Failed')).toBeTruthy();
  });

  it('reads in Japanese', async () => {
    renderApp('/jobs', { role: 'OWNER', language: 'ja', handlers: { Jobs: () => page([buildJob()]) } });
    const table = await screen.findByRole('table', { name: 'バックグラウンドジョブ' });
    expect(screen.getByRole('heading', { name: 'ジョブ' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: '結果' })).toBeTruthy();
    expect(await within(table).findByText('台帳は正常です（27件）')).toBeTruthy();
    expect(within(table).getByText('27件中27件を検証済み')).toBeTruthy();
    expect(within(table).getByText('定期実行')).toBeTruthy();
    // The job's kind and status from policy-core's catalogue.
    expect(within(table).getByText('台帳の検証')).toBeTruthy();
    expect(within(table).getByText('完了')).toBeTruthy();
    expect(within(table).queryByText('Succeeded')).toBeNull();
    expect(screen.getByRole('button', { name: '今すぐ台帳を検証' })).toBeTruthy();
  });

  it('is not offered to viewers', async () => {
    renderApp('/jobs', { role: 'VIEWER', handlers: {} });
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Owners and privacy officers see the background jobs',
    );
    expect(screen.queryByRole('link', { name: 'Jobs' })).toBeNull();
  });
});

describe('job view helpers', () => {
  const t = createI18n('en').getFixedT('en', 'jobs');

  it('turns progress and outcomes into words', () => {
    expect(progressPercent({ done: 1, total: 3, message: null })).toBe(33);
    expect(progressPercent({ done: 0, total: 0, message: null })).toBe(100);
    expect(progressPercent({ done: 4, total: null, message: null })).toBeNull();
    expect(progressText(t, { done: 4, total: null, message: 'unknown.key' })).toBe('4');
    expect(progressText(t, { done: 4, total: 9, message: 'unknown.key' })).toBe('4 of 9');
    expect(progressText(t, { done: 4, total: null, message: 'ledger.verify.entries' })).toBe('4 entries checked');
    expect(outcomeText(t, buildJob({ result: null, status: 'FAILED', errorCode: 'ABANDONED' }))).toBe(
      'Its server stopped during every attempt',
    );
    expect(outcomeText(t, buildJob({ result: null, status: 'FAILED', errorCode: 'NEW_CODE' }))).toBe('Error NEW_CODE');
    expect(outcomeText(t, buildJob({ result: 'not json', status: 'QUEUED' }))).toBe('');
    expect(outcomeText(t, buildJob({ status: 'FAILED', result: JSON.stringify({ ok: false }) }))).toBe(
      'The ledger does not verify',
    );
  });

  it('speaks Japanese with a Japanese t', () => {
    const ja = createI18n('ja').getFixedT('ja', 'jobs');
    expect(progressText(ja, { done: 5, total: 20, message: 'ledger.verify.entries' })).toBe('20件中5件を検証済み');
    expect(outcomeText(ja, buildJob())).toBe('台帳は正常です（27件）');
  });
});
