import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { JobFieldsFragment } from '@steward/schema';
import { describe, expect, it } from 'vitest';
import { graphQLError } from '../../test/stub-api.js';
import { renderApp } from '../../test/render.js';
import { JOBS_REFRESH_MS } from '../jobs/use-jobs.js';

const JOB_ID = '01a24eb5-0000-7000-8000-0000000000e1';

function exportJob(overrides: Partial<JobFieldsFragment> = {}): JobFieldsFragment {
  return {
    id: JOB_ID,
    kind: 'LIST_EXPORT',
    status: 'QUEUED',
    attempts: 0,
    maxAttempts: 3,
    progress: { done: 0, total: null, message: null },
    result: null,
    errorCode: null,
    startedBy: 'Test PRIVACY_OFFICER',
    createdAt: '2026-04-01T00:00:01.000Z',
    runAt: '2026-04-01T00:00:01.000Z',
    startedAt: null,
    finishedAt: null,
    abilities: { cancel: false },
    ...overrides,
  };
}

describe('the export button of a list page', () => {
  it('exports with the filters on screen, shows progress and offers the file when it is ready', async () => {
    let polls = 0;
    const { api } = renderApp('/exceptions?status=ACTIVE&kind=OUTSOURCING', {
      handlers: {
        PermittedExceptions: () => ({ data: { permittedExceptions: [] } }),
        StartExport: () => ({ data: { startExport: exportJob() } }),
        Job: () => {
          polls += 1;
          return {
            data: {
              job:
                polls === 1
                  ? exportJob({ status: 'RUNNING', progress: { done: 200, total: null, message: 'export.rows' } })
                  : exportJob({
                      status: 'SUCCEEDED',
                      progress: { done: 250, total: 250, message: 'export.rows' },
                      result: JSON.stringify({ list: 'PERMITTED_EXCEPTIONS', rows: 250, providers: 0 }),
                    }),
            },
          };
        },
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText('Exporting: 200 rows written')).toBeTruthy();
    expect(api.callsOf('StartExport')[0]!.variables.input).toEqual({
      list: 'PERMITTED_EXCEPTIONS',
      permittedExceptions: { status: 'ACTIVE', kind: 'OUTSOURCING' },
    });
    const link = await screen.findByRole('link', { name: 'Download CSV' }, { timeout: JOBS_REFRESH_MS + 2000 });
    expect(link.getAttribute('href')).toBe(`/api/exports/${JOB_ID}`);
    expect(screen.getByText(/250 rows exported/)).toBeTruthy();
  });

  it('says why the API refused, offering no file', async () => {
    renderApp('/recipients', {
      handlers: {
        Recipients: () => ({ data: { recipients: [] } }),
        StartExport: () => graphQLError('FORBIDDEN', 'Your role does not allow this'),
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(screen.getByRole('alert')).toBeTruthy());
    expect(screen.queryByRole('link', { name: 'Download CSV' })).toBeNull();
  });

  it('is not shown to a viewer', async () => {
    renderApp('/recipients', { role: 'VIEWER', handlers: { Recipients: () => ({ data: { recipients: [] } }) } });
    expect(await screen.findByRole('heading', { level: 1 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Export CSV' })).toBeNull();
  });
});
