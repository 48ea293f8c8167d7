import { Button, Group, Text } from '@mantine/core';
import type { ProduceDisclosurePackageMutation } from '@steward/schema';
import { useTranslation } from 'react-i18next';
import { downloadText } from '../../components/download.js';
import { DisclosureDocument } from '../documents/DisclosureDocument.js';

export type DisclosurePackage = ProduceDisclosurePackageMutation['produceDisclosurePackage'];

/**
 * The disclosure package as a printable page (print.css keeps only this area on paper), with the
 * canonical JSON to download; its SHA-256 is printed so the two can be matched. The controls are in
 * the staff member's language; the document itself in the provider's (DisclosureDocument).
 */
export function DisclosurePackageView({ pkg }: { pkg: DisclosurePackage }) {
  const { t } = useTranslation('requests');
  return (
    <div className="steward-print-area" data-testid="disclosure-package">
      <Group justify="space-between" className="steward-no-print" mb="sm">
        <Text size="sm" c="dimmed">
          {t('package.instructions')}
        </Text>
        <Group gap="xs">
          <Button variant="default" onClick={() => window.print()}>
            {t('common:actions.print')}
          </Button>
          <Button variant="default" onClick={() => downloadText(`disclosure-${pkg.requestReference}.json`, pkg.json)}>
            {t('package.downloadJson')}
          </Button>
        </Group>
      </Group>
      <DisclosureDocument json={pkg.json} sha256={pkg.sha256} />
    </div>
  );
}
