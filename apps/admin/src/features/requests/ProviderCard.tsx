import { Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { ProvidersDocument } from '@steward/schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProviderRefLink } from '../names/ProviderRefLink.js';
import { useQuery } from 'urql';
import { useLinkRequestProvider } from './use-requests.js';
import type { RequestCardProps } from './use-write-errors.js';

/** The provider the request is about, and finding and linking one. */
export function ProviderCard({ request: r, errors }: RequestCardProps) {
  const { t } = useTranslation('requests');
  const { link, fetching } = useLinkRequestProvider();
  const [search, setSearch] = useState('');
  const [term, setTerm] = useState('');
  const [result] = useQuery({
    query: ProvidersDocument,
    variables: { first: 10, filter: { search: term } },
    pause: term === '',
  });
  const canLink = r.abilities.link;

  async function onLink(providerId: string) {
    errors.clear();
    const res = await link(r.id, providerId, r.version);
    if (res.error) errors.report(res.error);
  }

  return (
    <Card withBorder radius="md">
      <Text fw={600} mb="xs">
        {t('provider.title')}
      </Text>
      {r.provider ? (
        <Text size="sm">
          <ProviderRefLink provider={r.provider} />
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {t('provider.notIdentified')}
        </Text>
      )}
      {canLink && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setTerm(search.trim());
          }}
        >
          <Group mt="sm" align="flex-end" gap="xs">
            <TextInput
              label={r.provider ? t('provider.linkAnother') : t('provider.find')}
              placeholder={t('provider.searchPlaceholder')}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button type="submit" variant="default">
              {t('common:actions.search')}
            </Button>
          </Group>
          {term !== '' && (
            <Stack gap={4} mt="xs" aria-label={t('provider.matches')}>
              {(result.data?.providers.edges ?? []).map((e) => (
                <Group key={e.node.id} justify="space-between">
                  <Text size="sm">
                    <Text span ff="monospace">
                      {e.node.reference}
                    </Text>{' '}
                    {e.node.displayName ?? ''}
                  </Text>
                  <Button
                    size="xs"
                    onClick={() => void onLink(e.node.id)}
                    loading={fetching}
                    aria-label={t('provider.linkLabel', { reference: e.node.reference })}
                  >
                    {t('provider.link')}
                  </Button>
                </Group>
              ))}
              {result.data && result.data.providers.edges.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('provider.noMatch')}
                </Text>
              )}
            </Stack>
          )}
        </form>
      )}
    </Card>
  );
}
