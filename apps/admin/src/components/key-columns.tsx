import { Button, Code } from '@mantine/core';
import type { DataColumn } from './DataTable.js';
import { formatDateTime } from './format.js';
import { KeyStatusBadge } from './KeyStatusBadge.js';

/** What every kind of API key (partner, system) shows in a list. */
export type KeyRow = {
  id: string;
  label: string;
  keyId: string;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  revoked: boolean;
};

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
  const columns: DataColumn<K>[] = [
    {
      id: 'label',
      header: 'Label',
      value: (k) => k.label,
      bold: boldLabel,
    },
    { id: 'keyId', header: 'Key id', value: (k) => k.keyId, cell: (k) => <Code>{k.keyId}</Code> },
    {
      id: 'createdAt',
      header: 'Created',
      value: (k) => k.createdAt,
      cell: (k) => `${formatDateTime(k.createdAt)}${k.createdBy ? ` · ${k.createdBy}` : ''}`,
    },
    {
      id: 'lastUsedAt',
      header: 'Last used',
      value: (k) => k.lastUsedAt,
      cell: (k) => (k.lastUsedAt ? formatDateTime(k.lastUsedAt) : 'Never'),
    },
    {
      id: 'status',
      header: 'Status',
      value: (k) => k.revokedAt,
      cell: (k) => <KeyStatusBadge revokedAt={k.revokedAt} />,
    },
  ];
  if (!onRevoke) return columns;
  return [
    ...columns,
    {
      id: 'actions',
      header: '',
      cell: (k) =>
        !k.revoked && (
          <Button size="compact-xs" color="red" variant="light" onClick={() => onRevoke(k)} aria-label={revokeLabel(k)}>
            Revoke
          </Button>
        ),
    },
  ];
}
