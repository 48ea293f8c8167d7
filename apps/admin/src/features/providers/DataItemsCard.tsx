import { Badge, Button, Card, Group, Modal, Stack, Table, Text, Textarea, Tooltip } from '@mantine/core';
import { FIELD_LIMITS } from '@steward/policy-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { categoryLabel } from '../../components/categories.js';
import { ConflictAlert } from '../../components/ConflictAlert.js';
import { MessagesAlert } from '../../components/ErrorAlert.js';
import { fieldErrorsFromGraphQLError, messagesOutside, type ErrorSummary } from '../../components/errors.js';
import { formatDateTime } from '../../components/format.js';
import { CHANNEL_LABEL } from '../../components/labels.js';
import type { ProviderDetail } from './use-provider.js';
import { useSetDataItemPublic } from './use-set-data-item-public.js';

type Item = ProviderDetail['dataItems'][number];

type Props = { items: readonly Item[]; writable: boolean; onReload: () => void };

export function DataItemsCard({ items, writable, onReload }: Props) {
  const { t } = useTranslation('providers');
  const [editing, setEditing] = useState<Item | null>(null);
  const hasPublic = items.some((i) => i.publiclyAvailable);

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="data-items-heading">
      <Group justify="space-between" mb="xs">
        <Text fw={600} id="data-items-heading">
          {t('items.title')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('items.count', { count: items.length })}
        </Text>
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('items.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table aria-label={t('items.table')} verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('items.columns.category')}</Table.Th>
                <Table.Th>{t('items.columns.value')}</Table.Th>
                <Table.Th>{t('items.columns.source')}</Table.Th>
                <Table.Th>{t('items.columns.channel')}</Table.Th>
                <Table.Th>{t('items.columns.collected')}</Table.Th>
                <Table.Th aria-label={t('items.columns.public')} />
                {writable && <Table.Th aria-label={t('items.columns.actions')} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id} c={item.publiclyAvailable ? 'dimmed' : undefined}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm" fw={500}>
                      {categoryLabel(item.category)}
                    </Text>
                  </Table.Td>
                  <Table.Td miw={220} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {item.value}
                  </Table.Td>
                  <Table.Td miw={140}>{item.source ?? '—'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{CHANNEL_LABEL[item.channel]}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(item.collectedAt)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {item.publiclyAvailable && (
                      <Tooltip label={item.publicProvenance ?? t('items.noProvenance')} multiline w={260} withArrow>
                        <Badge
                          color="grape"
                          variant="light"
                          size="sm"
                          aria-label={
                            item.publicProvenance
                              ? t('items.publicLabel', { provenance: item.publicProvenance })
                              : t('items.publicLabelNone')
                          }
                        >
                          {t('items.public')}
                        </Badge>
                      </Tooltip>
                    )}
                  </Table.Td>
                  {writable && (
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="gray"
                        onClick={() => setEditing(item)}
                        aria-label={t(item.publiclyAvailable ? 'items.unmarkLabel' : 'items.markLabel', {
                          category: categoryLabel(item.category),
                        })}
                      >
                        {item.publiclyAvailable ? t('items.unmark') : t('items.mark')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {hasPublic && (
        <Group gap={6} mt="xs" wrap="nowrap" align="flex-start">
          <Badge color="grape" variant="light" size="xs" mt={2} style={{ flexShrink: 0 }}>
            {t('items.public')}
          </Badge>
          <Text size="xs" c="dimmed">
            {t('items.publicNote')}
          </Text>
        </Group>
      )}
      <PublicFlagModal item={editing} onClose={() => setEditing(null)} onReload={onReload} />
    </Card>
  );
}

function PublicFlagModal({
  item,
  onClose,
  onReload,
}: {
  item: Item | null;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation('providers');
  const { setDataItemPublic, fetching } = useSetDataItemPublic();
  const [provenance, setProvenance] = useState('');
  const [errors, setErrors] = useState<ErrorSummary | null>(null);
  const makePublic = item ? !item.publiclyAvailable : false;

  function close() {
    setProvenance('');
    setErrors(null);
    onClose();
  }

  async function submit() {
    if (!item) return;
    if (makePublic && !provenance.trim()) {
      setErrors({
        code: 'BAD_USER_INPUT',
        fieldErrors: { publicProvenance: t('items.modal.provenanceRequired') },
        messages: [],
        conflict: null,
      });
      return;
    }
    const result = await setDataItemPublic({
      itemId: item.id,
      expectedVersion: item.version,
      publiclyAvailable: makePublic,
      publicProvenance: makePublic ? provenance.trim() : null,
    });
    if (result.error) setErrors(fieldErrorsFromGraphQLError(result.error));
    else close();
  }

  return (
    <Modal
      opened={item !== null}
      onClose={close}
      title={makePublic ? t('items.modal.markTitle') : t('items.modal.unmarkTitle')}
      size="md"
    >
      {item && (
        <Stack gap="sm">
          <Text size="sm">
            {categoryLabel(item.category)}: <b>{item.value}</b>
          </Text>
          {makePublic ? (
            <Textarea
              label={t('items.modal.provenance')}
              description={t('items.modal.provenanceDescription')}
              value={provenance}
              onChange={(e) => setProvenance(e.currentTarget.value)}
              maxLength={FIELD_LIMITS.provenance}
              error={errors?.fieldErrors['publicProvenance']}
              autosize
              minRows={2}
              required
            />
          ) : (
            <Text size="sm" c="dimmed">
              {t('items.modal.unmarkNote')}
            </Text>
          )}
          {errors?.conflict ? (
            <ConflictAlert
              what={t('items.modal.thisItem')}
              onReload={() => {
                onReload();
                close();
              }}
            />
          ) : (
            <MessagesAlert title={t('notSaved')} messages={messagesOutside(errors, (f) => f === 'publicProvenance')} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button onClick={submit} loading={fetching}>
              {makePublic ? t('items.modal.markSubmit') : t('items.modal.unmarkSubmit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
