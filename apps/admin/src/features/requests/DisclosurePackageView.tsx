import { Badge, Button, Group, Table, Text, Title } from '@mantine/core';
import type { ProduceDisclosurePackageMutation } from '@steward/schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
 * canonical JSON to download; its SHA-256 is printed so the two can be matched. Headings and
 * labels are in the reader's language; the package's values (codes, states, section titles from
 * the API) are shown as the package holds them.
 */
export function DisclosurePackageView({ pkg }: { pkg: DisclosurePackage }) {
  const { t, i18n } = useTranslation('requests');
  // A status inside an English sentence is lower case ("completed"); a label as it is elsewhere.
  const inSentence = (label: string) => (i18n.language === 'en' ? label.toLowerCase() : label);
  const [allLedger, setAllLedger] = useState(false);
  const ledger = allLedger ? ledgerFromJson(pkg.json) : pkg.ledger;
  const recipientName = new Map(pkg.recipients.map((r) => [r.id, r.name]));
  const actorDescription = new Map(pkg.actors.map((a) => [a.ref, a.description]));

  return (
    <div className="steward-print-area" data-testid="disclosure-package">
      <Group justify="space-between" className="steward-no-print" mb="sm">
        <Text size="sm" c="dimmed">
          {t('package.instructions')}
        </Text>
        <Group gap="xs">
          <Button variant="default" onClick={() => window.print()}>
            {t('common:actions.print')}
          </Button>
          <Button variant="default" onClick={() => downloadText(`disclosure-${pkg.requestReference}.json`, pkg.json)}>
            {t('package.downloadJson')}
          </Button>
        </Group>
      </Group>
      <Title order={2} fz="h3">
        {t('package.title')}
      </Title>
      <Text size="sm">
        {t('package.heading', {
          controller: pkg.controller,
          reference: pkg.requestReference,
          producedAt: formatDateTime(pkg.producedAt),
          policyVersion: pkg.policyVersion,
        })}
      </Text>
      <Text size="xs" c="dimmed" ff="monospace">
        {t('package.sha256', { hash: pkg.sha256 })}
      </Text>

      <Section title={t('package.you.title')}>
        <Text size="sm">
          {t('package.you.reference')}{' '}
          <Text span ff="monospace">
            {pkg.provider.reference}
          </Text>{' '}
          {t('package.you.since', { date: formatDate(pkg.provider.createdAt) })}
        </Text>
      </Section>

      <Section title={t('package.items.title')} count={pkg.dataItems.length}>
        <Table aria-label={t('package.items.title')} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('package.items.category')}</Table.Th>
              <Table.Th>{t('package.items.value')}</Table.Th>
              <Table.Th>{t('package.items.source')}</Table.Th>
              <Table.Th>{t('package.items.collected')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pkg.dataItems.length === 0 && <Empty colSpan={4}>{t('package.items.empty')}</Empty>}
            {pkg.dataItems.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>{categoryLabel(i.category)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>
                  {i.value}{' '}
                  {i.publiclyAvailable && (
                    <Badge size="xs" variant="light">
                      {i.publicProvenance
                        ? t('package.items.publicFrom', { provenance: i.publicProvenance })
                        : t('package.items.public')}
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

      <Section title={t('package.collections.title')} count={pkg.collections.length}>
        <Table aria-label={t('package.collections.title')} verticalSpacing={4}>
          <Table.Tbody>
            {pkg.collections.length === 0 && <Empty colSpan={3}>{t('package.collections.empty')}</Empty>}
            {pkg.collections.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{formatDateTime(c.collectedAt)}</Table.Td>
                <Table.Td>
                  {CHANNEL_LABEL[c.channel]} · {CONSENT_METHOD_LABEL[c.consentMethod]} ·{' '}
                  {t('package.collections.policy', { version: c.policyVersion })} · {c.source ?? ''}
                  {c.note ? ` · ${c.note}` : ''}
                </Table.Td>
                <Table.Td>
                  {c.purposes
                    .map((p) =>
                      p.granted
                        ? t('package.collections.agreed', { purpose: p.purposeKey })
                        : t('package.collections.declined', { purpose: p.purposeKey }),
                    )
                    .join(', ')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>

      <Section title={t('package.consents.title')} count={pkg.consents.length}>
        <Table aria-label={t('package.consents.title')} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('package.consents.purpose')}</Table.Th>
              <Table.Th>{t('package.consents.state')}</Table.Th>
              <Table.Th>{t('package.consents.since')}</Table.Th>
              <Table.Th>{t('package.consents.policyVersion')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pkg.consents.length === 0 && <Empty colSpan={4}>{t('package.consents.empty')}</Empty>}
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
          {t('package.consents.history', {
            events:
              pkg.consentEvents
                .map(
                  (e) =>
                    `${formatDate(e.occurredAt)} ${e.action.toLowerCase()} ${e.purposeKey} (v${e.policyVersion})${e.note ? `: ${e.note}` : ''}`,
                )
                .join('; ') || t('package.consents.noHistory'),
          })}
        </Text>
      </Section>

      <Section title={t('package.ledger.title')} count={pkg.ledgerCount}>
        <Table aria-label={t('package.ledger.label')} verticalSpacing={2} fz="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('package.ledger.sequence')}</Table.Th>
              <Table.Th>{t('package.ledger.when')}</Table.Th>
              <Table.Th>{t('package.ledger.what')}</Table.Th>
              <Table.Th>{t('package.ledger.by')}</Table.Th>
              <Table.Th>{t('package.ledger.purpose')}</Table.Th>
              <Table.Th>{t('package.ledger.to')}</Table.Th>
              <Table.Th>{t('package.ledger.categories')}</Table.Th>
              <Table.Th>{t('package.ledger.outcome')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ledger.length === 0 && <Empty colSpan={8}>{t('package.ledger.empty')}</Empty>}
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
            {t('package.ledger.showAll', { count: pkg.ledgerCount, shown: pkg.ledger.length })}
          </Button>
        )}
      </Section>

      <Section title={t('package.requests.title')} count={pkg.requests.length}>
        <Text size="sm">
          {pkg.requests
            .map((q) =>
              t('package.requests.entry', {
                reference: q.reference,
                kind: REQUEST_KIND_LABEL[q.kind],
                receivedAt: formatDate(q.receivedAt),
                status: inSentence(REQUEST_STATUS_LABEL[q.status]),
              }),
            )
            .join('; ')}
        </Text>
      </Section>

      <Section title={t('package.amendments.title')} count={pkg.amendments.length}>
        {pkg.amendments.length === 0 ? (
          <Text size="sm">{t('package.amendments.empty')}</Text>
        ) : (
          <Table aria-label={t('package.amendments.title')} verticalSpacing={2}>
            <Table.Tbody>
              {pkg.amendments.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{formatDateTime(a.changedAt)}</Table.Td>
                  <Table.Td>{categoryLabel(a.category)}</Table.Td>
                  <Table.Td>
                    {a.before ?? '—'} → {a.after ?? t('package.amendments.removed')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>

      <Section title={t('package.cessations.title')} count={pkg.cessations.length}>
        <Text size="sm">
          {pkg.cessations
            .map((c) =>
              t('package.cessations.entry', {
                action: c.action,
                hasPurpose: c.purposeKey ? 'yes' : 'no',
                purpose: c.purposeKey ?? '',
                hasRecipient: c.recipientName ? 'yes' : 'no',
                recipient: c.recipientName ?? '',
                since: formatDate(c.since),
              }),
            )
            .join('; ') || t('package.cessations.empty')}
        </Text>
      </Section>

      {pkg.sections.map((s) => (
        <Section key={s.key} title={s.title} count={s.count}>
          {s.count === 0 ? (
            <Text size="sm">{t('package.sectionEmpty')}</Text>
          ) : (
            <Text size="xs" ff="monospace" style={{ whiteSpace: 'pre-wrap' }}>
              {s.json}
            </Text>
          )}
        </Section>
      ))}
      <Text size="xs" c="dimmed" mt="md">
        {t('package.format', { version: pkg.formatVersion, hash: shortHash(pkg.sha256) })}
      </Text>
    </div>
  );
}
