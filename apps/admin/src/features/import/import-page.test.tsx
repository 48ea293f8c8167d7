import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ImportDryRunQuery, ImportFileQuery, ImportRowFieldsFragment, JobFieldsFragment } from '@steward/schema';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../test/render.js';
import type { Handlers } from '../../test/stub-api.js';
import { IMPORT_UPLOAD_HEADER, IMPORT_UPLOAD_PATH, PROBLEM_PAGE_SIZE } from './use-import.js';

const FILE_ID = '01a24eb5-0000-7000-8000-0000000000f1';
const JOB_ID = '01a24eb5-0000-7000-8000-0000000000a1';

const importFile: ImportFileQuery['importFile'] = {
  id: FILE_ID,
  sha256: 'ab'.repeat(32),
  format: 'csv',
  byteSize: 2048,
  rowCount: 45,
  jobId: null,
  columns: [
    { column: 0, header: '会員番号', guess: 'REFERENCE', samples: ['M-00001', 'M-00002'] },
    { column: 1, header: '氏名', guess: 'NAME', samples: ['山田 太郎', '佐藤 花子'] },
    { column: 2, header: '備考', guess: 'IGNORE', samples: ['', ''] },
    { column: 3, header: '同意した利用目的', guess: 'PURPOSES', samples: ['会員管理', '会員管理'] },
  ],
};

const row = (n: number, overrides: Partial<ImportRowFieldsFragment> = {}): ImportRowFieldsFragment => ({
  row: n,
  status: 'READY',
  cells: [`M-${n}`, `氏名${n}`, '', '会員管理'],
  issues: [],
  ...overrides,
});

/** A dry run of 45 rows: 40 to import, 1 already there, 4 with problems (the page asked for). */
function dryRun(offset: number): { data: ImportDryRunQuery } {
  const problems = [
    row(3, {
      status: 'INVALID',
      issues: [
        {
          row: 3,
          column: 1,
          header: '氏名',
          code: 'FORMULA',
          message: 'The value would run as a spreadsheet formula (it starts with =, +, - or @).',
          params: [],
        },
        {
          row: 3,
          column: 3,
          header: '同意した利用目的',
          code: 'UNKNOWN_PURPOSE',
          message: 'There is no such purpose of use.',
          params: [],
        },
      ],
    }),
  ];
  return {
    data: {
      importDryRun: {
        rows: 45,
        ready: 40,
        existing: 1,
        invalid: PROBLEM_PAGE_SIZE + 4,
        issueCount: 30,
        policyVersion: 3,
        firstRows: [row(2), ...problems],
        problemRows:
          offset === 0 ? problems : [row(44, { status: 'INVALID', issues: [{ ...problems[0]!.issues[0]!, row: 44 }] })],
      },
    },
  };
}

function job(overrides: Partial<JobFieldsFragment>): JobFieldsFragment {
  return {
    id: JOB_ID,
    kind: 'MEMBER_IMPORT',
    status: 'RUNNING',
    attempts: 1,
    maxAttempts: 3,
    progress: { done: 250, total: 45, message: 'import.rows' },
    result: null,
    errorCode: null,
    startedBy: 'Olive Owner',
    createdAt: '2026-04-01T00:00:01.000Z',
    runAt: '2026-04-01T00:00:01.000Z',
    startedAt: '2026-04-01T00:00:02.000Z',
    finishedAt: null,
    abilities: { cancel: false },
    ...overrides,
  };
}

