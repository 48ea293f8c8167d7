import { Anchor, Badge, Button, Drawer, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import type { AuditEntryFieldsFragment, AuditLogFilter } from '@steward/schema';
import type { TFunction } from 'i18next';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable, type DataColumn, type TableSort } from '../../components/DataTable.js';
import { formatDateTime } from '../../components/format.js';
import { ROLE_LABEL } from '../../components/labels.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ExportButton } from '../exports/ExportButton.js';
import { useCursorStack } from '../../components/use-cursor-stack.js';
import { auditActionLabel, auditEntityLabel } from './audit-labels.js';
import { auditActionOptions, auditDetailLabel, dayEnd, dayStart } from './audit-options.js';
import { AUDIT_PAGE_SIZE, useAuditActors, useAuditLog } from './use-audit-log.js';

type Entry = AuditEntryFieldsFragment;

/** Who acted: the staff member's name and role, else what the entry recorded (the public, a partner, a job). */
function actorText(t: TFunction, e: Entry): string {
  if (e.actorName) return e.actorRole ? `${e.actorName} (${ROLE_LABEL[e.actorRole]})` : e.actorName;
  return t('audit:drawer.notStaff', { actor: e.actor });
}

/** The subject by name: a provider's reference, a member's name, else the entity type. */
function subjectText(t: TFunction, e: Entry): string {
  const type = auditEntityLabel(t, e.entityType);
  return e.subjectName ? `${type}: ${e.subjectName}` : type;
}

function columns(t: TFunction, open: (e: Entry) => void): DataColumn<Entry>[] {
  return [
    {
      id: 'at',
      header: t('audit:columns.at'),
      value: (e) => e.at,
      cell: (e) => formatDateTime(e.at),
      nowrap: true,
      sortField: 'AT',
    },
    { id: 'actor', header: t('audit:columns.actor'), value: (e) => actorText(t, e) },
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
      header: t('audit:columns2.subject'),
      value: (e) => subjectText(t, e),
      cell: (e) => (
        <>
          <Text size="sm">{auditEntityLabel(t, e.entityType)}</Text>
          {e.subjectName && <Text size="xs">{e.subjectName}</Text>}
          {e.providers.length > 0 && !(e.entityType === 'Provider' && e.providers.length === 1) && (
            <Text size="xs" c="dimmed">
              {e.providers.map((p) => p.reference ?? t('audit:drawer.gone')).join(', ')}
            </Text>
          )}
        </>
      ),
    },
    {
      id: 'open',
      header: t('audit:columns2.open'),
      cell: (e) => (
        <Button
          variant="subtle"
          size="compact-xs"
          onClick={() => open(e)}
          aria-label={t('audit:open', { action: auditActionLabel(t, e.action), at: formatDateTime(e.at) })}
        >
          {t('audit:columns2.open')}
        </Button>
      ),
    },
  ];
}

/** One entry in words: who, what, when, about whom, and each detail as a labelled value. */
function AuditEntryDetail({ entry }: { entry: Entry }) {
  const { t } = useTranslation('audit');
  const row = (label: string, value: ReactNode) => (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {value}
      </Text>
    </div>
  );
  return (
    <Stack gap="sm">
      {row(t('drawer.who'), actorText(t, entry))}
      {row(
        t('drawer.what'),
        <>
          {auditActionLabel(t, entry.action)}{' '}
          <Text span size="xs" c="dimmed" ff="monospace">
            ({entry.action})
          </Text>
        </>,
      )}
      {row(t('drawer.when'), formatDateTime(entry.at))}
      {row(t('drawer.subject'), subjectText(t, entry))}
      {entry.providers.length > 0 &&
        row(
          t('drawer.providers'),
          <Group gap={6}>
            {entry.providers.map((p) =>
              p.reference ? (
                <Anchor key={p.id} component={Link} to={`/providers/${encodeURIComponent(p.id)}`} size="sm">
                  {p.reference}
                </Anchor>
              ) : (
                <Text key={p.id} size="sm" c="dimmed">
                  {t('drawer.gone')}
                </Text>
              ),
            )}
          </Group>,
        )}
      {row(
        t('drawer.detail'),
        entry.detailFields.length ? (
          <dl style={{ margin: 0 }}>
            {entry.detailFields.map((f) => (
              <Group key={f.key} gap="xs" wrap="nowrap" align="baseline">
                <Text component="dt" size="sm" fw={500}>
                  {auditDetailLabel(t, f.key)}
                </Text>
                <Text component="dd" size="sm" m={0} style={{ wordBreak: 'break-word' }}>
                  {f.value}
                </Text>
              </Group>
            ))}
          </dl>
        ) : (
          t('drawer.noDetail')
        ),
      )}
    </Stack>
  );
}

