import { Button, Code } from '@mantine/core';
import type { ApiKeyFieldsFragment } from '@steward/schema';
import { getI18n } from 'react-i18next';
import type { DataColumn } from './DataTable.js';
import { formatDateTime } from './format.js';
import { KeyStatusBadge } from './KeyStatusBadge.js';

/** What every kind of API key credential (partner, system) shows in a list: its id and its key. */
export type KeyRow = { id: string; key: ApiKeyFieldsFragment };

type Options<K extends KeyRow> = {
  /** Shown on a Revoke button per active key; no button (nor column) without it. */
  onRevoke?: (key: K) => void;
  /** The Revoke button's accessible name. */
  revokeLabel: (key: K) => string;
  /** The label column in bold (the first column) or plain (after a system name). */
  boldLabel?: boolean;
};

/** Label, key id, created (and by whom), last used, status and, for writers, Revoke. */
export function keyColumns<K extends KeyRow>({ onRevoke, revokeLabel, boldLabel = true }: Options<K>): DataColumn<K>[] {
  // Called while a screen renders, like formatDate: the app's i18next instance (react-i18next's), in the
  // language shown; LocaleProvider re-renders every screen, and so rebuilds these columns, on a switch.
  const t = getI18n().getFixedT(null, 'common');
  const columns: DataColumn<K>[] = [
    {
      id: 'label',
      header: t('keys.label'),
      value: (k) => k.key.label,
      bold: boldLabel,
    },
    { id: 'keyId', header: t('keys.keyId'), value: (k) => k.key.keyId, cell: (k) => <Code>{k.key.keyId}</Code> },
    {
      id: 'createdAt',
      header: t('keys.created'),
      value: (k) => k.key.createdAt,
      cell: (k) => `${formatDateTime(k.key.createdAt)}${k.key.createdBy ? ` · ${k.key.createdBy}` : ''}`,
    },
    {
      id: 'lastUsedAt',
      header: t('keys.lastUsed'),
      value: (k) => k.key.lastUsedAt,
      cell: (k) => (k.key.lastUsedAt ? formatDateTime(k.key.lastUsedAt) : t('keys.never')),
    },
    {
      id: 'status',
      header: t('keys.status'),
      value: (k) => k.key.revokedAt,
      cell: (k) => <KeyStatusBadge revokedAt={k.key.revokedAt} />,
    },
  ];
  if (!onRevoke) return columns;
  return [
    ...columns,
    {
      id: 'actions',
      header: '',
      cell: (k) =>
        !k.key.revoked && (
          <Button size="compact-xs" color="red" variant="light" onClick={() => onRevoke(k)} aria-label={revokeLabel(k)}>
            {t('actions.revoke')}
          </Button>
        ),
    },
  ];
}
