import { Button, Group, Modal, Stack } from '@mantine/core';
import type { StaffHistoryQuery } from '@steward/schema';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { formatDateTime } from '../../components/format.js';
import { staffHistoryDetail } from './staff-history.js';
import { STAFF_TEXT } from './staff-texts.js';
import { useStaffHistory } from './use-admin-users.js';

type Entry = StaffHistoryQuery['staffHistory'][number];
const T = STAFF_TEXT.history;

const columns: DataColumn<Entry>[] = [
  { id: 'at', header: T.columns.at, value: (e) => e.at, cell: (e) => formatDateTime(e.at), nowrap: true },
  { id: 'action', header: T.columns.action, value: (e) => T.actions[e.action] ?? e.action, bold: true },
  { id: 'detail', header: T.columns.detail, value: staffHistoryDetail },
  { id: 'actor', header: T.columns.actor, value: (e) => e.actor },
];

/** What happened to one member's account (the audit trail about it), newest first, with who did each. */
export function StaffHistoryModal({
  member,
  onClose,
}: {
  member: { id: string; name: string } | null;
  onClose: () => void;
}) {
  const history = useStaffHistory(member?.id ?? null);
  return (
    <Modal opened={member !== null} onClose={onClose} title={member ? T.title(member.name) : ''} size="xl">
      <Stack gap="md">
        <DataTable
          label={T.table}
          columns={columns}
          rows={history.entries}
          empty={T.empty}
          query={{ fetching: history.fetching, error: history.error, refetch: history.refetch }}
          loadingLabel={T.loading}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {T.close}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
