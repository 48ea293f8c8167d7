import { Badge, Button, Card, Group, Pagination, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ImportRowFieldsFragment, ImportRowStatus } from '@steward/schema';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { formatNumber } from '../../components/format.js';
import { issueText } from './import-view.js';
import { PROBLEM_PAGE_SIZE, type DryRun } from './use-import.js';

type Row = ImportRowFieldsFragment;
type Problem = { key: string; row: number; header: string; text: string };

const STATUS_COLORS: Record<ImportRowStatus, string> = { READY: 'teal', EXISTS: 'gray', INVALID: 'red' };

type Props = {
  run: DryRun;
  headers: readonly string[];
  page: number;
  onPage: (page: number) => void;
  fetching: boolean;
  onImport: () => void;
};

/**
 * What the dry run found, before anything is written: the counts, the first rows as they will be
 * read, and every row's problems (a page at a time), each worded in the reader's language.
 */
export function ImportPreview({ run, headers, page, onPage, fetching, onImport }: Props) {
  const { t } = useTranslation('import');
  const counts = [
    { key: 'rows', value: run.rows },
    { key: 'ready', value: run.ready },
    { key: 'existing', value: run.existing },
    { key: 'invalid', value: run.invalid },
  ] as const;
  const firstColumns: DataColumn<Row>[] = [
    { id: 'row', header: t('preview.columns.row'), value: (r) => r.row, mono: true },
    {
      id: 'status',
      header: t('preview.columns.status'),
      cell: (r) => (
        <Badge color={STATUS_COLORS[r.status]} variant="light">
          {t(`preview.status.${r.status}`)}
        </Badge>
      ),
    },
    ...headers.map((header, i) => ({ id: `cell-${i}`, header, value: (r: Row) => r.cells[i] ?? '' })),
  ];
  const problems: Problem[] = run.problemRows.flatMap((r) =>
    r.issues.map((issue, i) => ({
      key: `${r.row}-${i}`,
      row: issue.row,
      header: issue.header ?? t('preview.wholeRow'),
      text: issueText(issue),
    })),
  );
  const problemColumns: DataColumn<Problem>[] = [
    { id: 'row', header: t('preview.columns.row'), value: (p) => p.row, mono: true, nowrap: true },
    { id: 'column', header: t('preview.columns.column'), value: (p) => p.header, nowrap: true },
    { id: 'problem', header: t('preview.columns.problem'), value: (p) => p.text },
  ];
  const pages = Math.ceil(run.invalid / PROBLEM_PAGE_SIZE);
  return (
    <Card withBorder>
      <Stack gap="md">
        <Text fw={600}>{t('preview.title')}</Text>
        <SimpleGrid cols={{ base: 2, sm: 4 }} aria-label={t('preview.counts')} role="list">
          {counts.map(({ key, value }) => (
            <Stack key={key} gap={0} role="listitem">
              <Text size="xs" c="dimmed">
                {t(`preview.count.${key}`)}
              </Text>
              <Text fz="xl" fw={700} data-testid={`import-count-${key}`}>
                {formatNumber(value)}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
        <Text size="sm">{t('preview.summary', { issues: run.issueCount, policyVersion: run.policyVersion })}</Text>
        <DataTable
          label={t('preview.firstRows')}
          columns={firstColumns}
          rows={run.firstRows}
          rowKey={(r) => String(r.row)}
          empty={t('preview.noRows')}
          withCard={false}
        />
        {run.invalid > 0 && (
          <>
            <DataTable
              label={t('preview.problems')}
              columns={problemColumns}
              rows={problems}
              rowKey={(p) => p.key}
              empty={t('preview.noProblems')}
              query={{ fetching }}
              withCard={false}
            />
            {pages > 1 && (
              <Pagination
                total={pages}
                value={page + 1}
                onChange={(p) => onPage(p - 1)}
                getControlProps={(control) => ({ 'aria-label': t(`preview.pages.${control}`) })}
                getItemProps={(p) => ({ 'aria-label': t('preview.pages.page', { page: p }) })}
                aria-label={t('preview.pages.label')}
              />
            )}
          </>
        )}
        <Group>
          <Button onClick={onImport} disabled={run.ready === 0}>
            {t('preview.import', { count: run.ready })}
          </Button>
          {run.invalid > 0 && (
            <Text size="sm" c="dimmed">
              {t('preview.invalidNotImported', { count: run.invalid })}
            </Text>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
