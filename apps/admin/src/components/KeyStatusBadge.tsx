import { Badge } from '@mantine/core';
import { formatDateTime } from './format.js';

/** An API key's state: active, or revoked (with when). */
export function KeyStatusBadge({ revokedAt }: { revokedAt: string | null }) {
  return revokedAt ? (
    <Badge color="red" variant="light" size="sm">
      Revoked {formatDateTime(revokedAt)}
    </Badge>
  ) : (
    <Badge color="teal" variant="light" size="sm">
      Active
    </Badge>
  );
}
