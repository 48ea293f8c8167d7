import { Button, Card, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDateTime, formatNumber } from '../../components/format.js';
import { parseTreeHead } from '@steward/policy-core';
import { DisclosurePackageView } from './DisclosurePackageView.js';
import { useProduceDisclosurePackage, type ProviderRequest } from './use-requests.js';

/** Producing the disclosure package (audited) and showing it. */
export function DisclosureCard({ request: r, onProduced }: { request: ProviderRequest; onProduced: () => void }) {
  const { t } = useTranslation('requests');
  const { produce, pkg, error, fetching } = useProduceDisclosurePackage();
  // Producing marks the request (a new version): read it again before the next status change.
  const onProduce = async () => {
    const res = await produce(r.id);
    if (!res.error) onProduced();
  };
  return (
    <Card withBorder radius="md">
      <Group justify="space-between" mb="xs" className="steward-no-print">
        <div>
          <Text fw={600}>{t('disclosure.title')}</Text>
          <Text size="xs" c="dimmed">
            {r.packageProducedAt
              ? t('disclosure.lastProduced', { at: formatDateTime(r.packageProducedAt), hash: r.packageHash })
              : t('disclosure.notProduced')}{' '}
            {t('disclosure.audited')}
          </Text>
          <EarlierHead json={r.earlierHead} />
        </div>
        {r.abilities.disclose && (
          <Button onClick={() => void onProduce()} loading={fetching}>
            {pkg ? t('disclosure.produceAgain') : t('disclosure.produce')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={error} />
      {pkg && <DisclosurePackageView pkg={pkg} />}
    </Card>
  );
}

/** The signed head the provider handed in with the request (checked on intake): the next package proves the ledger extends it. */
function EarlierHead({ json }: { json: string | null }) {
  const { t } = useTranslation('requests');
  if (!json) return null;
  const parsed = parseTreeHead(json);
  if (!parsed.ok) return null;
  return (
    <Text size="xs" data-testid="earlier-head">
      {t('disclosure.earlierHead', {
        size: formatNumber(parsed.head.treeSize),
        signedAt: formatDateTime(parsed.head.timestamp),
      })}
    </Text>
  );
}
