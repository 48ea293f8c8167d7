import { Button, Group, MultiSelect, Stack, Switch, Table, Text, TextInput, Textarea } from '@mantine/core';
import { DATA_CATEGORIES } from '@steward/policy-core';
import type { DataCategory } from '@steward/schema';
import { DATA_CATEGORY_LABEL, optionsOf } from '../../components/labels.js';
import type { DraftForm } from './policy-draft-form.js';

// Labels are getters: built once, read in the language on screen.
const CATEGORY_OPTIONS = optionsOf(DATA_CATEGORIES, DATA_CATEGORY_LABEL);

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
  const setPurpose = (i: number, patch: Partial<DraftForm['purposes'][number]>) =>
    setForm({ ...form, purposes: form.purposes.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Purposes of the version in force cannot be removed: retire them. Adding a purpose, or a category to one, means
        asking providers for consent again — see the impact.
      </Text>
      <Table aria-label="Purposes of use">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Key</Table.Th>
            <Table.Th>Title (ja / en)</Table.Th>
            <Table.Th>Description</Table.Th>
            <Table.Th>Categories</Table.Th>
            <Table.Th>Retired</Table.Th>
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
                    aria-label={`Key of purpose ${i + 1}`}
                    value={p.key}
                    onChange={(e) => setPurpose(i, { key: e.currentTarget.value.toUpperCase() })}
                  />
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  <TextInput
                    aria-label={`Japanese title of ${p.key || `purpose ${i + 1}`}`}
                    lang="ja"
                    value={p.titleJa}
                    onChange={(e) => setPurpose(i, { titleJa: e.currentTarget.value })}
                  />
                  <TextInput
                    aria-label={`English title of ${p.key || `purpose ${i + 1}`}`}
                    value={p.titleEn}
                    onChange={(e) => setPurpose(i, { titleEn: e.currentTarget.value })}
                  />
                </Stack>
              </Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  <Textarea
                    aria-label={`Japanese description of ${p.key || `purpose ${i + 1}`}`}
                    lang="ja"
                    autosize
                    minRows={2}
                    value={p.descriptionJa ?? ''}
                    onChange={(e) => setPurpose(i, { descriptionJa: e.currentTarget.value })}
                  />
                  <Textarea
                    aria-label={`Description of ${p.key || `purpose ${i + 1}`}`}
                    autosize
                    minRows={2}
                    value={p.description}
                    onChange={(e) => setPurpose(i, { description: e.currentTarget.value })}
                  />
                </Stack>
              </Table.Td>
              <Table.Td miw={220}>
                <MultiSelect
                  aria-label={`Categories of ${p.key || `purpose ${i + 1}`}`}
                  data={CATEGORY_OPTIONS}
                  value={p.categories}
                  onChange={(v) => setPurpose(i, { categories: v as DataCategory[] })}
                />
              </Table.Td>
              <Table.Td>
                <Switch
                  aria-label={`Retire ${p.key || `purpose ${i + 1}`}`}
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
          Add a purpose
        </Button>
      </Group>
    </Stack>
  );
}
