import { Button, Card, Group, Text } from '@mantine/core';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDateTime } from '../../components/format.js';
import { DisclosurePackageView } from './DisclosurePackageView.js';
import { useProduceDisclosurePackage, type ProviderRequest } from './use-requests.js';

/** Producing the disclosure package (audited) and showing it. */
export function DisclosureCard({ request: r, onProduced }: { request: ProviderRequest; onProduced: () => void }) {
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
          <Text fw={600}>Disclosure package</Text>
          <Text size="xs" c="dimmed">
            {r.packageProducedAt
              ? `Last produced ${formatDateTime(r.packageProducedAt)} (SHA-256 ${r.packageHash})`
              : 'Not produced yet.'}{' '}
            Producing it is audited.
          </Text>
        </div>
        {r.abilities.disclose && (
          <Button onClick={() => void onProduce()} loading={fetching}>
            {pkg ? 'Produce again' : 'Produce package'}
          </Button>
        )}
      </Group>
      <ErrorAlert error={error} />
      {pkg && <DisclosurePackageView pkg={pkg} />}
    </Card>
  );
}
