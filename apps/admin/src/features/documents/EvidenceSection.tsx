import { Table, Text } from '@mantine/core';
import type { DisclosureDocument as DisclosureJson, Language } from '@steward/policy-core';
import { useTranslation } from 'react-i18next';
import { formatDateTimeIn } from '../../components/format.js';
import { DocumentSection } from './document-parts.js';

/**
 * The package's proofs as the provider reads them (format `steward.disclosure/6`, `evidence`): which
 * signed head they are proven under, the key to check it with, how to run the offline verifier, and
 * what a verified package does and does not prove. The proofs themselves stay in the JSON.
 */
export function EvidenceSection({ doc, title, language }: { doc: DisclosureJson; title: string; language: Language }) {
  const { i18n } = useTranslation('documents');
  const t = i18n.getFixedT(language, 'documents');
  const evidence = doc.evidence;
  if (!evidence) {
    return (
      <DocumentSection title={title}>
        <Text size="sm">{doc.evidenceUnavailable ?? t('disclosure.evidence.unavailable')}</Text>
      </DocumentSection>
    );
  }
  const number = (n: number) => n.toLocaleString(language === 'ja' ? 'ja-JP' : 'en-GB');
  const { head, earlierHead, restores } = evidence;
  const rows: [string, string, boolean][] = [
    [t('disclosure.evidence.size'), number(head.treeSize), false],
    [t('disclosure.evidence.signedAt'), formatDateTimeIn(language, head.timestamp), false],
    [t('disclosure.evidence.root'), head.rootHash, true],
    [t('disclosure.evidence.mapRoot'), `${number(head.providerMapSize ?? 0)} · ${head.providerMapRoot}`, true],
    [t('disclosure.evidence.publicKey'), evidence.publicKey, true],
  ];
  return (
    <DocumentSection title={title}>
      <Text size="sm">
        {t('disclosure.evidence.intro', { count: evidence.entries.length, size: number(head.treeSize) })}
      </Text>
      <Table aria-label={title} verticalSpacing={2} withRowBorders={false} mt={4}>
        <Table.Tbody>
          {rows.map(([label, value, mono]) => (
            <Table.Tr key={label}>
              <Table.Th w="30%">{label}</Table.Th>
              <Table.Td ff={mono ? 'monospace' : undefined} style={{ wordBreak: 'break-all' }}>
                {value}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {earlierHead && evidence.consistencyProof && (
        <Text size="sm" mt={4}>
          {t('disclosure.evidence.consistent', {
            size: number(earlierHead.treeSize),
            signedAt: formatDateTimeIn(language, earlierHead.timestamp),
          })}
        </Text>
      )}
      {restores.map((r) => (
        <Text size="sm" mt={4} key={r.entry.hash}>
          {t('disclosure.evidence.restore', {
            from: number(r.lostFrom),
            to: number(r.lostTo),
            at: formatDateTimeIn(language, String(r.entry.content.recordedAt)),
            sequence: number(r.lostTo + 1),
          })}
        </Text>
      ))}
      <Text size="sm" mt={4}>
        {t('disclosure.evidence.howTo')}
      </Text>
      <Text size="sm" ff="monospace" mt={2}>
        {verifyCommand(evidence.publicKey)}
      </Text>
      <Text size="sm" mt={4}>
        {t('disclosure.evidence.keep')}
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        {t('disclosure.evidence.limits')}
      </Text>
    </DocumentSection>
  );
}

/** The command a provider runs on the saved package (packages/verify's CLI): the same in every language. */
export const verifyCommand = (publicKey: string) => `npx @steward/verify --public-key ${publicKey} disclosure.json`;
