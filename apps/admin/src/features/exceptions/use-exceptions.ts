import {
  ApproveExceptionDocument,
  CreateExceptionDocument,
  PermittedExceptionDocument,
  PermittedExceptionsDocument,
  RevokeExceptionDocument,
  UpdateExceptionDocument,
  type CreateExceptionInput,
  type ExceptionKind,
  type ExceptionStatus,
  type UpdateExceptionInput,
} from '@steward/schema';
import { useMutation, useQuery } from 'urql';

export function usePermittedExceptions(filter: {
  status: ExceptionStatus | null;
  kind: ExceptionKind | null;
  awaitingMyApproval?: boolean;
}) {
  const [result, reexecute] = useQuery({
    query: PermittedExceptionsDocument,
    variables: {
      status: filter.status,
      kind: filter.kind,
      ...(filter.awaitingMyApproval ? { awaitingMyApproval: true } : {}),
    },
    requestPolicy: 'cache-and-network',
  });
  return {
    exceptions: result.data?.permittedExceptions ?? [],
    loaded: result.data !== undefined,
    fetching: result.fetching,
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

export function usePermittedException(id: string) {
  const [result, reexecute] = useQuery({
    query: PermittedExceptionDocument,
    variables: { id },
    requestPolicy: 'cache-and-network',
    pause: id === '',
  });
  return {
    exception: result.data?.permittedException ?? null,
    loaded: result.data !== undefined,
    fetching: result.fetching,
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

export function useCreateException() {
  const [state, execute] = useMutation(CreateExceptionDocument);
  return { createException: (input: CreateExceptionInput) => execute({ input }), fetching: state.fetching };
}

export function useUpdateException() {
  const [state, execute] = useMutation(UpdateExceptionDocument);
  return { updateException: (input: UpdateExceptionInput) => execute({ input }), fetching: state.fetching };
}

export function useApproveException() {
  const [state, execute] = useMutation(ApproveExceptionDocument);
  return {
    approve: (id: string, expectedVersion: number) => execute({ input: { id, expectedVersion } }),
    fetching: state.fetching,
  };
}

export function useRevokeException() {
  const [state, execute] = useMutation(RevokeExceptionDocument);
  return {
    revoke: (id: string, reason: string, expectedVersion: number) =>
      execute({ input: { id, reason, expectedVersion } }),
    fetching: state.fetching,
  };
}
