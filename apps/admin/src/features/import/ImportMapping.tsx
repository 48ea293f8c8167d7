import { Button, Card, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { PROVIDER_KINDS, validateImportMapping } from '@steward/policy-core';
import type { ImportColumnInput, ImportFileQuery, ImportTarget, ProviderKind } from '@steward/schema';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { MessagesAlert } from '../../components/ErrorAlert.js';
import { optionsOf, PROVIDER_KIND_LABEL } from '../../components/labels.js';
import { targetLabel, targetOptions } from './import-view.js';

type Column = ImportFileQuery['importFile']['columns'][number];

type Props = {
  columns: readonly Column[];
  mapping: readonly ImportColumnInput[];
  providerKind: ProviderKind;
  onMappingChange: (mapping: ImportColumnInput[]) => void;
  onProviderKindChange: (kind: ProviderKind) => void;
  onDryRun: () => void;
  checking: boolean;
};

/**
 * The file's columns, each with the Steward field it goes to (pre-filled by the API's guess from the
 * header), and the kind of provider the file holds. The same mapping rules as the API (policy-core's
 * validateImportMapping) say what is missing before the dry run can start.
 */
export function ImportMapping({
  columns,
  mapping,
  providerKind,
  onMappingChange,
  onProviderKindChange,
  onDryRun,
  checking,
}: Props) {
  const { t } = useTranslation('import');
  const options = targetOptions(t);
  const issues = validateImportMapping(mapping, columns.length);
  const targetOf = (column: number): ImportTarget => mapping.find((m) => m.column === column)?.target ?? 'IGNORE';
  const setTarget = (column: number, target: ImportTarget) =>
    onMappingChange(mapping.map((m) => (m.column === column ? { ...m, target } : m)));
  const tableColumns: DataColumn<Column>[] = [
    { id: 'header', header: t('mapping.columns.header'), value: (c) => c.header, bold: true },
    { id: 'samples', header: t('mapping.columns.samples'), value: (c) => c.samples.filter(Boolean).join(' / ') },
    {
      id: 'target',
      header: t('mapping.columns.target'),
      cell: (c) => (
        <NativeSelect
          aria-label={t('mapping.targetFor', { header: c.header })}
          data={options}
          value={targetOf(c.column)}
          onChange={(e) => setTarget(c.column, e.currentTarget.value as ImportTarget)}
          size="xs"
          miw={200}
        />
      ),
    },
  ];
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Text fw={600}>{t('mapping.title')}</Text>
        <Text size="sm">{t('mapping.description')}</Text>
        <NativeSelect
          label={t('mapping.providerKind')}
          data={optionsOf(PROVIDER_KINDS, PROVIDER_KIND_LABEL)}
          value={providerKind}
          onChange={(e) => onProviderKindChange(e.currentTarget.value as ProviderKind)}
          maw={320}
        />
        <DataTable
          label={t('mapping.table')}
          columns={tableColumns}
          rows={columns}
          rowKey={(c) => String(c.column)}
          empty={t('mapping.empty')}
          withCard={false}
        />
        <MessagesAlert title={t('mapping.incomplete')} messages={issues.length ? mappingProblems(t, mapping) : []} />
        <Group>
          <Button onClick={onDryRun} loading={checking} disabled={issues.length > 0}>
            {t('mapping.dryRun')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** What the mapping lacks, in words: the targets every import needs, and targets given to two columns. */
export function mappingProblems(t: TFunction, mapping: readonly ImportColumnInput[]): string[] {
  const problems: string[] = [];
  const targets = mapping.map((m) => m.target);
  for (const needed of ['REFERENCE', 'PURPOSES'] as const)
    if (!targets.includes(needed)) problems.push(t('import:mapping.required', { target: targetLabel(t, needed) }));
  const twice = new Set(targets.filter((target, i) => target !== 'IGNORE' && targets.indexOf(target) !== i));
  for (const target of twice) problems.push(t('import:mapping.duplicate', { target: targetLabel(t, target) }));
  return problems;
}
