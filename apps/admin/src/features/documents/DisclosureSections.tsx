import { Table, Text } from '@mantine/core';
import { COOKIE_CATEGORIES, label, type Language } from '@steward/policy-core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTimeIn } from '../../components/format.js';
import { DocumentSection, DocumentTable } from './document-parts.js';

/**
 * The records other features add to a disclosure package (apps/api/src/requests/disclosure-extensions.ts),
 * as the API writes them: every code has its `*Label` beside it, in the package's language.
 */
type InquiryRecord = {
  summary: { id: string; reference: string; receivedAt: string; channelLabel: string; statusLabel: string };
  content: { subject: string; message: string };
  replies: { id: string; at: string; kindLabel: string; channelLabel: string | null; author: string; body: string }[];
};
type CookieConsentRecord = {
  receiptId: string;
  recordedAt: string;
  siteName: string;
  actionLabel: string;
  choice: Record<string, boolean>;
  gpcApplied: boolean;
  policyVersion: number;
};
type IncidentRecord = {
  reference: string;
  title: string;
  kindLabel: string;
  awareAt: string;
  statusLabel: string;
  measures: string | null;
  notifiedAt: string | null;
  steps: { kind: string; kindLabel: string; at: string; summary: string }[];
};
type Section = { key: string; title: string; count: number; records: readonly unknown[] };

type Props = { section: Section; language: Language };

/** One extension section as tables in the package's language (a translator fixed to it), never raw JSON. */
export function DisclosureExtensionSection({ section, language }: Props) {
  const { i18n } = useTranslation('documents');
  const t = i18n.getFixedT(language, 'documents');
  const dateTime = (iso: string) => formatDateTimeIn(language, iso);
  return (
    <DocumentSection title={section.title} count={section.count}>
      {section.count === 0 ? (
        <Text size="sm">{t('disclosure.sectionEmpty')}</Text>
      ) : section.key === 'inquiries' ? (
        <Inquiries records={section.records as readonly InquiryRecord[]} title={section.title} t={t} date={dateTime} />
      ) : section.key === 'cookieConsents' ? (
        <CookieConsents
          records={section.records as readonly CookieConsentRecord[]}
          title={section.title}
          language={language}
          t={t}
          date={dateTime}
        />
      ) : section.key === 'incidents' ? (
        <Incidents records={section.records as readonly IncidentRecord[]} title={section.title} t={t} date={dateTime} />
      ) : (
        // A section this admin does not know yet (a newer API): its records as written, still complete.
        <Text size="xs" ff="monospace" style={{ whiteSpace: 'pre-wrap' }}>
          {JSON.stringify(section.records, null, 2)}
        </Text>
      )}
    </DocumentSection>
  );
}

type TableProps<R> = { records: readonly R[]; title: string; t: TFunction; date: (iso: string) => string };

function Inquiries({ records, title, t, date }: TableProps<InquiryRecord>) {
  const replies = records.flatMap((i) => i.replies.map((r) => ({ ...r, reference: i.summary.reference })));
  return (
    <>
      <DocumentTable
        label={title}
        headers={[
          t('disclosure.inquiries.received'),
          t('disclosure.inquiries.reference'),
          t('disclosure.inquiries.channel'),
          t('disclosure.inquiries.status'),
          t('disclosure.inquiries.message'),
        ]}
      >
        {records.map((i) => (
          <Table.Tr key={i.summary.id}>
            <Table.Td>{date(i.summary.receivedAt)}</Table.Td>
            <Table.Td ff="monospace">{i.summary.reference}</Table.Td>
            <Table.Td>{i.summary.channelLabel}</Table.Td>
            <Table.Td>{i.summary.statusLabel}</Table.Td>
            <Table.Td style={{ whiteSpace: 'pre-wrap' }}>
              <Text span fw={600} fz="sm">
                {i.content.subject}
              </Text>
              {'\n'}
              {i.content.message}
            </Table.Td>
          </Table.Tr>
        ))}
      </DocumentTable>
      {replies.length > 0 && (
        <DocumentTable
          label={t('disclosure.inquiries.replies')}
          headers={[
            t('disclosure.inquiries.when'),
            t('disclosure.inquiries.reference'),
            t('disclosure.inquiries.kind'),
            t('disclosure.inquiries.by'),
            t('disclosure.inquiries.body'),
          ]}
        >
          {replies.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{date(r.at)}</Table.Td>
              <Table.Td ff="monospace">{r.reference}</Table.Td>
              <Table.Td>{r.channelLabel ? `${r.kindLabel}（${r.channelLabel}）` : r.kindLabel}</Table.Td>
              <Table.Td>{r.author}</Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{r.body}</Table.Td>
            </Table.Tr>
          ))}
        </DocumentTable>
      )}
    </>
  );
}

