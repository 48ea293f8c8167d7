import { Badge, Button, Table, Text, Title } from '@mantine/core';
import type { DisclosureDocument as DisclosureJson } from '@steward/policy-core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateIn, formatDateTimeIn, shortHash } from '../../components/format.js';
import { DisclosureExtensionSection } from './DisclosureSections.js';
import { EvidenceSection } from './EvidenceSection.js';
import { DocumentSection, DocumentTable, EmptyRow } from './document-parts.js';
import './print.css';

/** How many ledger entries the page shows before the staff member asks for all of them. */
export const LEDGER_PREVIEW = 200;

/** The package's canonical JSON read as its format (`steward.disclosure/6`, policy-core's DisclosureDocument). */
export function parseDisclosure(json: string): DisclosureJson {
  return JSON.parse(json) as DisclosureJson;
}

/**
 * The disclosure package as the provider reads it: rendered from its JSON, in the package's language
 * (the provider's — a fixed translator, whatever the staff member's UI language), dates in the
 * organisation's time zone. Every value and label is the package's own, so the page says exactly what
 * the JSON (and its SHA-256) say. Only the "show all" control is the staff member's, and never printed.
 */
export function DisclosureDocument({ json, sha256 }: { json: string; sha256: string }) {
  const { i18n } = useTranslation('documents');
  const doc = useMemo(() => parseDisclosure(json), [json]);
  const lang = doc.language;
  const t = i18n.getFixedT(lang, 'documents');
  const date = (iso: string | null) => formatDateIn(lang, iso);
  const dateTime = (iso: string | null) => formatDateTimeIn(lang, iso);
  const [allLedger, setAllLedger] = useState(false);
  const ledger = allLedger ? doc.ledger : doc.ledger.slice(0, LEDGER_PREVIEW);
  // A control, not part of the document: in the staff member's language.
  const showAll = i18n.t('documents:chrome.showAll', { count: doc.ledger.length, shown: ledger.length });
  const titles = doc.sectionTitles;

  return (
    <article lang={lang} data-testid="disclosure-document">
      <Title order={2} fz="h3">
        {doc.title}
      </Title>
      <Text size="sm">
        {t('disclosure.heading', {
          controller: doc.controller,
          reference: doc.requestReference,
          producedAt: dateTime(doc.producedAt),
          policyVersion: doc.policyVersion,
        })}
      </Text>
      <Text size="xs" c="dimmed" ff="monospace">
        {t('disclosure.sha256', { hash: sha256 })}
      </Text>

      <DocumentSection title={titles.provider}>
        <Table aria-label={titles.provider} verticalSpacing={2} withRowBorders={false}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w="30%">{t('disclosure.you.reference')}</Table.Th>
              <Table.Td ff="monospace">{doc.provider.reference}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('disclosure.you.kind')}</Table.Th>
              <Table.Td>{doc.provider.kindLabel}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('disclosure.you.since')}</Table.Th>
              <Table.Td>{date(doc.provider.createdAt)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </DocumentSection>

      <DocumentSection title={titles.dataItems} count={doc.dataItems.length}>
        <DocumentTable
          label={titles.dataItems}
          headers={[
            t('disclosure.items.category'),
            t('disclosure.items.value'),
            t('disclosure.items.source'),
            t('disclosure.items.collected'),
          ]}
        >
          {doc.dataItems.length === 0 && <EmptyRow colSpan={4}>{t('disclosure.items.empty')}</EmptyRow>}
          {doc.dataItems.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>{i.categoryLabel}</Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>
                {i.value}{' '}
                {i.publiclyAvailable && (
                  <Badge size="xs" variant="light">
                    {i.publicProvenance
                      ? t('disclosure.items.publicFrom', { provenance: i.publicProvenance })
                      : t('disclosure.items.public')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{i.source ?? '—'}</Table.Td>
              <Table.Td>
                {date(i.collectedAt)} · {i.channelLabel}
              </Table.Td>
            </Table.Tr>
          ))}
        </DocumentTable>
      </DocumentSection>

      <DocumentSection title={titles.collections} count={doc.collections.length}>
        <DocumentTable
          label={titles.collections}
          headers={[
            t('disclosure.collections.when'),
            t('disclosure.collections.how'),
            t('disclosure.collections.purposes'),
          ]}
        >
          {doc.collections.length === 0 && <EmptyRow colSpan={3}>{t('disclosure.collections.empty')}</EmptyRow>}
          {doc.collections.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{dateTime(c.collectedAt)}</Table.Td>
              <Table.Td>
                {[
                  c.channelLabel,
                  c.consentMethodLabel,
                  t('disclosure.collections.policy', { version: c.policyVersion }),
                  c.source,
                  c.note,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Table.Td>
              <Table.Td>
                {c.purposes.map((p) => (
                  <div key={p.purposeKey}>
                    {p.purposeTitle}: {p.consentLabel}
                  </div>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </DocumentTable>
      </DocumentSection>

      <DocumentSection title={titles.consents} count={doc.consents.length}>
        <DocumentTable
          label={titles.consents}
          headers={[
            t('disclosure.consents.purpose'),
            t('disclosure.consents.state'),
            t('disclosure.consents.since'),
            t('disclosure.consents.policyVersion'),
          ]}
        >
          {doc.consents.length === 0 && <EmptyRow colSpan={4}>{t('disclosure.consents.empty')}</EmptyRow>}
          {doc.consents.map((c) => (
            <Table.Tr key={c.purposeKey}>
              <Table.Td>{c.purposeTitle}</Table.Td>
              <Table.Td>{c.stateLabel}</Table.Td>
              <Table.Td>{dateTime(c.since)}</Table.Td>
              <Table.Td>{c.policyVersion ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </DocumentTable>
      </DocumentSection>

      <DocumentSection title={titles.consentEvents} count={doc.consentEvents.length}>
        <DocumentTable
          label={titles.consentEvents}
          fz="sm"
          headers={[
            t('disclosure.events.when'),
            t('disclosure.events.purpose'),
            t('disclosure.events.action'),
            t('disclosure.events.method'),
            t('disclosure.events.note'),
          ]}
        >
          {doc.consentEvents.length === 0 && <EmptyRow colSpan={5}>{t('disclosure.events.empty')}</EmptyRow>}
          {doc.consentEvents.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{dateTime(e.occurredAt)}</Table.Td>
              <Table.Td>{e.purposeTitle}</Table.Td>
              <Table.Td>{e.actionLabel}</Table.Td>
              <Table.Td>{e.methodLabel}</Table.Td>
              <Table.Td>{e.note ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </DocumentTable>
      </DocumentSection>

      <DocumentSection title={titles.ledger} count={doc.ledgerCount}>
        <DocumentTable
          label={titles.ledger}
          fz="xs"
          headers={[
            t('disclosure.ledger.sequence'),
            t('disclosure.ledger.when'),
            t('disclosure.ledger.what'),
            t('disclosure.ledger.by'),
            t('disclosure.ledger.purpose'),
            t('disclosure.ledger.to'),
            t('disclosure.ledger.categories'),
            t('disclosure.ledger.outcome'),
          ]}
        >
          {ledger.length === 0 && <EmptyRow colSpan={8}>{t('disclosure.ledger.empty')}</EmptyRow>}
          {ledger.map((e) => (
            <Table.Tr key={e.sequence}>
              <Table.Td>{e.sequence}</Table.Td>
              <Table.Td>{dateTime(e.recordedAt)}</Table.Td>
              <Table.Td>{e.kindLabel}</Table.Td>
              <Table.Td>{e.actorName}</Table.Td>
              <Table.Td>{e.purposeTitle ?? '—'}</Table.Td>
              <Table.Td>{e.recipientName ?? '—'}</Table.Td>
              <Table.Td>{e.categoryLabels.join(t('listSeparator'))}</Table.Td>
              <Table.Td>{[e.outcomeLabel, e.basisLabel, e.exceptionKindLabel].filter(Boolean).join(' · ')}</Table.Td>
            </Table.Tr>
          ))}
        </DocumentTable>
        {doc.ledger.length > ledger.length && (
          <Button size="xs" variant="subtle" className="steward-no-print" onClick={() => setAllLedger(true)}>
            {showAll}
          </Button>
        )}
      </DocumentSection>

      <DocumentSection title={titles.requests} count={doc.requests.length}>
        <DocumentTable
          label={titles.requests}
          headers={[
            t('disclosure.requests.reference'),
            t('disclosure.requests.kind'),
            t('disclosure.requests.received'),
            t('disclosure.requests.status'),
          ]}
        >
          {doc.requests.length === 0 && <EmptyRow colSpan={4}>{t('disclosure.requests.empty')}</EmptyRow>}
          {doc.requests.map((r) => (
            <Table.Tr key={r.reference}>
              <Table.Td ff="monospace">{r.reference}</Table.Td>
              <Table.Td>
                {r.kindLabel} · {r.channelLabel}
              </Table.Td>
              <Table.Td>{date(r.receivedAt)}</Table.Td>
              <Table.Td>{r.statusLabel}</Table.Td>
            </Table.Tr>
          ))}
        </DocumentTable>
      </DocumentSection>

      <DocumentSection title={titles.amendments} count={doc.amendments.length}>
        <DocumentTable
          label={titles.amendments}
          headers={[
            t('disclosure.amendments.when'),
            t('disclosure.amendments.category'),
            t('disclosure.amendments.change'),
          ]}
        >
          {doc.amendments.length === 0 && <EmptyRow colSpan={3}>{t('disclosure.amendments.empty')}</EmptyRow>}
          {doc.amendments.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{dateTime(a.changedAt)}</Table.Td>
              <Table.Td>
                {a.categoryLabel} · {a.actionLabel}
              </Table.Td>
              <Table.Td>
                {a.before ?? '—'} → {a.after ?? t('disclosure.amendments.removed')}
              </Table.Td>
            </Table.Tr>
          ))}
        </DocumentTable>
      </DocumentSection>

      <DocumentSection title={titles.cessations} count={doc.cessations.length}>
        <DocumentTable
          label={titles.cessations}
          headers={[
            t('disclosure.cessations.what'),
            t('disclosure.cessations.purpose'),
            t('disclosure.cessations.recipient'),
            t('disclosure.cessations.since'),
          ]}
        >
          {doc.cessations.length === 0 && <EmptyRow colSpan={4}>{t('disclosure.cessations.empty')}</EmptyRow>}
          {doc.cessations.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{c.actionLabel}</Table.Td>
              <Table.Td>{c.purposeTitle ?? '—'}</Table.Td>
              <Table.Td>{c.recipientName ?? '—'}</Table.Td>
              <Table.Td>{date(c.since)}</Table.Td>
            </Table.Tr>
          ))}
        </DocumentTable>
      </DocumentSection>

      <EvidenceSection doc={doc} title={titles.evidence} language={lang} />

      {doc.sections.map((s) => (
        <DisclosureExtensionSection key={s.key} section={s} language={lang} />
      ))}
      <Text size="xs" c="dimmed" mt="md">
        {t('disclosure.format', { version: doc.formatVersion, hash: shortHash(sha256) })}
      </Text>
    </article>
  );
}