let uploads: { url: string; init: RequestInit }[] = [];
beforeEach(() => {
  uploads = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      uploads.push({ url, init });
      return new Response(JSON.stringify({ id: FILE_ID }), {
        status: 201,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

async function uploadFile(button = 'Upload') {
  await screen.findByRole('heading', { level: 1 });
  const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
  fireEvent.change(input, { target: { files: [new File(['会員番号,氏名\n'], 'members.csv', { type: 'text/csv' })] } });
  fireEvent.click(await screen.findByRole('button', { name: button }));
}

const handlers: Handlers = {
  ImportFile: () => ({ data: { importFile } }),
  ImportDryRun: ({ input }) => dryRun(input.offset ?? 0),
};

describe('import page', () => {
  it('uploads the file with the route’s header and maps the columns from the guesses, editable', async () => {
    const { api } = renderApp('/import', { handlers });
    await uploadFile();
    expect(uploads).toHaveLength(1);
    expect(uploads[0]!.url).toBe(IMPORT_UPLOAD_PATH);
    expect(new Headers(uploads[0]!.init.headers).get(IMPORT_UPLOAD_HEADER)).toBe('1');
    expect(new Headers(uploads[0]!.init.headers).get('content-type')).toBe('text/csv');

    const reference = await screen.findByLabelText('Imported as, for column 会員番号');
    expect((reference as HTMLSelectElement).value).toBe('REFERENCE');
    expect((screen.getByLabelText('Imported as, for column 氏名') as HTMLSelectElement).value).toBe('NAME');
    expect((screen.getByLabelText('Imported as, for column 備考') as HTMLSelectElement).value).toBe('IGNORE');
    expect(screen.getByText('45 rows in 4 columns (SHA-256 abababababab…)')).toBeTruthy();

    // Without a key column, or with one target twice, the dry run cannot start, and the page says why.
    fireEvent.change(reference, { target: { value: 'IGNORE' } });
    expect(screen.getByText('Choose the column that holds: Key (member number).')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Imported as, for column 備考'), { target: { value: 'NAME' } });
    expect(screen.getByText('Name is chosen for more than one column.')).toBeTruthy();
    const check = screen.getByRole('button', { name: 'Check the file (dry run)' });
    expect(check).toHaveProperty('disabled', true);

    fireEvent.change(reference, { target: { value: 'REFERENCE' } });
    fireEvent.change(screen.getByLabelText('Imported as, for column 備考'), { target: { value: 'AFFILIATION' } });
    fireEvent.change(screen.getByLabelText('Every member in the file is a'), { target: { value: 'BUSINESS_USER' } });
    expect(screen.queryByText('The mapping is not complete')).toBeNull();
    fireEvent.click(check);
    await screen.findByText('3. The dry run (nothing written yet)');
    expect(api.callsOf('ImportDryRun')[0]!.variables.input).toEqual({
      fileId: FILE_ID,
      providerKind: 'BUSINESS_USER',
      mapping: [
        { column: 0, target: 'REFERENCE' },
        { column: 1, target: 'NAME' },
        { column: 2, target: 'AFFILIATION' },
        { column: 3, target: 'PURPOSES' },
      ],
      offset: 0,
      limit: PROBLEM_PAGE_SIZE,
    });
  });

  it('previews the counts, the first rows and every row’s problems, paged and in the reader’s language', async () => {
    const { api } = renderApp('/import', { handlers, language: 'ja' });
    await uploadFile('アップロード');
    fireEvent.click(await screen.findByRole('button', { name: 'ファイルを確認（ドライラン）' }));
    expect((await screen.findByTestId('import-count-ready')).textContent).toBe('40');
    expect(screen.getByTestId('import-count-existing').textContent).toBe('1');
    expect(screen.getByTestId('import-count-invalid').textContent).toBe('24');
    const first = screen.getByRole('table', { name: 'ファイルの先頭行' });
    expect(within(first).getByRole('columnheader', { name: '氏名' })).toBeTruthy();
    expect(within(first).getByText('氏名2')).toBeTruthy();
    const problems = screen.getByRole('table', { name: '行ごとの問題' });
    const cells = within(problems)
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
    // policy-core's Japanese wording, not the server's English.
    expect(cells).toEqual([
      ['3', '氏名', expect.stringMatching(/数式/) as unknown as string],
      ['3', '同意した利用目的', expect.stringMatching(/利用目的/) as unknown as string],
    ]);
    fireEvent.click(screen.getByRole('button', { name: '2 ページ' }));
    await waitFor(() =>
      expect(within(screen.getByRole('table', { name: '行ごとの問題' })).getByText('44')).toBeTruthy(),
    );
    expect(api.callsOf('ImportDryRun').map((c) => c.variables.input.offset)).toEqual([0, PROBLEM_PAGE_SIZE]);
  });

  it('a changed mapping needs a new dry run; confirming starts the job and shows its progress, then its result', async () => {
    let polls = 0;
    const { api } = renderApp('/import', {
      role: 'OWNER',
      handlers: {
        ...handlers,
        StartImport: () => ({ data: { startImport: { id: JOB_ID, kind: 'MEMBER_IMPORT', status: 'QUEUED' } } }),
        Job: () => {
          polls += 1;
          return {
            data: {
              job:
                polls === 1
                  ? job({ progress: { done: 20, total: 45, message: 'import.rows' } })
                  : job({
                      status: 'SUCCEEDED',
                      progress: { done: 45, total: 45, message: 'import.rows' },
                      result: JSON.stringify({ created: 40, skipped: 1, invalid: 4, failed: 0 }),
                      finishedAt: '2026-04-01T00:00:09.000Z',
                    }),
            },
          };
        },
      },
    });
    await uploadFile();
    fireEvent.click(await screen.findByRole('button', { name: 'Check the file (dry run)' }));
    await screen.findByRole('button', { name: 'Import 40 members' });
    fireEvent.change(screen.getByLabelText('Imported as, for column 備考'), { target: { value: 'AFFILIATION' } });
    expect(screen.queryByRole('button', { name: 'Import 40 members' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Check the file (dry run)' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Import 40 members' }));

    const dialog = await screen.findByRole('dialog', { name: 'Import these members?' });
    expect(within(dialog).getByText(/40 members are recorded as collections/)).toBeTruthy();
    expect(api.callsOf('StartImport')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import 40 members' }));
    expect(await screen.findByText('20 of 45 rows imported')).toBeTruthy();
    expect(api.callsOf('StartImport')[0]!.variables.input).toMatchObject({
      fileId: FILE_ID,
      mapping: expect.arrayContaining([{ column: 2, target: 'AFFILIATION' }]) as unknown,
    });
    await waitFor(() => expect(screen.getByTestId('import-result-created').textContent).toBe('40'), { timeout: 5000 });
    expect(screen.getByTestId('import-result-skipped').textContent).toBe('1');
    expect(screen.getByTestId('import-result-invalid').textContent).toBe('4');
    expect(screen.getByText('40 members imported; 1 already there, 4 with problems, 0 failed')).toBeTruthy();
    // The upload is closed once the import started.
    expect(screen.getByRole('button', { name: 'Upload' })).toHaveProperty('disabled', true);
  });

  it('is for owners and privacy officers: a viewer is told who may import', async () => {
    renderApp('/import', { role: 'VIEWER' });
    expect(await screen.findByText('Owners and privacy officers import members.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Import members' })).toBeNull();
  });
});
