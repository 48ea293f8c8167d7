import { Anchor, Text } from '@mantine/core';
import type { ProviderRefFieldsFragment } from '@steward/schema';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * A provider another record names: a link to their page reading their reference and, for staff the
 * API lets read it (the read is audited there), their name.
 */
export function ProviderRefLink({
  provider,
  size = 'sm',
}: {
  provider: ProviderRefFieldsFragment;
  size?: 'xs' | 'sm';
}) {
  const { t } = useTranslation('names');
  const text = provider.reference
    ? provider.displayName
      ? t('provider.named', { reference: provider.reference, name: provider.displayName })
      : provider.reference
    : t('provider.gone');
  if (!provider.reference)
    return (
      <Text span size={size} c="dimmed">
        {text}
      </Text>
    );
  return (
    <Anchor component={Link} to={`/providers/${encodeURIComponent(provider.id)}`} size={size}>
      {text}
    </Anchor>
  );
}
