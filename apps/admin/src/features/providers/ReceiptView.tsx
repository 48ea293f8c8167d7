import { Badge, Button, Code, Collapse, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { ConsentReceiptFieldsFragment } from '@steward/schema';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CategoryBadges } from '../../components/CategoryBadges.js';
import { ConsentStateBadge } from '../../components/ConsentStateBadge.js';
import { CopyableHash } from '../../components/CopyValue.js';
import { downloadText } from '../../components/download.js';
import { formatDateTime } from '../../components/format.js';
import { CHANNEL_LABEL, CONSENT_METHOD_LABEL } from '../../components/labels.js';
import { prettyReceiptJson, receiptFileName } from './receipt.js';
import { PrintableReceiptButton } from '../documents/ReceiptDocument.js';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ wordBreak: 'break-word' }}>
        {children}
      </Text>
    </div>
  );
}

/** A consent receipt as the provider would get it: fields, purposes, hash, and the exact JSON. */
export function ReceiptView({ receipt }: { receipt: ConsentReceiptFieldsFragment }) {
  const [showJson, setShowJson] = useState(false);
  const { t } = useTranslation('providers');
  return (
    <Stack gap="sm" aria-label={t('receipt.region', { id: receipt.receiptId })} role="region">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
        <Field label={t('receipt.id')}>
          <Text span ff="monospace" size="sm">
            {receipt.receiptId}
          </Text>
        </Field>
        <Field label={t('receipt.issued')}>{formatDateTime(receipt.issuedAt)}</Field>
        <Field label={t('receipt.version')}>{receipt.version}</Field>
        <Field label={t('receipt.jurisdictionLanguage')}>
          {receipt.jurisdiction} · {receipt.language}
        </Field>
        <Field label={t('receipt.controller')}>{receipt.controllerName}</Field>
        <Field label={t('receipt.controllerContact')}>{receipt.controllerContact}</Field>
        <Field label={t('receipt.subjectReference')}>
          <Text span ff="monospace" size="sm">
            {receipt.subjectReference}
          </Text>
        </Field>
        <Field label={t('receipt.channelMethod')}>
          {CHANNEL_LABEL[receipt.channel]} · {CONSENT_METHOD_LABEL[receipt.consentMethod]}
        </Field>
        <Field label={t('receipt.policyVersion')}>
          {t('receipt.policyVersionValue', { version: receipt.policyVersion })}
        </Field>
        <Field label={t('receipt.policyContentHash')}>
          <Text span ff="monospace" size="xs">
            {receipt.policyContentHash}
          </Text>
        </Field>
      </SimpleGrid>
      <Field label={t('receipt.categories')}>
        <CategoryBadges categories={receipt.categories} />
      </Field>
      <Table withTableBorder verticalSpacing={4} aria-label={t('receipt.purposesTable')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('receipt.purpose')}</Table.Th>
            <Table.Th>{t('receipt.purposeCategories')}</Table.Th>
            <Table.Th>{t('receipt.consent')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {receipt.purposes.map((p) => (
            <Table.Tr key={p.key}>
              {/* The purpose by its title only: the key is for machines, not for the person reading. */}
              <Table.Td>{p.title}</Table.Td>
              <Table.Td>
                <CategoryBadges categories={p.categories} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <ConsentStateBadge state={p.consent} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group gap="xs" align="center" wrap="nowrap">
        <Badge variant="outline" color="gray" size="sm" radius="sm" style={{ flexShrink: 0, overflow: 'visible' }}>
          SHA-256
        </Badge>
        <CopyableHash value={receipt.hash} label={t('receipt.hash')} />
      </Group>
      <Group gap="xs">
        <Button
          size="xs"
          onClick={() => downloadText(receiptFileName(receipt.receiptId), receipt.json)}
          aria-label={t('receipt.downloadNamed', { id: receipt.receiptId })}
        >
          {t('receipt.download')}
        </Button>
        <PrintableReceiptButton receipt={receipt} />
        <Button size="xs" variant="default" onClick={() => setShowJson((v) => !v)} aria-expanded={showJson}>
          {showJson ? t('receipt.hideJson') : t('receipt.showJson')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('receipt.hashCovers')}
        </Text>
      </Group>
      <Collapse expanded={showJson}>
        <Code block style={{ maxHeight: 320, overflow: 'auto' }}>
          {prettyReceiptJson(receipt.json)}
        </Code>
      </Collapse>
    </Stack>
  );
}
