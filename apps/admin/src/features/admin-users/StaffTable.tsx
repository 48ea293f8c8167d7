import { Badge, Button, Group, Menu, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { ADMIN_ROLES } from '@steward/policy-core';
import type { AdminRole, AdminUsersQuery } from '@steward/schema';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal.js';
import { DataTable, type DataColumn, type TableQuery } from '../../components/DataTable.js';
import { MessagesAlert } from '../../components/ErrorAlert.js';
import { errorMessages, type ErrorLike } from '../../components/errors.js';
import { formatDateTime } from '../../components/format.js';
import { ROLE_LABEL } from '../../components/labels.js';
import { OneTimeValue } from '../../components/OneTimeValue.js';
import { StaffHistoryModal } from './StaffHistoryModal.js';
import { useStaffActions } from './use-admin-users.js';

export type StaffRow = AdminUsersQuery['adminUsers'][number];

/** What an owner may do with a staff row (the API's `abilities`). */
export type StaffAbility = keyof NonNullable<StaffRow['abilities']>;

const ABILITY_ORDER: readonly StaffAbility[] = [
  'changeRole',
  'resetPassword',
  'resetMfa',
  'endSessions',
  'deactivate',
  'reactivate',
];
/** The actions asked once more (with a `confirm.<action>` title, body and button in the catalogue). */
const CONFIRMED = ['deactivate', 'resetPassword', 'resetMfa', 'endSessions'] as const;
type ConfirmedAbility = (typeof CONFIRMED)[number];
const isConfirmed = (a: StaffAbility): a is ConfirmedAbility => (CONFIRMED as readonly string[]).includes(a);

/** The row's actions in one menu, so the table keeps its width whatever a member's abilities. */
function RowActions({ user, onAction }: { user: StaffRow; onAction: (action: StaffAbility) => void }) {
  const { t } = useTranslation('staff');
  const actions = ABILITY_ORDER.filter((a) => user.abilities?.[a]);
  if (actions.length === 0) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          size="compact-xs"
          variant="default"
          aria-label={t('actionsFor', { name: user.displayName })}
          rightSection="▾"
        >
          {t('manage')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {actions.map((action) => (
          <Menu.Item key={action} color={action === 'deactivate' ? 'red' : undefined} onClick={() => onAction(action)}>
            {t(`abilities.${action}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function staffColumns(
  onAction: (user: StaffRow, action: StaffAbility) => void,
  onHistory: (user: StaffRow) => void,
  t: TFunction,
): DataColumn<StaffRow>[] {
  return [
    {
      // Name and e-mail share a column, so the actions stay in view on a laptop screen.
      id: 'name',
      header: t('staff:columns.name'),
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
      header: t('staff:columns.role'),
      value: (u) => ROLE_LABEL[u.role],
      cell: (u) => (
        <Badge variant="light" color={u.role === 'VIEWER' ? 'gray' : 'blue'} size="sm">
          {ROLE_LABEL[u.role]}
        </Badge>
      ),
    },
    {
      id: 'status',
      header: t('staff:columns.status'),
      value: (u) => (u.active ? t('staff:active') : t('staff:deactivated')),
      cell: (u) => (
        <Stack gap={2}>
          <Badge variant="light" color={u.active ? 'teal' : 'gray'} size="sm">
            {u.active ? t('staff:active') : t('staff:deactivated')}
          </Badge>
          {u.mustChangePassword && (
            <Text size="xs" c="dimmed">
              {t('staff:mustChangePassword')}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      id: 'mfa',
      header: t('staff:columns.secondFactor'),
      value: (u) => (u.mfaEnrolled ? t('common:states.yes') : t('common:states.no')),
    },
    { id: 'sessions', header: t('staff:columns.sessions'), value: (u) => u.openSessions },
    {
      id: 'lastLoginAt',
      header: t('staff:columns.lastSignIn'),
      value: (u) => u.lastLoginAt,
      cell: (u) => (u.lastLoginAt ? formatDateTime(u.lastLoginAt) : t('staff:never')),
      nowrap: true,
    },
    {
      id: 'actions',
      header: '',
      headerLabel: t('staff:columns.actions'),
      nowrap: true,
      cell: (u) => (
        <Group gap="xs" wrap="nowrap" justify="flex-end">
          <Button
            size="compact-xs"
            variant="subtle"
            aria-label={t('staff:history.label', { name: u.displayName })}
            onClick={() => onHistory(u)}
          >
            {t('staff:history.button')}
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
  const { t } = useTranslation('staff');
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

  return (
    <>
      <MessagesAlert title={t('refused')} messages={messages} />
      <DataTable
        label={t('table')}
        columns={staffColumns(onAction, (u) => setHistoryOf({ id: u.id, name: u.displayName }), t)}
        rows={users}
        empty={t('empty')}
        query={query}
        loadingLabel={t('loading')}
        minWidth={760}
      />
      <ConfirmModal
        opened={confirming !== null}
        title={confirming ? t(`confirm.${confirming.action}.title`) : ''}
        confirmLabel={confirming ? t(`confirm.${confirming.action}.button`) : ''}
        loading={actions.fetching}
        onConfirm={() => confirming && void run(confirming)}
        onCancel={() => setPending(null)}
      >
        {confirming && t(`confirm.${confirming.action}.body`, { name: confirming.user.displayName })}
      </ConfirmModal>
      <Modal
        opened={pending?.action === 'changeRole'}
        onClose={() => setPending(null)}
        title={pending ? t('changeRole.title', { name: pending.user.displayName }) : ''}
      >
        <Stack gap="md">
          <NativeSelect
            label={t('changeRole.label')}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as AdminRole)}
            data={ADMIN_ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }))}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPending(null)}>
              {t('common:actions.cancel')}
            </Button>
            <Button loading={actions.fetching} onClick={() => pending && void run(pending)}>
              {t('changeRole.save')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <StaffHistoryModal member={historyOf} onClose={() => setHistoryOf(null)} />
      <Modal
        opened={temporary !== null}
        onClose={() => setTemporary(null)}
        title={t('temporaryPassword.title')}
        closeOnClickOutside={false}
      >
        {temporary && (
          <OneTimeValue
            value={temporary.password}
            name={t('temporaryPassword.name')}
            warning={t('temporaryPassword.warning')}
            copyLabel={t('temporaryPassword.copy')}
            actions={<Button onClick={() => setTemporary(null)}>{t('temporaryPassword.done')}</Button>}
          >
            {t('temporaryPassword.handOver', { name: temporary.name })}
          </OneTimeValue>
        )}
      </Modal>
    </>
  );
}
