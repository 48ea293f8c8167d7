import { Button, Card, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDateTime } from '../../components/format.js';
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