type Filters = { actorId: string; action: string; providerReference: string; from: string; to: string };
const NO_FILTERS: Filters = { actorId: '', action: '', providerReference: '', from: '', to: '' };

function toFilter(f: Filters, providerId: string | null): AuditLogFilter {
  const from = dayStart(f.from);
  const to = dayEnd(f.to);
  return {
    ...(f.actorId ? { actorId: f.actorId } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.providerReference.trim() ? { providerReference: f.providerReference.trim() } : {}),
    ...(providerId ? { providerId } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

export function AuditLogPage({ providerId }: { providerId: string | null }) {
  const { t } = useTranslation('audit');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [sort, setSort] = useState<TableSort>({ field: 'AT', direction: 'DESC' });
  const [opened, setOpened] = useState<Entry | null>(null);
  const filter = toFilter(filters, providerId);
  const paging = useCursorStack(JSON.stringify([filter, sort]));
  const { entries, pageInfo, total, ...query } = useAuditLog(filter, sort, paging.after);
  const actors = useAuditActors();
  const set = (key: keyof Filters) => (value: string | null) => setFilters((f) => ({ ...f, [key]: value ?? '' }));

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <>
            <ExportButton input={{ list: 'AUDIT_LOG', auditLog: filter }} />
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
      <Group gap="sm" mb="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('filters.actor')}
          placeholder={t('filters.anyActor')}
          data={actors.map((a) => ({ value: a.id, label: `${a.name} (${ROLE_LABEL[a.role]})` }))}
          value={filters.actorId || null}
          onChange={set('actorId')}
          searchable
          clearable
          w={220}
        />
        <Select
          label={t('filters.action')}
          placeholder={t('filters.anyAction')}
          data={auditActionOptions(t)}
          value={filters.action || null}
          onChange={set('action')}
          searchable
          clearable
          w={240}
        />
        {!providerId && (
          <TextInput
            label={t('filters.provider')}
            placeholder={t('filters.providerPlaceholder')}
            value={filters.providerReference}
            onChange={(e) => set('providerReference')(e.currentTarget.value)}
            w={180}
          />
        )}
        <TextInput
          type="date"
          label={t('filters.from')}
          value={filters.from}
          onChange={(e) => set('from')(e.currentTarget.value)}
          w={160}
        />
        <TextInput
          type="date"
          label={t('filters.to')}
          value={filters.to}
          onChange={(e) => set('to')(e.currentTarget.value)}
          w={160}
        />
        <Button variant="subtle" size="xs" onClick={() => setFilters(NO_FILTERS)}>
          {t('filters.clear')}
        </Button>
      </Group>
      <DataTable
        label={t('table')}
        columns={columns(t, setOpened)}
        rows={entries}
        empty={t('empty')}
        query={query}
        pagination={{ paging, pageInfo, total, pageSize: AUDIT_PAGE_SIZE }}
        sort={{ value: sort, onChange: setSort }}
        minWidth={760}
        verticalSpacing={6}
      />
      <Drawer opened={opened !== null} onClose={() => setOpened(null)} title={t('drawer.title')} position="right">
        {opened && <AuditEntryDetail entry={opened} />}
      </Drawer>
    </>
  );
}
