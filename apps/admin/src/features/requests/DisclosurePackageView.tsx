import { Badge, Button, Group, Table, Text, Title } from '@mantine/core';
import type { ProduceDisclosurePackageMutation } from '@steward/schema';
import { useState } from 'react';
import { categoryLabel } from '../../components/categories.js';
import { downloadText } from '../../components/download.js';
import { formatDate, formatDateTime, shortHash } from '../../components/format.js';
import { CHANNEL_LABEL, CONSENT_METHOD_LABEL } from '../../components/labels.js';
import { REQUEST_KIND_LABEL, REQUEST_STATUS_LABEL } from './request-labels.js';
import './print.css';

export type DisclosurePackage = ProduceDisclosurePackageMutation['produceDisclosurePackage'];

type LedgerRow = DisclosurePackage['ledger'][number];

/** Every ledger entry, read from the package's canonical JSON (the typed list is a preview). */
export function ledgerFromJson(json: string): LedgerRow[] {
  const parsed = JSON.parse(json) as { ledger?: LedgerRow[] };
  return parsed.ledger ?? [];
}

function Section({ title, count, children }: { title: string; count?: number; children: React.ReactNode }) {
  return (
    <section>
      <Title order={3} fz="h5" mt="md" mb={6}>
        {title}
        {count !== undefined && (
          <Text span c="dimmed" fz="sm" fw={400}>
            {' '}
            ({count})
          </Text>
        )}
      </Title>
      {children}
    </section>
  );
}

