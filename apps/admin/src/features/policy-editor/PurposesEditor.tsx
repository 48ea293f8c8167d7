import { Button, Group, MultiSelect, Stack, Switch, Table, Text, TextInput, Textarea } from '@mantine/core';
import { DATA_CATEGORIES } from '@steward/policy-core';
import type { DataCategory } from '@steward/schema';
import { useTranslation } from 'react-i18next';
import { categoryLabel } from '../../components/categories.js';
import type { DraftForm } from './policy-draft-form.js';

/** The draft's purposes of use: existing keys are fixed, new ones can be added, any can be retired. */
export function PurposesEditor({
  form,
  setForm,
  existing,
}: {
  form: DraftForm;
  setForm: (f: DraftForm) => void;
  existing: ReadonlySet<string>;
}) {
  const { t } = useTranslation('policy-editor');
  // Built on each render, so the labels follow the language shown.
  const categoryOptions = DATA_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) }));
  const nameOf = (key: string, i: number) => key || t('purposes.unnamed', { number: i + 1 });
  const setPurpose = (i: number, patch: Partial<DraftForm['purposes'][number]>) =>
    setForm({ ...form, purposes: form.purposes.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('purposes.intro')}
      </Text>
      <Table aria-label={t('purposes.table')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('purposes.key')}</Table.Th>
            <Table.Th>{t('purposes.titles')}</Table.Th>
            <Table.Th>{t('purposes.description')}</Table.Th>
            <Table.Th>{t('purposes.categories')}</Table.Th>
            <Table.Th>{t('purposes.retired')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {form.purposes.map((p, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                {existing.has(p.key) ? (
                  <Text size="sm">{p.key}</Text>
                ) : (
                  <TextInput
                    aria-label={t('purposes.keyOf', { number: i + 1 })}
                    value={p.key}
                    onChange={(e) => setPurpose(i, { key: e.currentTarget.value.toUpperCase() })}
                  />
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  <TextInput
                    aria-label={t('purposes.titleJaOf', { name: nameOf(p.key, i) })}
                    lang="ja"
                    value={p.titleJa}
                    onChange={(e) => setPurpose(i, { titleJa: e.currentTarget.value })}
                  />
                  <TextInput
                    aria-label={t('purposes.titleEnOf', { name: nameOf(p.key, i) })}
                    value={p.titleEn}
                    onChange={(e) => setPurpose(i, { titleEn: e.currentTarget.value })}
                  />
                </Stack>
              </Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  <Textarea
                    aria-label={t('purposes.descriptionJaOf', { name: nameOf(p.key, i) })}
                    lang="ja"
                    autosize
                    minRows={2}
                    value={p.descriptionJa ?? ''}
                    onChange={(e) => setPurpose(i, { descriptionJa: e.currentTarget.value })}
                  />
                  <Textarea
                    aria-label={t('purposes.descriptionOf', { name: nameOf(p.key, i) })}
                    autosize
                    minRows={2}
                    value={p.description}
                    onChange={(e) => setPurpose(i, { description: e.currentTarget.value })}
                  />
                </Stack>
              </Table.Td>
              <Table.Td miw={220}>
                <MultiSelect
                  aria-label={t('purposes.categoriesOf', { name: nameOf(p.key, i) })}
                  data={categoryOptions}
                  value={p.categories}
                  onChange={(v) => setPurpose(i, { categories: v as DataCategory[] })}
                />
              </Table.Td>
              <Table.Td>
                <Switch
                  aria-label={t('purposes.retire', { name: nameOf(p.key, i) })}
                  checked={p.retired}
                  onChange={(e) => setPurpose(i, { retired: e.currentTarget.checked })}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button
          variant="default"
          size="xs"
          onClick={() =>
            setForm({
              ...form,
              purposes: [
                ...form.purposes,
                {
                  key: '',
                  titleJa: '',
                  titleEn: '',
                  description: '',
                  descriptionJa: '',
                  categories: [],
                  retired: false,
                },
              ],
            })
          }
        >
          {t('purposes.add')}
        </Button>
      </Group>
    </Stack>
  );
}
