import {
  BeginTotpEnrolmentDocument,
  ChangePasswordDocument,
  ConfirmTotpEnrolmentDocument,
  DisableTotpDocument,
  EndMySessionDocument,
  MySessionsDocument,
  RegenerateRecoveryCodesDocument,
  type ChangePasswordInput,
} from '@steward/schema';
import { useMutation, useQuery } from 'urql';

export function useChangePassword() {
  const [state, execute] = useMutation(ChangePasswordDocument);
  return { changePassword: (input: ChangePasswordInput) => execute({ input }), fetching: state.fetching };
}

export function useMySessions() {
  const [result, reexecute] = useQuery({ query: MySessionsDocument, requestPolicy: 'cache-and-network' });
  const [state, execute] = useMutation(EndMySessionDocument);
  return {
    sessions: result.data?.mySessions ?? [],
    fetching: result.fetching,
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
    /** Answers true in `data.endMySession` when the session ended was this one. */
    endSession: (id: string) => execute({ input: { id } }),
    ending: state.fetching,
  };
}

export function useTotpEnrolment() {
  const [beginState, begin] = useMutation(BeginTotpEnrolmentDocument);
  const [confirmState, confirm] = useMutation(ConfirmTotpEnrolmentDocument);
  return {
    begin: () => begin({}),
    confirm: (code: string, password: string) => confirm({ input: { code, password } }),
    fetching: beginState.fetching || confirmState.fetching,
  };
}

export function useSecondFactor() {
  const [regenerateState, regenerate] = useMutation(RegenerateRecoveryCodesDocument);
  const [disableState, disable] = useMutation(DisableTotpDocument);
  return {
    regenerate: (code: string) => regenerate({ input: { code } }),
    regenerating: regenerateState.fetching,
    disable: (password: string) => disable({ input: { password } }),
    disabling: disableState.fetching,
  };
}
