import { Badge, Button, Card, Group, Modal, Stack, Table, Text, Textarea, Tooltip } from '@mantine/core';
import { FIELD_LIMITS } from '@steward/policy-core';
import { useState } from 'react';
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
  const [editing, setEditing] = useState<Item | null>(null);
  const hasPublic = items.some((i) => i.publiclyAvailable);

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="data-items-heading">
      <Group justify="space-between" mb="xs">
        <Text fw={600} id="data-items-heading">
          Personal data
        </Text>
        <Text size="xs" c="dimmed">
          {items.length} {items.length === 1 ? 'item' : 'items'}
        </Text>
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No personal data is held for this provider.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table aria-label="Personal data items" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Category</Table.Th>
                <Table.Th>Value</Table.Th>
                <Table.Th>Source</Table.Th>
                <Table.Th>Channel</Table.Th>
                <Table.Th>Collected</Table.Th>
                <Table.Th aria-label="Public" />
                {writable && <Table.Th aria-label="Actions" />}
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
                      <Tooltip label={item.publicProvenance ?? 'No provenance recorded'} multiline w={260} withArrow>
                        <Badge
                          color="grape"
                          variant="light"
                          size="sm"
                          aria-label={`Public: ${item.publicProvenance ?? 'no provenance'}`}
                        >
                          Public
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
                        aria-label={`${item.publiclyAvailable ? 'Unmark' : 'Mark'} ${categoryLabel(item.category)} as public`}
                      >
                        {item.publiclyAvailable ? 'Unmark public' : 'Mark public'}
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
            Public
          </Badge>
          <Text size="xs" c="dimmed">
            The provider had already made this information public; under the policy (§3) it is listed here but not
            managed. Hover the badge for its provenance.
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
        fieldErrors: { publicProvenance: 'Say where the provider made it public.' },
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
    <Modal opened={item !== null} onClose={close} title={makePublic ? 'Mark as public' : 'No longer public'} size="md">
      {item && (
        <Stack gap="sm">
          <Text size="sm">
            {categoryLabel(item.category)}: <b>{item.value}</b>
          </Text>
          {makePublic ? (
            <Textarea
              label="Provenance"
              description="Where and when the provider made this public (e.g. the society's published member directory, 2024 edition)."
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
              The item will be managed again like any other personal information.
            </Text>
          )}
          {errors?.conflict ? (
            <ConflictAlert
              what="this item"
              onReload={() => {
                onReload();
                close();
              }}
            />
          ) : (
            <MessagesAlert title="Not saved" messages={messagesOutside(errors, (f) => f === 'publicProvenance')} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button onClick={submit} loading={fetching}>
              {makePublic ? 'Mark as public' : 'Unmark public'}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
