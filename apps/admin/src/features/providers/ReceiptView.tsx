import { Badge, Button, Code, Collapse, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { ConsentReceiptFieldsFragment } from '@steward/schema';
import { useState, type ReactNode } from 'react';
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
  return (
    <Stack gap="sm" aria-label={`Consent receipt ${receipt.receiptId}`} role="region">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
        <Field label="Receipt ID">
          <Text span ff="monospace" size="sm">
            {receipt.receiptId}
          </Text>
        </Field>
        <Field label="Issued">{formatDateTime(receipt.issuedAt)}</Field>
        <Field label="Receipt version">{receipt.version}</Field>
        <Field label="Jurisdiction · language">
          {receipt.jurisdiction} · {receipt.language}
        </Field>
        <Field label="Controller">{receipt.controllerName}</Field>
        <Field label="Controller contact">{receipt.controllerContact}</Field>
        <Field label="Subject reference">
          <Text span ff="monospace" size="sm">
            {receipt.subjectReference}
          </Text>
        </Field>
        <Field label="Channel · method">
          {CHANNEL_LABEL[receipt.channel]} · {CONSENT_METHOD_LABEL[receipt.consentMethod]}
        </Field>
        <Field label="Policy version">v{receipt.policyVersion}</Field>
        <Field label="Policy content hash">
          <Text span ff="monospace" size="xs">
            {receipt.policyContentHash}
          </Text>
        </Field>
      </SimpleGrid>
      <Field label="Categories collected">
        <CategoryBadges categories={receipt.categories} />
      </Field>
      <Table withTableBorder verticalSpacing={4} aria-label="Receipt purposes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Purpose</Table.Th>
            <Table.Th>Categories</Table.Th>
            <Table.Th>Consent</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {receipt.purposes.map((p) => (
            <Table.Tr key={p.key}>
              <Table.Td>
                {p.title}{' '}
                <Text span size="xs" c="dimmed" ff="monospace">
                  {p.key}
                </Text>
              </Table.Td>
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
        <CopyableHash value={receipt.hash} label="Receipt hash" />
      </Group>
      <Group gap="xs">
        <Button
          size="xs"
          onClick={() => downloadText(receiptFileName(receipt.receiptId), receipt.json)}
          aria-label={`Download receipt ${receipt.receiptId} (JSON)`}
        >
          Download receipt (JSON)
        </Button>
        <PrintableReceiptButton receipt={receipt} />
        <Button size="xs" variant="default" onClick={() => setShowJson((v) => !v)} aria-expanded={showJson}>
          {showJson ? 'Hide JSON' : 'Show JSON'}
        </Button>
        <Text size="xs" c="dimmed">
          The hash covers the downloaded JSON exactly as issued.
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
