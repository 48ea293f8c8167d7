import { Button, Card, Stack, Switch, Text } from '@mantine/core';
import type { StaffInvitationsQuery } from '@steward/schema';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { ErrorAlert, MessagesAlert } from '../../components/ErrorAlert.js';
import { errorMessages } from '../../components/errors.js';
import { formatDateTime } from '../../components/format.js';
import { ROLE_LABEL } from '../../components/labels.js';
import { useRevokeStaffInvitation, useStaffInvitations, useStaffSettings } from './use-admin-users.js';

type Invitation = StaffInvitationsQuery['staffInvitations'][number];
function invitationColumns(
  onRevoke: (invitation: Invitation) => void,
  revoking: boolean,
  t: TFunction,
): DataColumn<Invitation>[] {
  return [
    { id: 'name', header: t('staff:columns.name'), value: (i) => i.displayName, bold: true },
    { id: 'email', header: t('staff:columns.email'), value: (i) => i.email },
    { id: 'role', header: t('staff:columns.role'), value: (i) => ROLE_LABEL[i.role] },
    { id: 'invitedBy', header: t('staff:invitations.invitedBy'), value: (i) => i.invitedByName },
    {
      id: 'expiresAt',
      header: t('staff:invitations.expires'),
      value: (i) => i.expiresAt,
      cell: (i) => formatDateTime(i.expiresAt),
      nowrap: true,
    },
    {
      id: 'actions',
      header: '',
      headerLabel: t('staff:columns.actions'),
      cell: (i) => (
        <Button
          size="compact-xs"
          variant="subtle"
          color="red"
          disabled={revoking}
          aria-label={t('staff:invitations.revokeLabel', { email: i.email })}
          onClick={() => onRevoke(i)}
        >
          {t('staff:invitations.revoke')}
        </Button>
      ),
    },
  ];
}

/** Invitations not yet accepted, each revocable (its link stops working). */
export function PendingInvitations() {
  const { t } = useTranslation('staff');
  const { invitations, ...query } = useStaffInvitations();
  const { revoke, fetching } = useRevokeStaffInvitation();
  const [messages, setMessages] = useState<string[]>([]);

  async function onRevoke(invitation: Invitation) {
    const result = await revoke(invitation.id);
    setMessages(errorMessages(result.error));
  }

  return (
    <Stack gap="xs">
      <Text fw={600}>{t('invitations.title')}</Text>
      <MessagesAlert title={t('refused')} messages={messages} />
      <DataTable
        label={t('invitations.table')}
        columns={invitationColumns(onRevoke, fetching, t)}
        rows={invitations}
        empty={t('invitations.empty')}
        query={query}
        loadingLabel={t('invitations.loading')}
        minWidth={700}
      />
    </Stack>
  );
}

/** The organisation's second-factor requirement; fixed on when the server requires it. */
export function MfaRequirementCard() {
  const { t } = useTranslation('staff');
  const { settings, error, setRequired, saving } = useStaffSettings();
  const [messages, setMessages] = useState<string[]>([]);

  async function toggle(required: boolean) {
    setMessages([]);
    const result = await setRequired(required);
    setMessages(errorMessages(result.error));
  }

  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="sm">
        <Text fw={600}>{t('mfa.title')}</Text>
        <ErrorAlert error={error} />
        <MessagesAlert title={t('mfa.refused')} messages={messages} />
        {settings && (
          <Switch
            label={t('mfa.switch')}
            description={settings.requiredByServer ? t('mfa.byServer') : t('mfa.description')}
            checked={settings.requireMfa || settings.requiredByServer}
            disabled={settings.requiredByServer || saving}
            onChange={(e) => void toggle(e.currentTarget.checked)}
          />
        )}
      </Stack>
    </Card>
  );
}
