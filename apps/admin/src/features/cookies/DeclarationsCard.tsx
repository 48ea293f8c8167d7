import { ActionIcon, Badge, Button, Card, Code, Group, Text, Title } from '@mantine/core';
import type { CookieDeclarationFieldsFragment } from '@steward/schema';
import { useState } from 'react';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { categoryLabel, formatDuration, inLanguage, STORAGE_LABEL } from './cookie-forms.js';
import { DeclarationFormCard } from './DeclarationFormCard.js';
import { useCookieDeclarations } from './use-cookies.js';

type Declaration = CookieDeclarationFieldsFragment;

function declarationColumns(
  language: 'ja' | 'en',
  actions: { onEdit: (d: Declaration) => void; onDelete: (d: Declaration) => Promise<void> } | null,
): DataColumn<Declaration>[] {
  const columns: DataColumn<Declaration>[] = [
    {
      id: 'name',
      header: 'Name',
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
      header: 'Category',
      value: (d) => categoryLabel(d.category),
      cell: (d) => (
        <Badge size="sm" variant="light" color={d.category === 'STRICTLY_NECESSARY' ? 'blue' : 'gray'}>
          {categoryLabel(d.category)}
        </Badge>
      ),
    },
    {
      id: 'vendor',
      header: 'Vendor and domain',
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
      header: 'Kept',
      value: (d) => d.durationDays,
      cell: (d) => formatDuration(d.durationDays),
      nowrap: true,
    },
    {
      id: 'purpose',
      header: `Purpose (${language === 'ja' ? 'Japanese' : 'English'})`,
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
      headerLabel: 'Actions',
      cell: (d) => (
        <Group gap={4} wrap="nowrap">
          <Button size="compact-xs" variant="default" aria-label={`Edit ${d.name}`} onClick={() => actions.onEdit(d)}>
            Edit
          </Button>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`Delete ${d.name}`}
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
        Cookie declarations
      </Title>
      <DataTable
        label="Cookie declarations"
        columns={declarationColumns(language, canWrite ? { onEdit: setEditing, onDelete: remove } : null)}
        rows={declarations}
        rowProps={(d) => (editing?.id === d.id ? { 'aria-current': 'true' } : {})}
        empty="No cookies declared yet."
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
