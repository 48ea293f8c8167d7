import { Button, Group, Modal, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadText } from '../../components/download.js';
import { formatDateIn, formatDateTimeIn } from '../../components/format.js';
import { receiptFileName } from '../providers/receipt.js';
import { DocumentSection, DocumentTable } from './document-parts.js';
import { printableReceipt } from './receipt-document.js';
import './print.css';

/** What the page needs of a stored receipt: its JSON as issued and the hash that covers it. */
export interface ReceiptSource {
  receiptId: string;
  json: string;
  hash: string;
}

/**
 * A consent receipt as the provider keeps it: rendered from its JSON in the language it was issued in
 * (the provider's), with a fixed translator whatever the staff member's UI language, dates in the
 * organisation's time zone. Purposes by name, the policy version shown with its effective date, what
 * was granted or refused, how, the receipt's SHA-256 and what it covers, and who to contact.
 */
export function ReceiptDocument({ receipt }: { receipt: ReceiptSource }) {
  const { i18n } = useTranslation('documents');
  const r = useMemo(() => printableReceipt(receipt.json), [receipt.json]);
  const lang = r.language;
  const t = i18n.getFixedT(lang, 'documents');
  const list = (items: string[]) => items.join(t('listSeparator'));
  const c = r.controller;
  const contact = c.secretariat ? [c.secretariat, c.postalAddress, c.telephone, c.email].filter(Boolean) : [c.contact];

  return (
    <article lang={lang} data-testid="receipt-document">
      <Title order={2} fz="h3">
        {r.title ?? t('receipt.receiptId')}
      </Title>
      <Text size="sm" fw={600}>
        {c.name}
      </Text>
      <Table verticalSpacing={2} withRowBorders={false} aria-label={r.title ?? receipt.receiptId}>
        <Table.Tbody>
          <Field label={t('receipt.receiptId')}>
            <Text span ff="monospace" size="sm">
              {r.receiptId}
            </Text>
          </Field>
          <Field label={t('receipt.issued')}>{formatDateTimeIn(lang, r.issuedAt)}</Field>
          <Field label={t('receipt.subject')}>
            <Text span ff="monospace" size="sm">
              {r.subject.reference}
            </Text>
          </Field>
          <Field label={t('receipt.policy')}>
            {r.policy.effectiveFrom
              ? t('receipt.policyVersion', {
                  version: r.policy.version,
                  date: formatDateIn(lang, r.policy.effectiveFrom),
                })
              : t('receipt.policyVersionOnly', { version: r.policy.version })}
          </Field>
          <Field label={t('receipt.policyHash')}>
            <Text span ff="monospace" size="xs">
              {r.policy.contentHash}
            </Text>
          </Field>
          <Field label={t('receipt.collectedBy')}>
            {r.collection.channelLabel} · {r.collection.consentMethodLabel}
          </Field>
          <Field label={t('receipt.categories')}>{list(r.collection.categoryLabels)}</Field>
        </Table.Tbody>
      </Table>

      <DocumentSection title={t('receipt.purposes')}>
        <DocumentTable
          label={t('receipt.purposes')}
          headers={[t('receipt.purpose'), t('receipt.purposeCategories'), t('receipt.consent')]}
        >
          {r.purposes.map((p) => (
            <Table.Tr key={p.key}>
              <Table.Td>{p.title}</Table.Td>
              <Table.Td>{list(p.categoryLabels)}</Table.Td>
              <Table.Td fw={600}>{p.consentLabel}</Table.Td>
            </Table.Tr>
          ))}
        </DocumentTable>
      </DocumentSection>

      <DocumentSection title={t('receipt.contact')}>
        {contact.map((line) => (
          <Text key={line} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {line}
          </Text>
        ))}
      </DocumentSection>

      <DocumentSection title={t('receipt.hash')}>
        <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
          {receipt.hash}
        </Text>
        <Text size="xs" c="dimmed">
          {t('receipt.hashCovers', { version: r.version })}
        </Text>
      </DocumentSection>
    </article>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w="35%" fw={500}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

/**
 * A button that opens the receipt as a printable page (print.css prints only it): the controls in
 * the staff member's language, the receipt in the provider's.
 */
export function PrintableReceiptButton({ receipt }: { receipt: ReceiptSource }) {
  const { t } = useTranslation('documents');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="xs" variant="default" onClick={() => setOpen(true)}>
        {t('chrome.printReceipt')}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        size="xl"
        title={t('chrome.printReceiptLabel', { receiptId: receipt.receiptId })}
      >
        <div className="steward-print-area">
          <Group justify="flex-end" gap="xs" className="steward-no-print" mb="sm">
            <Button variant="default" onClick={() => window.print()}>
              {t('common:actions.print')}
            </Button>
            <Button variant="default" onClick={() => downloadText(receiptFileName(receipt.receiptId), receipt.json)}>
              {t('chrome.downloadJson')}
            </Button>
          </Group>
          <ReceiptDocument receipt={receipt} />
        </div>
      </Modal>
    </>
  );
}
