import { Anchor, Badge, Button, Group, Text } from '@mantine/core';
import type { AuditEntryFieldsFragment } from '@steward/schema';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { formatDateTime } from '../../components/format.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ExportButton } from '../exports/ExportButton.js';
import { useCursorStack } from '../../components/use-cursor-stack.js';
import { auditActionLabel, auditEntityLabel } from './audit-labels.js';
import { useAuditLog } from './use-audit-log.js';

type Entry = AuditEntryFieldsFragment;

function columns(t: TFunction, providerId: string | null): DataColumn<Entry>[] {
  return [
    { id: 'at', header: t('audit:columns.at'), value: (e) => e.at, cell: (e) => formatDateTime(e.at), nowrap: true },
    { id: 'actor', header: t('audit:columns.actor'), value: (e) => e.actor },
    {
      id: 'action',
      header: t('audit:columns.action'),
      value: (e) => auditActionLabel(t, e.action),
      cell: (e) => (
        <>
          <Text size="sm">{auditActionLabel(t, e.action)}</Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {e.action}
          </Text>
        </>
      ),
    },
    {
      id: 'entity',
      header: t('audit:columns.entity'),
      value: (e) => auditEntityLabel(t, e.entityType),
      cell: (e) => (
        <>
          <Text size="sm">{auditEntityLabel(t, e.entityType)}</Text>
          {e.entityId && (
            <Text size="xs" c="dimmed" ff="monospace">
              {e.entityId}
            </Text>
          )}
        </>
      ),
    },
    {
      id: 'detail',
      header: t('audit:columns.detail'),
      value: (e) => e.detail,
      cell: (e) => (
        <>
          <Text size="sm" style={{ wordBreak: 'break-word' }}>
            {e.detail ?? ''}
          </Text>
          {e.providerIds.length > 0 && !providerId && (
            <Group gap={4} mt={2}>
              {e.providerIds.map((id) => (
                <Anchor
                  key={id}
                  component={Link}
                  to={`/audit?providerId=${encodeURIComponent(id)}`}
                  size="xs"
                  ff="monospace"
                >
                  {id}
                </Anchor>
              ))}
            </Group>
          )}
        </>
      ),
    },
  ];
}

export function AuditLogPage({ providerId }: { providerId: string | null }) {
  const { t } = useTranslation('audit');
  const paging = useCursorStack(providerId ?? '');
  const { entries, pageInfo, ...query } = useAuditLog(providerId, paging.after);

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <>
            <ExportButton input={{ list: 'AUDIT_LOG', auditLog: { providerId } }} />
            <Button variant="default" size="xs" onClick={query.refetch}>
              {t('refresh')}
            </Button>
          </>
        }
      />
      {providerId && (
        <Group gap="xs" mb="sm">
          <Badge variant="light" size="lg" tt="none">
            {t('provider.badge', { id: providerId })}
          </Badge>
          <Anchor component={Link} to={`/providers/${encodeURIComponent(providerId)}`} size="sm">
            {t('provider.open')}
          </Anchor>
          <Anchor component={Link} to="/audit" size="sm">
            {t('provider.showAll')}
          </Anchor>
        </Group>
      )}
      <DataTable
        label={t('table')}
        columns={columns(t, providerId)}
        rows={entries}
        empty={t('empty')}
        query={query}
        pagination={{ paging, pageInfo }}
        minWidth={760}
        verticalSpacing={6}
      />
    </>
  );
}
