import { Badge, Card, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { categoryLabel } from '../../components/categories.js';
import { formatDate, formatDateTime } from '../../components/format.js';
import { useProviderRights } from './use-requests.js';

/** What an amendment did to an item (the API's DataItemChangeAction). */
const actionLabel = (t: TFunction) =>
  ({
    ADD: t('history.actions.ADD'),
    UPDATE: t('history.actions.UPDATE'),
    REMOVE: t('history.actions.REMOVE'),
  }) as const;

/** The provider's amendments (before → after) and what they asked to stop, on the provider page. */
export function AmendmentHistoryCard({ providerId }: { providerId: string }) {
  const { t } = useTranslation('requests');
  const { amendments, cessations, loaded } = useProviderRights(providerId);
  if (!loaded || (amendments.length === 0 && cessations.length === 0)) return null;
  const actions = actionLabel(t);
  return (
    <Card withBorder radius="md">
      <Text fw={600} mb="xs">
        {t('history.title')}
      </Text>
      {amendments.length > 0 && (
        <Table aria-label={t('history.table')} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('history.when')}</Table.Th>
              <Table.Th>{t('history.item')}</Table.Th>
              <Table.Th>{t('history.beforeAfter')}</Table.Th>
              <Table.Th>{t('history.by')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {amendments.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{formatDateTime(a.changedAt)}</Table.Td>
                <Table.Td>
                  <Badge size="xs" variant="light" mr={6}>
                    {actions[a.action]}
                  </Badge>
                  {categoryLabel(a.category)}
                </Table.Td>
                <Table.Td>
                  {a.before ?? '—'} → {a.after ?? t('history.removed')}
                </Table.Td>
                <Table.Td>
                  {a.changedBy}
                  {a.requestReference ? ` (${a.requestReference})` : ''}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {cessations.length > 0 && (
        <Text size="sm" mt="xs" aria-label={t('history.cessations')}>
          {t('history.stopped', {
            list: cessations
              .map((c) =>
                t('history.cessation', {
                  action: c.action,
                  hasPurpose: c.purposeKey ? 'yes' : 'no',
                  purpose: c.purposeKey ?? '',
                  recipient: c.recipientName ?? t('history.anyone'),
                  since: formatDate(c.since),
                }),
              )
              .join('; '),
          })}
        </Text>
      )}
    </Card>
  );
}
