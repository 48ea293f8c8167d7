import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import type { MySessionsQuery } from '@steward/schema';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useResetClient } from '../../app/client-reset.js';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { MessagesAlert } from '../../components/ErrorAlert.js';
import { errorMessages } from '../../components/errors.js';
import { formatDateTime } from '../../components/format.js';
import { useMySessions } from './use-account.js';

type Session = MySessionsQuery['mySessions'][number];
function sessionColumns(t: TFunction, onEnd: (session: Session) => void, ending: boolean): DataColumn<Session>[] {
  const deviceOf = (s: Session) => s.device ?? t('sessions.unknownDevice');
  return [
    {
      id: 'device',
      header: t('sessions.device'),
      value: deviceOf,
      cell: (s) => (
        <Group gap="xs" wrap="nowrap">
          <Text size="sm">{deviceOf(s)}</Text>
          {s.current && (
            <Badge size="sm" variant="light" color="teal">
              {t('sessions.thisOne')}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      id: 'createdAt',
      header: t('sessions.signedIn'),
      value: (s) => s.createdAt,
      cell: (s) => formatDateTime(s.createdAt),
      nowrap: true,
    },
    {
      id: 'lastSeenAt',
      header: t('sessions.lastSeen'),
      value: (s) => s.lastSeenAt,
      cell: (s) => formatDateTime(s.lastSeenAt),
      nowrap: true,
    },
    {
      id: 'actions',
      header: '',
      headerLabel: t('sessions.signOut'),
      cell: (s) => (
        <Button
          size="compact-xs"
          variant="default"
          disabled={ending}
          aria-label={t('sessions.signOutLabel', { device: s.current ? t('sessions.thisOne') : deviceOf(s) })}
          onClick={() => onEnd(s)}
        >
          {t('sessions.signOut')}
        </Button>
      ),
    },
  ];
}

/** One's own open sessions (this one marked), each with "Sign out"; ending this one signs out here. */
export function SessionsCard() {
  const { t } = useTranslation('account');
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
      <Text fw={600}>{t('sessions.title')}</Text>
      <MessagesAlert title={t('sessions.refused')} messages={messages} />
      <DataTable
        label={t('sessions.table')}
        columns={sessionColumns(t, onEnd, ending)}
        rows={sessions}
        empty={t('sessions.empty')}
        query={query}
        loadingLabel={t('sessions.loading')}
        minWidth={560}
      />
    </Stack>
  );
}