function Empty({ colSpan, children }: { colSpan: number; children: string }) {
  return (
    <Table.Tr>
      <Table.Td colSpan={colSpan}>
        <Text size="sm" c="dimmed">
          {children}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * The disclosure package as a printable page (print.css keeps only this area on paper), with the
 * canonical JSON to download; its SHA-256 is printed so the two can be matched.
 */
export function DisclosurePackageView({ pkg }: { pkg: DisclosurePackage }) {
  const [allLedger, setAllLedger] = useState(false);
  const ledger = allLedger ? ledgerFromJson(pkg.json) : pkg.ledger;
  const recipientName = new Map(pkg.recipients.map((r) => [r.id, r.name]));
  const actorDescription = new Map(pkg.actors.map((a) => [a.ref, a.description]));

  return (
    <div className="steward-print-area" data-testid="disclosure-package">
      <Group justify="space-between" className="steward-no-print" mb="sm">
        <Text size="sm" c="dimmed">
          Check the package, then print it or download the JSON for the provider.
        </Text>
        <Group gap="xs">
          <Button variant="default" onClick={() => window.print()}>
            Print
          </Button>
          <Button variant="default" onClick={() => downloadText(`disclosure-${pkg.requestReference}.json`, pkg.json)}>
            Download JSON
          </Button>
        </Group>
      </Group>
      <Title order={2} fz="h3">
        Disclosure of personal information
      </Title>
      <Text size="sm">
        {pkg.controller} · request {pkg.requestReference} · produced {formatDateTime(pkg.producedAt)} · privacy policy
        version {pkg.policyVersion}
      </Text>
      <Text size="xs" c="dimmed" ff="monospace">
        SHA-256 of the JSON: {pkg.sha256}
      </Text>

      <Section title="You">
        <Text size="sm">
          Reference{' '}
          <Text span ff="monospace">
            {pkg.provider.reference}
          </Text>{' '}
          · on record since {formatDate(pkg.provider.createdAt)}
        </Text>
      </Section>

      <Section title="Personal information held" count={pkg.dataItems.length}>
        <Table aria-label="Personal information held" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Category</Table.Th>
              <Table.Th>Value</Table.Th>
              <Table.Th>Source</Table.Th>
              <Table.Th>Collected</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pkg.dataItems.length === 0 && <Empty colSpan={4}>Nothing.</Empty>}
            {pkg.dataItems.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>{categoryLabel(i.category)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>
                  {i.value}{' '}
                  {i.publiclyAvailable && (
                    <Badge size="xs" variant="light">
                      public{i.publicProvenance ? `: ${i.publicProvenance}` : ''}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{i.source ?? '—'}</Table.Td>
                <Table.Td>
                  {formatDate(i.collectedAt)} · {CHANNEL_LABEL[i.channel]}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>

      <Section title="Collections" count={pkg.collections.length}>
        <Table aria-label="Collections" verticalSpacing={4}>
          <Table.Tbody>
            {pkg.collections.length === 0 && <Empty colSpan={3}>None recorded.</Empty>}
            {pkg.collections.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{formatDateTime(c.collectedAt)}</Table.Td>
                <Table.Td>
                  {CHANNEL_LABEL[c.channel]} · {CONSENT_METHOD_LABEL[c.consentMethod]} · policy v{c.policyVersion} ·{' '}
                  {c.source ?? ''}
                  {c.note ? ` · ${c.note}` : ''}
                </Table.Td>
                <Table.Td>
                  {c.purposes.map((p) => `${p.purposeKey}: ${p.granted ? 'agreed' : 'declined'}`).join(', ')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>

      <Section title="Consents" count={pkg.consents.length}>
        <Table aria-label="Consents" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Purpose</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>Since</Table.Th>
              <Table.Th>Policy version</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pkg.consents.length === 0 && <Empty colSpan={4}>None recorded.</Empty>}
            {pkg.consents.map((c) => (
              <Table.Tr key={c.purposeKey}>
                <Table.Td>{c.purposeTitle}</Table.Td>
                <Table.Td>{c.state}</Table.Td>
                <Table.Td>{formatDateTime(c.since)}</Table.Td>
                <Table.Td>{c.policyVersion ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed" mt={4}>
          History:{' '}
          {pkg.consentEvents
            .map(
              (e) =>
                `${formatDate(e.occurredAt)} ${e.action.toLowerCase()} ${e.purposeKey} (v${e.policyVersion})${e.note ? `: ${e.note}` : ''}`,
            )
            .join('; ') || 'none'}
        </Text>
      </Section>

      <Section title="Record of uses, provisions and decisions" count={pkg.ledgerCount}>
        <Table aria-label="Ledger" verticalSpacing={2} fz="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>When</Table.Th>
              <Table.Th>What</Table.Th>
              <Table.Th>By</Table.Th>
              <Table.Th>Purpose</Table.Th>
              <Table.Th>To</Table.Th>
              <Table.Th>Categories</Table.Th>
              <Table.Th>Outcome / basis</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ledger.length === 0 && <Empty colSpan={8}>Nothing recorded.</Empty>}
            {ledger.map((e) => (
              <Table.Tr key={e.sequence}>
                <Table.Td>{e.sequence}</Table.Td>
                <Table.Td>{formatDateTime(e.recordedAt)}</Table.Td>
                <Table.Td>{e.kind}</Table.Td>
                <Table.Td>{actorDescription.get(e.actor) ?? e.actor}</Table.Td>
                <Table.Td>{e.purposeKey ?? '—'}</Table.Td>
                <Table.Td>{e.recipientId ? (recipientName.get(e.recipientId) ?? e.recipientId) : '—'}</Table.Td>
                <Table.Td>{e.categories.join(', ')}</Table.Td>
                <Table.Td>
                  {e.outcome}
                  {e.basisKind ? ` · ${e.basisKind}${e.exceptionKind ? ` (${e.exceptionKind})` : ''}` : ''}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {pkg.ledgerCount > pkg.ledger.length && !allLedger && (
          <Button size="xs" variant="subtle" className="steward-no-print" onClick={() => setAllLedger(true)}>
            Show all {pkg.ledgerCount} entries (first {pkg.ledger.length} shown)
          </Button>
        )}
      </Section>

      <Section title="Requests" count={pkg.requests.length}>
        <Text size="sm">
          {pkg.requests
            .map(
              (q) =>
                `${q.reference} (${REQUEST_KIND_LABEL[q.kind]}, received ${formatDate(q.receivedAt)}, ${REQUEST_STATUS_LABEL[q.status].toLowerCase()})`,
            )
            .join('; ')}
        </Text>
      </Section>

      <Section title="Amendments" count={pkg.amendments.length}>
        {pkg.amendments.length === 0 ? (
          <Text size="sm">None.</Text>
        ) : (
          <Table aria-label="Amendments" verticalSpacing={2}>
            <Table.Tbody>
              {pkg.amendments.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{formatDateTime(a.changedAt)}</Table.Td>
                  <Table.Td>{categoryLabel(a.category)}</Table.Td>
                  <Table.Td>
                    {a.before ?? '—'} → {a.after ?? '(removed)'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>

      <Section title="Stopped on request" count={pkg.cessations.length}>
        <Text size="sm">
          {pkg.cessations
            .map(
              (c) =>
                `${c.action === 'USE' ? 'use' : 'provision'} ${c.purposeKey ? `for ${c.purposeKey}` : ''}${c.recipientName ? ` to ${c.recipientName}` : ''} since ${formatDate(c.since)}`,
            )
            .join('; ') || 'Nothing.'}
        </Text>
      </Section>

      {pkg.sections.map((s) => (
        <Section key={s.key} title={s.title} count={s.count}>
          {s.count === 0 ? (
            <Text size="sm">None.</Text>
          ) : (
            <Text size="xs" ff="monospace" style={{ whiteSpace: 'pre-wrap' }}>
              {s.json}
            </Text>
          )}
        </Section>
      ))}
      <Text size="xs" c="dimmed" mt="md">
        Package format {pkg.formatVersion} · {shortHash(pkg.sha256)}
      </Text>
    </div>
  );
}
