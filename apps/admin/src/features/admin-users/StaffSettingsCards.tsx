import { Button, Card, Stack, Switch, Text } from '@mantine/core';
import type { StaffInvitationsQuery } from '@steward/schema';
import { useState } from 'react';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { ErrorAlert, MessagesAlert } from '../../components/ErrorAlert.js';
import { errorMessages } from '../../components/errors.js';
import { formatDateTime } from '../../components/format.js';
import { ROLE_LABEL } from '../../components/labels.js';
import { STAFF_TEXT } from './staff-texts.js';
import { useRevokeStaffInvitation, useStaffInvitations, useStaffSettings } from './use-admin-users.js';

type Invitation = StaffInvitationsQuery['staffInvitations'][number];
const T = STAFF_TEXT;

function invitationColumns(onRevoke: (invitation: Invitation) => void, revoking: boolean): DataColumn<Invitation>[] {
  return [
    { id: 'name', header: T.columns.name, value: (i) => i.displayName, bold: true },
    { id: 'email', header: T.columns.email, value: (i) => i.email },
    { id: 'role', header: T.columns.role, value: (i) => ROLE_LABEL[i.role] },
    { id: 'invitedBy', header: T.invitations.invitedBy, value: (i) => i.invitedByName },
    {
      id: 'expiresAt',
      header: T.invitations.expires,
      value: (i) => i.expiresAt,
      cell: (i) => formatDateTime(i.expiresAt),
      nowrap: true,
    },
    {
      id: 'actions',
      header: '',
      headerLabel: T.columns.actions,
      cell: (i) => (
        <Button
          size="compact-xs"
          variant="subtle"
          color="red"
          disabled={revoking}
          aria-label={T.invitations.revokeLabel(i.email)}
          onClick={() => onRevoke(i)}
        >
          {T.invitations.revoke}
        </Button>
      ),
    },
  ];
}

/** Invitations not yet accepted, each revocable (its link stops working). */
export function PendingInvitations() {
  const { invitations, ...query } = useStaffInvitations();
  const { revoke, fetching } = useRevokeStaffInvitation();
  const [messages, setMessages] = useState<string[]>([]);

  async function onRevoke(invitation: Invitation) {
    const result = await revoke(invitation.id);
    setMessages(errorMessages(result.error));
  }

  return (
    <Stack gap="xs">
      <Text fw={600}>{T.invitations.title}</Text>
      <MessagesAlert title={T.refused} messages={messages} />
      <DataTable
        label={T.invitations.table}
        columns={invitationColumns(onRevoke, fetching)}
        rows={invitations}
        empty={T.invitations.empty}
        query={query}
        loadingLabel={T.invitations.loading}
        minWidth={700}
      />
    </Stack>
  );
}

/** The organisation's second-factor requirement; fixed on when the server requires it. */
export function MfaRequirementCard() {
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
        <Text fw={600}>{T.mfa.title}</Text>
        <ErrorAlert error={error} />
        <MessagesAlert title={T.mfa.refused} messages={messages} />
        {settings && (
          <Switch
            label={T.mfa.switch}
            description={settings.requiredByServer ? T.mfa.byServer : T.mfa.description}
            checked={settings.requireMfa || settings.requiredByServer}
            disabled={settings.requiredByServer || saving}
            onChange={(e) => void toggle(e.currentTarget.checked)}
          />
        )}
      </Stack>
    </Card>
  );
}
