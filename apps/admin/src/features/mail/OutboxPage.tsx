import { Alert, Badge, Stack, Text } from '@mantine/core';
import type { MailStatus, OutboxMailFieldsFragment } from '@steward/schema';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { formatDateTime } from '../../components/format.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCursorStack } from '../../components/use-cursor-stack.js';
import { MAIL_KIND_LABEL, MAIL_STATUS_LABEL } from './mail-labels.js';
import { OUTBOX_PAGE_SIZE, useMailOutbox } from './use-mail.js';

type Mail = OutboxMailFieldsFragment;

const STATUS_COLORS: Record<MailStatus, string> = { QUEUED: 'gray', SENT: 'teal', FAILED: 'red', NOT_SENT: 'yellow' };

function outboxColumns(t: TFunction): DataColumn<Mail>[] {
  return [
    {
      id: 'recipient',
      header: t('mail:columns.recipient'),
      value: (m) => (m.recipientName ? `${m.recipientName} <${m.to}>` : m.to),
      cell: (m) => (
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {m.recipientName ?? t('mail:invitee')}
          </Text>
          <Text size="xs" c="dimmed">
            {m.to}
          </Text>
        </Stack>
      ),
    },
    { id: 'subject', header: t('mail:columns.subject'), value: (m) => m.subject },
    { id: 'kind', header: t('mail:columns.kind'), value: (m) => MAIL_KIND_LABEL[m.kind] },
    {
      id: 'status',
      header: t('mail:columns.status'),
      value: (m) => MAIL_STATUS_LABEL[m.status],
      cell: (m) => (
        <Stack gap={2}>
          <Badge color={STATUS_COLORS[m.status]} variant="light">
            {MAIL_STATUS_LABEL[m.status]}
          </Badge>
          {m.errorCode && (
            <Text size="xs" c={m.status === 'FAILED' ? 'red' : 'dimmed'}>
              {t('mail:lastError', { code: m.errorCode })}
            </Text>
          )}
        </Stack>
      ),
    },
    { id: 'attempts', header: t('mail:columns.attempts'), value: (m) => String(m.attempts) },
    {
      id: 'time',
      header: t('mail:columns.time'),
      value: (m) => formatDateTime(m.sentAt ?? m.createdAt),
      nowrap: true,
    },
  ];
}

/** The notification mails, newest first: sent, waiting, failed, or what would have been sent without SMTP. */
export function OutboxPage() {
  const { t } = useTranslation('mail');
  const paging = useCursorStack();
  const { mails, delivery, pageInfo, total, ...query } = useMailOutbox(paging.after);
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <Stack gap="md">
        {delivery && !delivery.configured && (
          <Alert color="yellow" title={t('notConfigured.title')}>
            {t('notConfigured.body')}
          </Alert>
        )}
        {delivery?.configured && (
          <Text size="sm" c="dimmed">
            {t('from', { from: delivery.from })}
          </Text>
        )}
        <DataTable
          label={t('table')}
          columns={outboxColumns(t)}
          rows={mails}
          rowKey={(m) => m.id}
          rowProps={(m) => ({ 'data-status': m.status })}
          empty={t('empty')}
          query={query}
          loadingLabel={t('loading')}
          minWidth={900}
          pagination={{ paging, pageInfo, total, pageSize: OUTBOX_PAGE_SIZE }}
        />
      </Stack>
    </>
  );
}
