import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from './format.js';

/** An API key's state: active, or revoked (with when). */
export function KeyStatusBadge({ revokedAt }: { revokedAt: string | null }) {
  const { t } = useTranslation();
  return revokedAt ? (
    <Badge color="red" variant="light" size="sm">
      {t('keys.revoked', { date: formatDateTime(revokedAt) })}
    </Badge>
  ) : (
    <Badge color="teal" variant="light" size="sm">
      {t('keys.active')}
    </Badge>
  );
}
