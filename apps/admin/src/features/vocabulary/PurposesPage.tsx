import { Badge, Group, Switch, Text } from '@mantine/core';
import type { PurposeFieldsFragment } from '@steward/schema';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CategoryBadges } from '../../components/CategoryBadges.js';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useLocale } from '../../i18n/locale.js';
import type { UiLanguage } from '../../i18n/i18n.js';
import { inLanguage } from './localized-title.js';
import { usePurposes } from './use-purposes.js';

/** The title in the language shown first, the other language's under it. */
const columns = (t: TFunction, language: UiLanguage): DataColumn<PurposeFieldsFragment>[] => [
  {
    id: 'title',
    header: t('vocabulary:purposes.columns.title'),
    value: (p) => inLanguage(language, p.titleEn, p.titleJa).shown,
    cell: (p) => (
      <>
        <Text size="sm" fw={500}>
          {inLanguage(language, p.titleEn, p.titleJa).shown}
        </Text>
        <Text size="xs" c="dimmed" lang={language === 'ja' ? 'en' : 'ja'}>
          {inLanguage(language, p.titleEn, p.titleJa).other}
        </Text>
      </>
    ),
  },
  {
    id: 'key',
    header: t('vocabulary:purposes.columns.key'),
    value: (p) => p.key,
    cell: (p) => (
      <Text ff="monospace" size="sm">
        {p.key}
      </Text>
    ),
  },
  {
    id: 'description',
    header: t('vocabulary:purposes.columns.description'),
    value: (p) => p.description,
    cell: (p) => (
      <Text size="sm" maw={360}>
        {p.description}
      </Text>
    ),
  },
  {
    id: 'categories',
    header: t('vocabulary:purposes.columns.categories'),
    value: (p) => p.categories.join(', '),
    cell: (p) => <CategoryBadges categories={p.categories} />,
  },
  {
    id: 'since',
    header: t('vocabulary:purposes.columns.since'),
    value: (p) => p.introducedInVersion,
    cell: (p) => <Text size="sm">{t('vocabulary:purposes.since', { version: p.introducedInVersion })}</Text>,
  },
  {
    id: 'status',
    header: t('vocabulary:purposes.columns.status'),
    value: (p) => (p.retired ? t('vocabulary:purposes.retired') : t('vocabulary:purposes.active')),
    cell: (p) =>
      p.retired ? (
        <Badge color="gray" variant="outline" size="sm">
          {t('vocabulary:purposes.retired')}
        </Badge>
      ) : (
        <Badge color="teal" variant="light" size="sm">
          {t('vocabulary:purposes.active')}
        </Badge>
      ),
  },
];

export function PurposesPage() {
  const { t } = useTranslation('vocabulary');
  const { language } = useLocale();
  const [includeRetired, setIncludeRetired] = useState(false);
  const { purposes, ...query } = usePurposes(includeRetired);

  return (
    <>
      <PageHeader
        title={t('purposes.title')}
        description={t('purposes.description')}
        actions={
          <Switch
            label={t('purposes.showRetired')}
            checked={includeRetired}
            onChange={(e) => setIncludeRetired(e.currentTarget.checked)}
          />
        }
      />
      <DataTable
        label={t('purposes.table')}
        columns={columns(t, language)}
        rows={purposes}
        rowProps={(p) => (p.retired ? { c: 'dimmed' } : {})}
        empty={t('purposes.empty')}
        query={query}
        loadingLabel={t('purposes.loading')}
        minWidth={800}
        verticalSpacing="sm"
      />
      <Group mt="xs">
        <Text size="xs" c="dimmed">
          {t('purposes.note')}
        </Text>
      </Group>
    </>
  );
}
