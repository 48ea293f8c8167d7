import {
  AddIncidentNoteDocument,
  ChangeIncidentAffectedDocument,
  ChangeIncidentStatusDocument,
  IncidentAffectedPreviewDocument,
  IncidentAffectedProvidersDocument,
  IncidentDocument,
  IncidentReportDocument,
  IncidentsDocument,
  JobsDocument,
  RecordIncidentDocument,
  RecordIncidentNotificationDocument,
  RecordIncidentReportDocument,
  UpdateIncidentDocument,
  type AddIncidentNoteInput,
  type ChangeIncidentAffectedInput,
  type ChangeIncidentStatusInput,
  type IncidentAffectedSelectionInput,
  type IncidentFieldsFragment,
  type IncidentFilter,
  type IncidentOrder,
  type IncidentReportKind,
  type RecordIncidentInput,
  type RecordIncidentNotificationInput,
  type RecordIncidentReportInput,
  type UpdateIncidentInput,
} from '@steward/schema';
import { useMemo } from 'react';
import { useMutation, useQuery } from 'urql';
import { connectionPage } from '../../components/connection-page.js';

export type Incident = IncidentFieldsFragment;

export const INCIDENTS_PAGE_SIZE = 50;
export const AFFECTED_PAGE_SIZE = 20;

export function useIncidents(filter: IncidentFilter, orderBy: IncidentOrder, after: string | null) {
  const [result, reexecute] = useQuery({
    query: IncidentsDocument,
    variables: { filter, orderBy, first: INCIDENTS_PAGE_SIZE, after },
    requestPolicy: 'cache-and-network',
  });
  return { ...connectionPage(result.data?.incidents, result, reexecute), loaded: result.data !== undefined };
}

export function useIncident(id: string) {
  const [result, reexecute] = useQuery({ query: IncidentDocument, variables: { id }, requestPolicy: 'network-only' });
  return {
    incident: result.data?.incident ?? null,
    loaded: result.data !== undefined,
    fetching: result.fetching,
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

export function useIncidentAffectedProviders(id: string, after: string | null) {
  const [result, reexecute] = useQuery({
    query: IncidentAffectedProvidersDocument,
    variables: { id, first: AFFECTED_PAGE_SIZE, after },
    requestPolicy: 'cache-and-network',
  });
  return {
    ...connectionPage(result.data?.incident?.affectedProviders, result, reexecute),
    loaded: result.data !== undefined,
  };
}

export function useIncidentReport(id: string, kind: IncidentReportKind) {
  const [result, reexecute] = useQuery({
    query: IncidentReportDocument,
    variables: { id, kind },
    requestPolicy: 'network-only',
  });
  return {
    incident: result.data?.incident ?? null,
    fetching: result.fetching,
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

/** How many providers a complete selection holds (nothing stored); paused while it is incomplete. */
export function useAffectedPreview(input: IncidentAffectedSelectionInput | null) {
  const [result] = useQuery({
    query: IncidentAffectedPreviewDocument,
    // A stand-in the query never sends: paused without a selection.
    variables: { input: input ?? { selector: 'PICKED' } },
    pause: input === null,
  });
  return { preview: input ? (result.data?.incidentAffectedPreview ?? null) : null, error: result.error };
}

/** Finished exports of the providers list: what the IN_EXPORT selection chooses from. */
export function useProviderExports() {
  const [result] = useQuery({ query: JobsDocument, variables: { first: 100 } });
  return useMemo(
    () =>
      (result.data?.jobs.edges ?? [])
        .map((e) => e.node)
        .filter(
          (job) => job.kind === 'LIST_EXPORT' && job.status === 'SUCCEEDED' && exportedList(job.result) === 'PROVIDERS',
        ),
    [result.data],
  );
}

/** The list an export job wrote (its result is a JSON object with `list`). */
function exportedList(result: string | null): string | null {
  if (!result) return null;
  try {
    const parsed: unknown = JSON.parse(result);
    return parsed && typeof parsed === 'object' && 'list' in parsed && typeof parsed.list === 'string'
      ? parsed.list
      : null;
  } catch {
    return null;
  }
}

export function useIncidentMutations() {
  const [a, record] = useMutation(RecordIncidentDocument);
  const [b, update] = useMutation(UpdateIncidentDocument);
  const [c, changeStatus] = useMutation(ChangeIncidentStatusDocument);
  const [d, recordReport] = useMutation(RecordIncidentReportDocument);
  const [e, recordNotification] = useMutation(RecordIncidentNotificationDocument);
  const [f, addNote] = useMutation(AddIncidentNoteDocument);
  const [g, changeAffected] = useMutation(ChangeIncidentAffectedDocument);
  return {
    record: (input: RecordIncidentInput) => record({ input }),
    update: (input: UpdateIncidentInput) => update({ input }),
    changeStatus: (input: ChangeIncidentStatusInput) => changeStatus({ input }),
    recordReport: (input: RecordIncidentReportInput) => recordReport({ input }),
    recordNotification: (input: RecordIncidentNotificationInput) => recordNotification({ input }),
    addNote: (input: AddIncidentNoteInput) => addNote({ input }),
    changeAffected: (input: ChangeIncidentAffectedInput) => changeAffected({ input }),
    fetching: a.fetching || b.fetching || c.fetching || d.fetching || e.fetching || f.fetching || g.fetching,
  };
}
