import {
  ImportDryRunDocument,
  ImportFileDocument,
  StartImportDocument,
  type ImportColumnInput,
  type ImportDryRunQuery,
  type ProviderKind,
} from '@steward/schema';
import { useCallback, useState } from 'react';
import { useClient, useMutation, useQuery, type CombinedError } from 'urql';

/** The API's upload route and the header it requires (its CSRF guard): apps/api/src/imports/import-upload.route.ts. */
export const IMPORT_UPLOAD_PATH = '/api/imports';
export const IMPORT_UPLOAD_HEADER = 'x-steward-upload';
/** Rows with problems per page of the preview. */
export const PROBLEM_PAGE_SIZE = 20;

const TYPES: Record<string, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The upload's outcome: the stored file's id, or the route's error code (UNSUPPORTED_MEDIA_TYPE, …, NETWORK). */
export type UploadResult = { id: string } | { error: string };

/** Sends a CSV or xlsx file to the upload route (the session cookie goes with it; same origin). */
export async function uploadImportFile(file: File): Promise<UploadResult> {
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  const type = TYPES[extension] ?? file.type;
  try {
    const res = await fetch(IMPORT_UPLOAD_PATH, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': type, [IMPORT_UPLOAD_HEADER]: '1' },
      body: file,
    });
    const body = (await res.json().catch(() => ({}))) as { id?: string; error?: { code?: string } };
    if (res.ok && body.id) return { id: body.id };
    return { error: body.error?.code ?? `HTTP_${res.status}` };
  } catch {
    return { error: 'NETWORK' };
  }
}

export function useImportFile(id: string | null) {
  const [result] = useQuery({
    query: ImportFileDocument,
    variables: { id: id ?? '' },
    pause: !id,
    requestPolicy: 'network-only',
  });
  return { file: result.data?.importFile ?? null, fetching: result.fetching, error: result.error };
}

export type ImportSettings = { fileId: string; mapping: ImportColumnInput[]; providerKind: ProviderKind };
export type DryRun = ImportDryRunQuery['importDryRun'];

/** Runs the dry run on request (a button), one page of the rows with problems at a time. */
export function useImportDryRun() {
  const client = useClient();
  const [state, setState] = useState<{
    run: DryRun | null;
    page: number;
    fetching: boolean;
    error: CombinedError | null;
  }>({ run: null, page: 0, fetching: false, error: null });
  const load = useCallback(
    async (settings: ImportSettings, page: number) => {
      setState((s) => ({ ...s, fetching: true, error: null }));
      const result = await client
        .query(
          ImportDryRunDocument,
          { input: { ...settings, offset: page * PROBLEM_PAGE_SIZE, limit: PROBLEM_PAGE_SIZE } },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      setState((s) => ({
        run: result.data?.importDryRun ?? (result.error ? null : s.run),
        page,
        fetching: false,
        error: result.error ?? null,
      }));
    },
    [client],
  );
  const reset = useCallback(() => setState({ run: null, page: 0, fetching: false, error: null }), []);
  return { ...state, load, reset };
}

export function useStartImport() {
  const [state, execute] = useMutation(StartImportDocument);
  return { start: (input: ImportSettings) => execute({ input }), fetching: state.fetching, error: state.error };
}