function CookieConsents({
  records,
  title,
  language,
  t,
  date,
}: TableProps<CookieConsentRecord> & { language: Language }) {
  // The choice is stored by category code; its labels come from policy-core's catalogue, in the package's language.
  const accepted = (choice: Record<string, boolean>) =>
    COOKIE_CATEGORIES.filter((c) => choice[c])
      .map((c) => label(language, 'cookieCategory', c))
      .join(t('disclosure.cookieConsents.separator'));
  return (
    <DocumentTable
      label={title}
      headers={[
        t('disclosure.cookieConsents.when'),
        t('disclosure.cookieConsents.site'),
        t('disclosure.cookieConsents.action'),
        t('disclosure.cookieConsents.accepted'),
        t('disclosure.cookieConsents.policyVersion'),
        t('disclosure.cookieConsents.receipt'),
      ]}
    >
      {records.map((c) => (
        <Table.Tr key={c.receiptId}>
          <Table.Td>{date(c.recordedAt)}</Table.Td>
          <Table.Td>{c.siteName}</Table.Td>
          <Table.Td>{c.actionLabel}</Table.Td>
          <Table.Td>
            {accepted(c.choice)}
            {c.gpcApplied ? ` ${t('disclosure.cookieConsents.gpc')}` : ''}
          </Table.Td>
          <Table.Td>{c.policyVersion}</Table.Td>
          <Table.Td ff="monospace">{c.receiptId}</Table.Td>
        </Table.Tr>
      ))}
    </DocumentTable>
  );
}

/** Incidents concerning the provider (from steward.disclosure/5): what happened, what was done, when they were told. */
function Incidents({ records, title, t, date }: TableProps<IncidentRecord>) {
  const steps = records.flatMap((i) => i.steps.map((s, n) => ({ ...s, reference: i.reference, n })));
  return (
    <>
      <DocumentTable
        label={title}
        headers={[
          t('disclosure.incidents.reference'),
          t('disclosure.incidents.kind'),
          t('disclosure.incidents.aware'),
          t('disclosure.incidents.status'),
          t('disclosure.incidents.measures'),
          t('disclosure.incidents.notified'),
        ]}
      >
        {records.map((i) => (
          <Table.Tr key={i.reference}>
            <Table.Td>
              <Text span ff="monospace" fz="sm">
                {i.reference}
              </Text>
              {'\n'}
              {i.title}
            </Table.Td>
            <Table.Td>{i.kindLabel}</Table.Td>
            <Table.Td>{date(i.awareAt)}</Table.Td>
            <Table.Td>{i.statusLabel}</Table.Td>
            <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{i.measures ?? '—'}</Table.Td>
            <Table.Td>{i.notifiedAt ? date(i.notifiedAt) : t('disclosure.incidents.notNotified')}</Table.Td>
          </Table.Tr>
        ))}
      </DocumentTable>
      {steps.length > 0 && (
        <DocumentTable
          label={t('disclosure.incidents.steps')}
          headers={[
            t('disclosure.incidents.when'),
            t('disclosure.incidents.reference'),
            t('disclosure.incidents.step'),
          ]}
        >
          {steps.map((s) => (
            <Table.Tr key={`${s.reference}-${s.n}`}>
              <Table.Td>{date(s.at)}</Table.Td>
              <Table.Td ff="monospace">{s.reference}</Table.Td>
              <Table.Td>{s.summary}</Table.Td>
            </Table.Tr>
          ))}
        </DocumentTable>
      )}
    </>
  );
}
