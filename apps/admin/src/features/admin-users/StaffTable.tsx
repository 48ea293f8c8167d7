import { Badge, Button, Group, Menu, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { ADMIN_ROLES } from '@steward/policy-core';
import type { AdminRole, AdminUsersQuery } from '@steward/schema';
import { useState } from 'react';
import { ConfirmModal } from '../../components/ConfirmModal.js';
import { DataTable, type DataColumn, type TableQuery } from '../../components/DataTable.js';
import { MessagesAlert } from '../../components/ErrorAlert.js';
import { errorMessages, type ErrorLike } from '../../components/errors.js';
import { formatDateTime } from '../../components/format.js';
import { ROLE_LABEL } from '../../components/labels.js';
import { OneTimeValue } from '../../components/OneTimeValue.js';
import { StaffHistoryModal } from './StaffHistoryModal.js';
import { STAFF_TEXT, type StaffAbility } from './staff-texts.js';
import { useStaffActions } from './use-admin-users.js';

export type StaffRow = AdminUsersQuery['adminUsers'][number];

const T = STAFF_TEXT;
const ABILITY_ORDER: readonly StaffAbility[] = [
  'changeRole',
  'resetPassword',
  'resetMfa',
  'endSessions',
  'deactivate',
  'reactivate',
];
type ConfirmedAbility = keyof typeof STAFF_TEXT.confirm;
const isConfirmed = (a: StaffAbility): a is ConfirmedAbility => a in STAFF_TEXT.confirm;

/** The row's actions in one menu, so the table keeps its width whatever a member's abilities. */
function RowActions({ user, onAction }: { user: StaffRow; onAction: (action: StaffAbility) => void }) {
  const actions = ABILITY_ORDER.filter((a) => user.abilities?.[a]);
  if (actions.length === 0) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="compact-xs" variant="default" aria-label={T.actionsFor(user.displayName)}>
          {T.manage} ▾
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {actions.map((action) => (
          <Menu.Item key={action} color={action === 'deactivate' ? 'red' : undefined} onClick={() => onAction(action)}>
            {T.abilities[action]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function staffColumns(
  onAction: (user: StaffRow, action: StaffAbility) => void,
  onHistory: (user: StaffRow) => void,
): DataColumn<StaffRow>[] {
  return [
    {
      // Name and e-mail share a column, so the actions stay in view on a laptop screen.
      id: 'name',
      header: T.columns.name,
      value: (u) => `${u.displayName} <${u.email}>`,
      cell: (u) => (
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {u.displayName}
          </Text>
          <Text size="xs" c="dimmed">
            {u.email}
          </Text>
        </Stack>
      ),
    },
    {
      id: 'role',
      header: T.columns.role,
      value: (u) => ROLE_LABEL[u.role],
      cell: (u) => (
        <Badge variant="light" color={u.role === 'VIEWER' ? 'gray' : 'blue'} size="sm">
          {ROLE_LABEL[u.role]}
        </Badge>
      ),
    },
    {
      id: 'status',
      header: T.columns.status,
      value: (u) => (u.active ? T.active : T.deactivated),
      cell: (u) => (
        <Stack gap={2}>
          <Badge variant="light" color={u.active ? 'teal' : 'gray'} size="sm">
            {u.active ? T.active : T.deactivated}
          </Badge>
          {u.mustChangePassword && (
            <Text size="xs" c="dimmed">
              {T.mustChangePassword}
            </Text>
          )}
        </Stack>
      ),
    },
    { id: 'mfa', header: T.columns.secondFactor, value: (u) => (u.mfaEnrolled ? T.yes : T.no) },
    { id: 'sessions', header: T.columns.sessions, value: (u) => u.openSessions },
    {
      id: 'lastLoginAt',
      header: T.columns.lastSignIn,
      value: (u) => u.lastLoginAt,
      cell: (u) => (u.lastLoginAt ? formatDateTime(u.lastLoginAt) : T.never),
      nowrap: true,
    },
    {
      id: 'actions',
      header: '',
      headerLabel: T.columns.actions,
      nowrap: true,
      cell: (u) => (
        <Group gap="xs" wrap="nowrap" justify="flex-end">
          <Button
            size="compact-xs"
            variant="subtle"
            aria-label={T.history.label(u.displayName)}
            onClick={() => onHistory(u)}
          >
            {T.history.button}
          </Button>
          <RowActions user={u} onAction={(action) => onAction(u, action)} />
        </Group>
      ),
    },
  ];
}

type Pending = { user: StaffRow; action: StaffAbility };

/** The staff table with its per-row actions, each offered only when the row's `abilities` allow it. */
export function StaffTable({ users, query }: { users: readonly StaffRow[]; query: TableQuery }) {
  const actions = useStaffActions();
  const [pending, setPending] = useState<Pending | null>(null);
  const [role, setRole] = useState<AdminRole | ''>('');
  const [messages, setMessages] = useState<string[]>([]);
  // The temporary password lives only here, until the modal is closed.
  const [temporary, setTemporary] = useState<{ name: string; password: string } | null>(null);
  const [historyOf, setHistoryOf] = useState<{ id: string; name: string } | null>(null);

  function finish(error: ErrorLike | undefined) {
    setPending(null);
    setMessages(errorMessages(error));
  }

  async function run({ user, action }: Pending) {
    switch (action) {
      case 'changeRole':
        if (role) finish((await actions.changeRole(user.id, role)).error);
        return;
      case 'reactivate':
        return finish((await actions.reactivate(user.id)).error);
      case 'deactivate':
        return finish((await actions.deactivate(user.id)).error);
      case 'resetMfa':
        return finish((await actions.resetMfa(user.id)).error);
      case 'endSessions':
        return finish((await actions.endSessions(user.id)).error);
      case 'resetPassword': {
        const result = await actions.resetPassword(user.id);
        finish(result.error);
        const password = result.data?.resetStaffPassword.temporaryPassword;
        if (password) setTemporary({ name: user.displayName, password });
      }
    }
  }

  function onAction(user: StaffRow, action: StaffAbility) {
    setMessages([]);
    if (action === 'reactivate') return void run({ user, action });
    setRole(user.role);
    setPending({ user, action });
  }

  const confirming = pending && isConfirmed(pending.action) ? { ...pending, action: pending.action } : null;
  const confirmText = confirming ? T.confirm[confirming.action] : null;

  return (
    <>
      <MessagesAlert title={T.refused} messages={messages} />
      <DataTable
        label={T.table}
        columns={staffColumns(onAction, (u) => setHistoryOf({ id: u.id, name: u.displayName }))}
        rows={users}
        empty={T.empty}
        query={query}
        loadingLabel={T.loading}
        minWidth={760}
      />
      <ConfirmModal
        opened={confirming !== null}
        title={confirmText?.title ?? ''}
        confirmLabel={confirmText?.button ?? ''}
        loading={actions.fetching}
        onConfirm={() => confirming && void run(confirming)}
        onCancel={() => setPending(null)}
      >
        {confirming && confirmText?.body(confirming.user.displayName)}
      </ConfirmModal>
      <Modal
        opened={pending?.action === 'changeRole'}
        onClose={() => setPending(null)}
        title={pending ? T.changeRole.title(pending.user.displayName) : ''}
      >
        <Stack gap="md">
          <NativeSelect
            label={T.changeRole.label}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as AdminRole)}
            data={ADMIN_ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }))}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPending(null)}>
              {T.changeRole.cancel}
            </Button>
            <Button loading={actions.fetching} onClick={() => pending && void run(pending)}>
              {T.changeRole.save}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <StaffHistoryModal member={historyOf} onClose={() => setHistoryOf(null)} />
      <Modal
        opened={temporary !== null}
        onClose={() => setTemporary(null)}
        title={T.temporaryPassword.title}
        closeOnClickOutside={false}
      >
        {temporary && (
          <OneTimeValue
            value={temporary.password}
            name={T.temporaryPassword.name}
            warning={T.temporaryPassword.warning}
            copyLabel={T.temporaryPassword.copy}
            actions={<Button onClick={() => setTemporary(null)}>{T.temporaryPassword.done}</Button>}
          >
            {T.temporaryPassword.handOver(temporary.name)}
          </OneTimeValue>
        )}
      </Modal>
    </>
  );
}
