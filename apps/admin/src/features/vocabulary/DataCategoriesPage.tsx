import { Badge, Text, type MantineColor } from '@mantine/core';
import type { DataCategoryFieldsFragment, Sensitivity } from '@steward/schema';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { SENSITIVITY_LABEL } from '../../components/labels.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useLocale } from '../../i18n/locale.js';
import type { UiLanguage } from '../../i18n/i18n.js';
import { inLanguage } from './localized-title.js';
import { useDataCategories } from './use-data-categories.js';

const SENSITIVITY_COLOR: Record<Sensitivity, MantineColor> = { LOW: 'gray', MEDIUM: 'yellow', HIGH: 'red' };

/** The label in the language shown first; the other language's beside it. */
const columns = (t: TFunction, language: UiLanguage): DataColumn<DataCategoryFieldsFragment>[] => [
  {
    id: 'category',
    header: t('vocabulary:categories.columns.category'),
    value: (c) => inLanguage(language, c.labelEn, c.labelJa).shown,
    cell: (c) => (
      <>
        <Text size="sm" fw={500}>
          {inLanguage(language, c.labelEn, c.labelJa).shown}
        </Text>
        <Text size="xs" c="dimmed" ff="monospace">
          {c.key}
        </Text>
      </>
    ),
  },
  {
    id: 'otherLabel',
    header: language === 'ja' ? t('common:language.en') : t('common:language.ja'),
    value: (c) => inLanguage(language, c.labelEn, c.labelJa).other,
    cell: (c) => <span lang={language === 'ja' ? 'en' : 'ja'}>{inLanguage(language, c.labelEn, c.labelJa).other}</span>,
  },
  {
    id: 'sensitivity',
    header: t('vocabulary:categories.columns.sensitivity'),
    value: (c) => SENSITIVITY_LABEL[c.sensitivity],
    cell: (c) => (
      <Badge color={SENSITIVITY_COLOR[c.sensitivity]} variant="light" size="sm">
        {SENSITIVITY_LABEL[c.sensitivity]}
      </Badge>
    ),
  },
  {
    id: 'description',
    header: t('vocabulary:categories.columns.description'),
    value: (c) => c.description,
    cell: (c) => <Text size="sm">{c.description}</Text>,
  },
];

export function DataCategoriesPage() {
  const { t } = useTranslation('vocabulary');
  const { language } = useLocale();
  const { categories, ...query } = useDataCategories();
  return (
    <>
      <PageHeader title={t('categories.title')} description={t('categories.description')} />
      <DataTable
        label={t('categories.table')}
        columns={columns(t, language)}
        rows={categories}
        rowKey={(c) => c.key}
        empty={t('categories.empty')}
        query={query}
        loadingLabel={t('categories.loading')}
        minWidth={640}
        verticalSpacing="sm"
      />
    </>
  );
}
