import { Button, Code, Drawer, Group, Stack, Text } from '@mantine/core';
import { treeHeadFromStatement } from '@steward/policy-core';
import type { LedgerTreeHeadsQuery } from '@steward/schema';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyValueButton, CopyableHash } from '../../components/CopyValue.js';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { formatDateTime, formatNumber, shortHash } from '../../components/format.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCursorStack } from '../../components/use-cursor-stack.js';
import { TREE_HEADS_PAGE_SIZE, useTreeHeads } from './use-tree-heads.js';

type Head = LedgerTreeHeadsQuery['ledgerTreeHeads']['edges'][number]['node'];

/**
 * The head's JSON as it travels (the shape a disclosure package, the public tree-head.json and the
 * request form's earlier head share), rebuilt from the exact statement signed, so it verifies as signed.
 */
export function headJson(head: Pick<Head, 'statement' | 'signature'>): string | null {
  const parsed = treeHeadFromStatement(head.statement, head.signature);
  return parsed ? JSON.stringify(parsed, null, 2) : null;
}

function columns(t: TFunction<'ledger'>, open: (h: Head) => void): DataColumn<Head>[] {
  return [
    {
      id: 'size',
      header: t('heads.columns.size'),
      value: (h) => h.treeSize,
      cell: (h) => formatNumber(h.treeSize),
      nowrap: true,
      mono: true,
    },
    {
      id: 'signedAt',
      header: t('heads.columns.signedAt'),
      value: (h) => String(h.timestamp),
      cell: (h) => formatDateTime(String(h.timestamp)),
      nowrap: true,
    },
    {
      id: 'root',
      header: t('heads.columns.root'),
      value: (h) => h.rootHash,
      cell: (h) => (
        <Group gap={4} wrap="nowrap">
          <Code title={h.rootHash}>{shortHash(h.rootHash)}</Code>
          <CopyValueButton
            value={h.rootHash}
            size="compact-xs"
            variant="subtle"
            aria-label={t('heads.copyRoot', { size: formatNumber(h.treeSize) })}
          />
        </Group>
      ),
    },
    {
      // v2 heads also commit to the provider map: what makes a provider's package provably complete.
      id: 'map',
      header: t('heads.columns.map'),
      value: (h) => h.providerMapSize ?? -1,
      cell: (h) =>
        h.providerMapSize === null || h.providerMapSize === undefined
          ? t('heads.noMap')
          : t('heads.map', { count: h.providerMapSize }),
      nowrap: true,
    },
    { id: 'keyId', header: t('heads.columns.keyId'), value: (h) => h.keyId, mono: true },
    {
      id: 'open',
      header: t('heads.columns.open'),
      cell: (h) => (
        <Button
          variant="subtle"
          size="compact-xs"
          onClick={() => open(h)}
          aria-label={t('heads.open', { size: formatNumber(h.treeSize) })}
        >
          {t('heads.details')}
        </Button>
      ),
    },
  ];
}

/** Issue 19: every signed tree head, newest first — what the ledger committed to, for staff to hand out or check. */
export function TreeHeadsPage() {
  const { t } = useTranslation('ledger');
  const paging = useCursorStack();
  const { entries, pageInfo, total, ...query } = useTreeHeads(paging.after);
  const [opened, setOpened] = useState<Head | null>(null);
  return (
    <>
      <PageHeader
        title={t('heads.title')}
        description={t('heads.description')}
        actions={
          <Button variant="default" size="xs" onClick={query.refetch}>
            {t('heads.refresh')}
          </Button>
        }
      />
      <DataTable
        label={t('heads.table')}
        columns={columns(t, setOpened)}
        rows={entries}
        rowKey={(h) => String(h.treeSize)}
        empty={t('heads.empty')}
        query={query}
        pagination={{ paging, pageInfo, total, pageSize: TREE_HEADS_PAGE_SIZE }}
        minWidth={720}
        verticalSpacing={6}
      />
      <Drawer
        opened={opened !== null}
        onClose={() => setOpened(null)}
        title={opened ? t('heads.drawerTitle', { size: formatNumber(opened.treeSize) }) : ''}
        position="right"
        size="lg"
      >
        {opened && <TreeHeadDetail head={opened} />}
      </Drawer>
    </>
  );
}

function TreeHeadDetail({ head }: { head: Head }) {
  const { t } = useTranslation('ledger');
  const json = headJson(head);
  return (
    <Stack gap="sm">
      <Text size="sm">
        {t('heads.summary', { size: formatNumber(head.treeSize), signedAt: formatDateTime(String(head.timestamp)) })}
      </Text>
      <div>
        <Text size="sm" fw={600}>
          {t('heads.statement')}
        </Text>
        <Code block data-testid="head-statement">
          {head.statement}
        </Code>
      </div>
      <div>
        <Text size="sm" fw={600}>
          {t('heads.signature')}
        </Text>
        <CopyableHash value={head.signature} label={t('heads.signature')} />
      </div>
      <div>
        <Text size="sm" fw={600}>
          {t('heads.publicKey')}
        </Text>
        <CopyableHash value={head.publicKey} label={t('heads.publicKey')} />
      </div>
      <Text size="xs" c="dimmed">
        {t('heads.keyId', { keyId: head.keyId })}
      </Text>
      {json && (
        <div>
          <Text size="sm" fw={600}>
            {t('heads.json')}
          </Text>
          <Code block data-testid="head-json">
            {json}
          </Code>
          <CopyValueButton value={json} label={t('heads.copyJson')} size="xs" variant="light" mt="xs" />
          <Text size="xs" c="dimmed" mt={4}>
            {t('heads.jsonHelp')}
          </Text>
        </div>
      )}
    </Stack>
  );
}
