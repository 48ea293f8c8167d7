import { ActionIcon, Badge, Button, Card, Code, Group, Text, Title } from '@mantine/core';
import type { CookieDeclarationFieldsFragment } from '@steward/schema';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { categoryLabel, formatDuration, inLanguage, STORAGE_LABEL } from './cookie-forms.js';
import { DeclarationFormCard } from './DeclarationFormCard.js';
import { useCookieDeclarations } from './use-cookies.js';

type Declaration = CookieDeclarationFieldsFragment;

function declarationColumns(
  t: TFunction,
  language: 'ja' | 'en',
  actions: { onEdit: (d: Declaration) => void; onDelete: (d: Declaration) => Promise<void> } | null,
): DataColumn<Declaration>[] {
  const columns: DataColumn<Declaration>[] = [
    {
      id: 'name',
      header: t('declarations.columns.name'),
      value: (d) => d.name,
      cell: (d) => (
        <>
          <Code>{d.name}</Code>
          <Text size="xs" c="dimmed">
            {STORAGE_LABEL[d.storageKind]}
          </Text>
        </>
      ),
    },
    {
      id: 'category',
      header: t('declarations.columns.category'),
      value: (d) => categoryLabel(d.category),
      cell: (d) => (
        <Badge size="sm" variant="light" color={d.category === 'STRICTLY_NECESSARY' ? 'blue' : 'gray'}>
          {categoryLabel(d.category)}
        </Badge>
      ),
    },
    {
      id: 'vendor',
      header: t('declarations.columns.vendor'),
      value: (d) => d.vendor,
      cell: (d) => (
        <>
          {d.vendor}
          <Text size="xs" c="dimmed">
            {d.domain}
          </Text>
        </>
      ),
    },
    {
      id: 'kept',
      header: t('declarations.columns.kept'),
      value: (d) => d.durationDays,
      cell: (d) => formatDuration(t, d.durationDays),
      nowrap: true,
    },
    {
      id: 'purpose',
      header: t('declarations.columns.purpose', { language }),
      value: (d) => inLanguage(d.purpose, language).text,
      cell: (d) => {
        const purpose = inLanguage(d.purpose, language);
        return <span lang={purpose.lang}>{purpose.text}</span>;
      },
    },
  ];
  if (!actions) return columns;
  return [
    ...columns,
    {
      id: 'actions',
      header: '',
      headerLabel: t('declarations.columns.actions'),
      cell: (d) => (
        <Group gap={4} wrap="nowrap">
          <Button
            size="compact-xs"
            variant="default"
            aria-label={t('declarations.editOne', { name: d.name })}
            onClick={() => actions.onEdit(d)}
          >
            {t('common:actions.edit')}
          </Button>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('declarations.deleteOne', { name: d.name })}
            onClick={() => void actions.onDelete(d)}
          >
            ×
          </ActionIcon>
        </Group>
      ),
    },
  ];
}

/** A site's cookie declarations, with the form to add one or edit the one selected. */
export function DeclarationsCard({
  siteId,
  declarations,
  language,
  canWrite,
  onChanged,
}: {
  siteId: string;
  declarations: readonly CookieDeclarationFieldsFragment[];
  language: 'ja' | 'en';
  canWrite: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation('cookies');
  const { deleteDeclaration } = useCookieDeclarations();
  const [editing, setEditing] = useState<CookieDeclarationFieldsFragment | null>(null);

  async function remove(d: CookieDeclarationFieldsFragment) {
    await deleteDeclaration(d.id);
    if (editing?.id === d.id) setEditing(null);
    onChanged();
  }

  return (
    <Card withBorder radius="md" padding="md">
      <Title order={3} fz="h5" mb="xs">
        {t('declarations.title')}
      </Title>
      <DataTable
        label={t('declarations.title')}
        columns={declarationColumns(t, language, canWrite ? { onEdit: setEditing, onDelete: remove } : null)}
        rows={declarations}
        rowProps={(d) => (editing?.id === d.id ? { 'aria-current': 'true' } : {})}
        empty={t('declarations.empty')}
        withCard={false}
        minWidth={640}
      />
      {canWrite &&
        (editing ? (
          <DeclarationFormCard
            key={editing.id}
            siteId={siteId}
            editing={editing}
            onSaved={() => {
              setEditing(null);
              onChanged();
            }}
            onCancel={() => setEditing(null)}
          />
        ) : (
          <DeclarationFormCard key="new" siteId={siteId} editing={null} onSaved={onChanged} />
        ))}
    </Card>
  );
}
