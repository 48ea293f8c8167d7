import { Button, Group, Modal, Stack } from '@mantine/core';
import type { StaffHistoryQuery } from '@steward/schema';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { formatDateTime } from '../../components/format.js';
import { staffHistoryAction, staffHistoryDetail } from './staff-history.js';
import { useStaffHistory } from './use-admin-users.js';

type Entry = StaffHistoryQuery['staffHistory'][number];

const historyColumns = (t: TFunction): DataColumn<Entry>[] => [
  {
    id: 'at',
    header: t('staff:history.columns.at'),
    value: (e) => e.at,
    cell: (e) => formatDateTime(e.at),
    nowrap: true,
  },
  {
    id: 'action',
    header: t('staff:history.columns.action'),
    value: (e) => staffHistoryAction(e.action, t),
    bold: true,
  },
  { id: 'detail', header: t('staff:history.columns.detail'), value: (e) => staffHistoryDetail(e, t) },
  { id: 'actor', header: t('staff:history.columns.actor'), value: (e) => e.actor },
];

/** What happened to one member's account (the audit trail about it), newest first, with who did each. */
export function StaffHistoryModal({
  member,
  onClose,
}: {
  member: { id: string; name: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('staff');
  const history = useStaffHistory(member?.id ?? null);
  return (
    <Modal
      opened={member !== null}
      onClose={onClose}
      title={member ? t('history.title', { name: member.name }) : ''}
      size="xl"
    >
      <Stack gap="md">
        <DataTable
          label={t('history.table')}
          columns={historyColumns(t)}
          rows={history.entries}
          empty={t('history.empty')}
          query={{ fetching: history.fetching, error: history.error, refetch: history.refetch }}
          loadingLabel={t('history.loading')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
