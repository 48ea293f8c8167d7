import {
  AdminUsersDocument,
  ChangeStaffRoleDocument,
  CreateAdminUserDocument,
  DeactivateStaffDocument,
  EndStaffSessionsDocument,
  InviteStaffDocument,
  ReactivateStaffDocument,
  ResetStaffMfaDocument,
  ResetStaffPasswordDocument,
  RevokeStaffInvitationDocument,
  SetMfaRequirementDocument,
  StaffHistoryDocument,
  StaffInvitationsDocument,
  StaffSettingsDocument,
  type AdminRole,
  type CreateAdminUserInput,
  type InviteStaffInput,
} from '@steward/schema';
import { useMutation, useQuery } from 'urql';

export function useAdminUsers() {
  const [result, reexecute] = useQuery({ query: AdminUsersDocument });
  return {
    users: result.data?.adminUsers ?? [],
    fetching: result.fetching,
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

/** One member's account history; nothing is asked while `id` is null (the dialog is closed). */
export function useStaffHistory(id: string | null) {
  const [result, reexecute] = useQuery({
    query: StaffHistoryDocument,
    variables: { id: id ?? '' },
    pause: id === null,
    requestPolicy: 'network-only',
  });
  return {
    entries: result.data?.staffHistory ?? [],
    fetching: result.fetching,
    error: result.error,
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

export function useCreateAdminUser() {
  const [state, execute] = useMutation(CreateAdminUserDocument);
  return { createAdminUser: (input: CreateAdminUserInput) => execute({ input }), fetching: state.fetching };
}

// An empty list names no type the document cache could invalidate: inviting must still refresh it.
const invitationsContext = { additionalTypenames: ['StaffInvitation'] };

export function useStaffInvitations() {
  const [result, reexecute] = useQuery({ query: StaffInvitationsDocument, context: invitationsContext });
  return {
    invitations: result.data?.staffInvitations ?? [],
    fetching: result.fetching,
    error: result.error,
    loaded: Boolean(result.data),
    refetch: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

export function useInviteStaff() {
  const [state, execute] = useMutation(InviteStaffDocument);
  return { invite: (input: InviteStaffInput) => execute({ input }), fetching: state.fetching };
}

export function useRevokeStaffInvitation() {
  const [state, execute] = useMutation(RevokeStaffInvitationDocument);
  return { revoke: (id: string) => execute({ input: { id } }), fetching: state.fetching };
}

export function useStaffSettings() {
  const [result] = useQuery({ query: StaffSettingsDocument });
  const [state, execute] = useMutation(SetMfaRequirementDocument);
  return {
    settings: result.data?.staffSettings ?? null,
    error: result.error,
    setRequired: (required: boolean) => execute({ input: { required } }),
    saving: state.fetching,
  };
}

/** The per-row actions of the staff table; each answers the changed account (the table refreshes). */
export function useStaffActions() {
  const [changeRoleState, changeRole] = useMutation(ChangeStaffRoleDocument);
  const [deactivateState, deactivate] = useMutation(DeactivateStaffDocument);
  const [reactivateState, reactivate] = useMutation(ReactivateStaffDocument);
  const [resetPasswordState, resetPassword] = useMutation(ResetStaffPasswordDocument);
  const [resetMfaState, resetMfa] = useMutation(ResetStaffMfaDocument);
  const [endSessionsState, endSessions] = useMutation(EndStaffSessionsDocument);
  return {
    changeRole: (id: string, role: AdminRole) => changeRole({ input: { id, role } }),
    deactivate: (id: string) => deactivate({ input: { id } }),
    reactivate: (id: string) => reactivate({ input: { id } }),
    resetPassword: (id: string) => resetPassword({ input: { id } }),
    resetMfa: (id: string) => resetMfa({ input: { id } }),
    endSessions: (id: string) => endSessions({ input: { id } }),
    fetching: [
      changeRoleState,
      deactivateState,
      reactivateState,
      resetPasswordState,
      resetMfaState,
      endSessionsState,
    ].some((s) => s.fetching),
  };
}
