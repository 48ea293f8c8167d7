import { Button, Checkbox, Group, NativeSelect, Stack, Table, TextInput } from '@mantine/core';
import { DATA_CATEGORIES, type DataCategory } from '@steward/policy-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { categoryLabel } from '../../components/categories.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { fieldErrorsFromGraphQLError } from '../../components/errors.js';
import { Loading } from '../../components/Loading.js';
import { useProvider } from '../providers/use-provider.js';
import { changesFrom, draftErrors, emptyDraft, type AmendmentDraft } from './amendment-form.js';
import { ProviderChangeCard, type ProviderChangeProps } from './ProviderChangeCard.js';
import { useApplyAmendment } from './use-requests.js';

/**
 * Amendment editor: the provider's items with their current values; change, remove or add, then
 * apply all in one transaction against the version read. On CONFLICT the edits are kept and the
 * current data can be reloaded.
 */
export function AmendmentEditor({ requestId, providerId, onApplied }: ProviderChangeProps) {
  const { t } = useTranslation('requests');
  const { provider, fetching, error, reload } = useProvider(providerId);
  const { apply, fetching: applying } = useApplyAmendment();
  const [draft, setDraft] = useState<AmendmentDraft>(emptyDraft);
  const [nextKey, setNextKey] = useState(1);
  const [conflict, setConflict] = useState(false);
  const [messages, setMessages] = useState<string[]>([]);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [applied, setApplied] = useState<number | null>(null);

  if (!provider)
    return fetching ? <Loading label={t('amendment.loading')} /> : <ErrorAlert error={error} onRetry={reload} />;
  const items = provider.dataItems.map((i) => ({ id: i.id, category: i.category, value: i.value }));
  const changes = changesFrom(items, draft);
  const localErrors = draftErrors(items, draft);

  const setEdit = (id: string, patch: Partial<{ value: string; remove: boolean }>) => {
    const current = draft.edits[id] ?? { value: items.find((i) => i.id === id)!.value, remove: false };
    setDraft({ ...draft, edits: { ...draft.edits, [id]: { ...current, ...patch } } });
  };

  async function onApply() {
    setMessages([]);
    setServerErrors({});
    setApplied(null);
    const res = await apply({ requestId, expectedProviderVersion: provider!.version, changes });
    if (res.error) {
      const summary = fieldErrorsFromGraphQLError(res.error);
      setConflict(summary.conflict !== null);
      if (!summary.conflict) setMessages(summary.messages);
      // Map `changes[i].value` back to the field it came from.
      const mapped: Record<string, string> = {};
      for (const [field, message] of Object.entries(summary.fieldErrors)) {
        const i = /^changes\[(\d+)\]/.exec(field)?.[1];
        const change = i === undefined ? undefined : changes[Number(i)];
        if (!change) continue;
        const addition = change.itemId
          ? null
          : draft.additions.filter((a) => a.value.trim() !== '')[Number(i) - changes.filter((c) => c.itemId).length];
        mapped[change.itemId ? `item:${change.itemId}` : `new:${addition?.key ?? ''}`] = message;
      }
      setServerErrors(mapped);
      return;
    }
    setApplied(res.data?.applyAmendment.changes.length ?? 0);
    setDraft(emptyDraft());
    setConflict(false);
    reload();
    onApplied();
  }

  const errorFor = (key: string) => serverErrors[key] ?? localErrors[key];

  return (
    <ProviderChangeCard
      title={t('amendment.title')}
      description={t('amendment.description', { version: provider.version })}
      conflict={conflict}
      onReload={() => {
        setConflict(false);
        reload();
      }}
      refusedTitle={t('amendment.refused')}
      messages={messages}
      done={applied === null ? null : t('amendment.done', { count: applied })}
    >
      <Table aria-label={t('amendment.table')} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('amendment.category')}</Table.Th>
            <Table.Th>{t('amendment.value')}</Table.Th>
            <Table.Th>{t('amendment.remove')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const edit = draft.edits[item.id];
            return (
              <Table.Tr key={item.id}>
                <Table.Td>{categoryLabel(item.category)}</Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('amendment.newValueFor', { category: categoryLabel(item.category) })}
                    value={edit?.value ?? item.value}
                    disabled={edit?.remove}
                    onChange={(e) => setEdit(item.id, { value: e.currentTarget.value })}
                    error={errorFor(`item:${item.id}`)}
                  />
                </Table.Td>
                <Table.Td>
                  <Checkbox
                    aria-label={t('amendment.removeItem', { category: categoryLabel(item.category) })}
                    checked={edit?.remove ?? false}
                    onChange={(e) => setEdit(item.id, { remove: e.currentTarget.checked })}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
          {draft.additions.map((a) => (
            <Table.Tr key={`new-${a.key}`}>
              <Table.Td>
                <NativeSelect
                  aria-label={t('amendment.newCategory')}
                  value={a.category}
                  onChange={(e) =>
                    setDraft({
                      ...draft,
                      additions: draft.additions.map((x) =>
                        x.key === a.key ? { ...x, category: e.currentTarget.value as DataCategory } : x,
                      ),
                    })
                  }
                  data={DATA_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) }))}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={t('amendment.newValue')}
                  value={a.value}
                  onChange={(e) =>
                    setDraft({
                      ...draft,
                      additions: draft.additions.map((x) =>
                        x.key === a.key ? { ...x, value: e.currentTarget.value } : x,
                      ),
                    })
                  }
                  error={errorFor(`new:${a.key}`)}
                />
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="subtle"
                  onClick={() => setDraft({ ...draft, additions: draft.additions.filter((x) => x.key !== a.key) })}
                >
                  {t('amendment.drop')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between" mt="sm">
        <Button
          variant="subtle"
          onClick={() => {
            setDraft({ ...draft, additions: [...draft.additions, { key: nextKey, category: 'EMAIL', value: '' }] });
            setNextKey(nextKey + 1);
          }}
        >
          {t('amendment.add')}
        </Button>
        <Stack gap={0} align="flex-end">
          <Button
            onClick={() => void onApply()}
            loading={applying}
            disabled={changes.length === 0 || Object.keys(localErrors).length > 0}
          >
            {t('amendment.apply', { count: changes.length })}
          </Button>
        </Stack>
      </Group>
    </ProviderChangeCard>
  );
}
