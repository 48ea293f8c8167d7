import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import type { MySessionsQuery } from '@steward/schema';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useResetClient } from '../../app/client-reset.js';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { MessagesAlert } from '../../components/ErrorAlert.js';
import { errorMessages } from '../../components/errors.js';
import { formatDateTime } from '../../components/format.js';
import { ACCOUNT_TEXT } from './account-texts.js';
import { useMySessions } from './use-account.js';

type Session = MySessionsQuery['mySessions'][number];
const T = ACCOUNT_TEXT.sessions;

const deviceOf = (s: Session) => s.device ?? T.unknownDevice;

function sessionColumns(onEnd: (session: Session) => void, ending: boolean): DataColumn<Session>[] {
  return [
    {
      id: 'device',
      header: T.device,
      value: deviceOf,
      cell: (s) => (
        <Group gap="xs" wrap="nowrap">
          <Text size="sm">{deviceOf(s)}</Text>
          {s.current && (
            <Badge size="sm" variant="light" color="teal">
              {T.thisOne}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      id: 'createdAt',
      header: T.signedIn,
      value: (s) => s.createdAt,
      cell: (s) => formatDateTime(s.createdAt),
      nowrap: true,
    },
    {
      id: 'lastSeenAt',
      header: T.lastSeen,
      value: (s) => s.lastSeenAt,
      cell: (s) => formatDateTime(s.lastSeenAt),
      nowrap: true,
    },
    {
      id: 'actions',
      header: '',
      headerLabel: T.signOut,
      cell: (s) => (
        <Button
          size="compact-xs"
          variant="default"
          disabled={ending}
          aria-label={T.signOutLabel(s.current ? T.thisOne : deviceOf(s))}
          onClick={() => onEnd(s)}
        >
          {T.signOut}
        </Button>
      ),
    },
  ];
}

/** One's own open sessions (this one marked), each with "Sign out"; ending this one signs out here. */
export function SessionsCard() {
  const { sessions, endSession, ending, ...query } = useMySessions();
  const [messages, setMessages] = useState<string[]>([]);
  const resetClient = useResetClient();
  const navigate = useNavigate();

  async function onEnd(session: Session) {
    const result = await endSession(session.id);
    setMessages(errorMessages(result.error));
    if (result.data?.endMySession) {
      resetClient();
      void navigate('/login', { replace: true });
    } else query.refetch();
  }

  return (
    <Stack gap="xs">
      <Text fw={600}>{T.title}</Text>
      <MessagesAlert title={T.refused} messages={messages} />
      <DataTable
        label={T.table}
        columns={sessionColumns(onEnd, ending)}
        rows={sessions}
        empty={T.empty}
        query={query}
        loadingLabel={T.loading}
        minWidth={560}
      />
    </Stack>
  );
}
