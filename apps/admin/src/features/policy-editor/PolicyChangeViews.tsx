import { Alert, Badge, Button, Card, Code, Group, Stack, Table, Text } from '@mantine/core';
import type {
  PolicyDiffQuery,
  PolicyImpactProvidersQuery,
  PolicyImpactQuery,
  PolicyPurposeFieldsFragment,
} from '@steward/schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { categoryLabel } from '../../components/categories.js';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { CONSENT_STATE_LABEL } from '../../components/labels.js';
import { useCursorStack } from '../../components/use-cursor-stack.js';
import { usePurposeTitle } from '../vocabulary/use-purpose-title.js';
import { IMPACT_PROVIDERS_PAGE_SIZE, useImpactProviders, usePolicyDiff, usePolicyImpact } from './use-policy-editor.js';

type ImpactProvider = PolicyImpactProvidersQuery['policyImpactProviders']['edges'][number]['node'];

type Diff = PolicyDiffQuery['policyDiff'];
type Impact = PolicyImpactQuery['policyImpact'];
/** The purposes of the version shown (a draft's are not stored yet), so purposes are named by their titles. */
type VersionPurposes = readonly PolicyPurposeFieldsFragment[] | null;

const LINE_STYLE = {
  ADDED: { background: 'var(--mantine-color-teal-0)', sign: '+' },
  REMOVED: { background: 'var(--mantine-color-red-0)', sign: '−' },
  UNCHANGED: { background: 'transparent', sign: ' ' },
} as const;

/** Purpose changes as short sentences, purposes by title (shared by the diff, the impact and the publish dialog). */
export function PurposeChangeList({
  changes,
  purposes,
}: {
  changes: Diff['purposeChanges'];
  purposes?: VersionPurposes;
}) {
  const { t } = useTranslation('policy-editor');
  const title = usePurposeTitle(purposes ?? undefined);
  const items = [
    ...changes.added.map((key) => t('changes.added', { purpose: title(key) })),
    ...changes.widened.map((w) =>
      t('changes.widened', { purpose: title(w.key), categories: w.categories.map(categoryLabel).join(', ') }),
    ),
    ...changes.narrowed.map((n) =>
      t('changes.narrowed', { purpose: title(n.key), categories: n.categories.map(categoryLabel).join(', ') }),
    ),
    ...changes.retired.map((key) => t('changes.retired', { purpose: title(key) })),
  ];
  if (!items.length)
    return (
      <Text size="sm" c="dimmed">
        {t('changes.none')}
      </Text>
    );
  return (
    <Stack gap={2} component="ul" style={{ margin: 0, paddingLeft: 18 }} aria-label={t('changes.label')}>
      {items.map((i) => (
        <Text key={i} size="sm" component="li">
          {i}
        </Text>
      ))}
    </Stack>
  );
}

export function DiffList({ diff, purposes }: { diff: Diff; purposes?: VersionPurposes }) {
  const { t } = useTranslation('policy-editor');
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {diff.base
          ? t('diff.against', { number: diff.version.number, base: diff.base.number })
          : t('diff.againstNothing', { number: diff.version.number })}
      </Text>
      {diff.sections.length === 0 && <Text size="sm">{t('diff.unchanged')}</Text>}
      {diff.sections.map((s) => (
        <Card
          key={`${s.clause}-${s.language}`}
          withBorder
          padding="sm"
          component="article"
          aria-label={t('diff.clauseLabel', { number: s.number, language: s.language })}
        >
          <Group gap="xs" mb="xs">
            <Text fw={600} size="sm">
              {t('diff.clauseHeading', { number: s.number, language: s.language })}
            </Text>
            <Badge size="xs" variant="light" color="teal">
              +{s.added}
            </Badge>
            <Badge size="xs" variant="light" color="red">
              {`−${s.removed}`}
            </Badge>
          </Group>
          <Code block lang={s.language} style={{ whiteSpace: 'pre-wrap', padding: 0 }}>
            {s.lines.map((l, i) => (
              <div key={i} data-kind={l.kind} style={{ background: LINE_STYLE[l.kind].background, padding: '0 8px' }}>
                {LINE_STYLE[l.kind].sign} {l.text}
              </div>
            ))}
          </Code>
        </Card>
      ))}
      <Card withBorder padding="sm">
        <Text fw={600} size="sm" mb={4}>
          {t('diff.purposes')}
        </Text>
        <PurposeChangeList changes={diff.purposeChanges} purposes={purposes} />
      </Card>
    </Stack>
  );
}

export function PolicyDiffPanel({ versionId, purposes }: { versionId: string; purposes?: VersionPurposes }) {
  const { t } = useTranslation('policy-editor');
  const { diff, fetching, error, refetch } = usePolicyDiff(versionId, false);
  if (!diff) return fetching ? <Loading label={t('diff.loading')} /> : <ErrorAlert error={error} onRetry={refetch} />;
  return <DiffList diff={diff} purposes={purposes} />;
}

function LackingProviders({ versionId, purposeKey, title }: { versionId: string; purposeKey: string; title: string }) {
  const { t } = useTranslation('policy-editor');
  const paging = useCursorStack();
  const { providers, pageInfo, total, ...query } = useImpactProviders(versionId, purposeKey, paging.after);
  const columns: DataColumn<ImpactProvider>[] = [
    { id: 'reference', header: t('lacking.reference'), value: (p) => p.reference },
    { id: 'state', header: t('lacking.consentNow'), value: (p) => CONSENT_STATE_LABEL[p.state] },
    { id: 'why', header: t('lacking.why'), value: (p) => p.message },
  ];
  return (
    <DataTable
      label={t('lacking.table', { purpose: title })}
      columns={columns}
      rows={providers}
      rowKey={(p) => p.providerId}
      empty={t('lacking.empty')}
      query={query}
      loadingLabel={t('lacking.loading')}
      withCard={false}
      striped
      pagination={{ paging, pageInfo, total, pageSize: IMPACT_PROVIDERS_PAGE_SIZE }}
    />
  );
}

export function ImpactSummary({ impact }: { impact: Impact }) {
  const { t } = useTranslation('policy-editor');
  return impact.purposes.length === 0 ? (
    <Alert color="teal" variant="light" title={t('impact.nobody')}>
      {t('impact.nobodyDetail', { number: impact.nextVersion })}
    </Alert>
  ) : (
    <Alert
      color="yellow"
      variant="light"
      title={t('impact.toAsk', { toAsk: impact.providersToAsk, total: impact.providers })}
    >
      {t('impact.toAskDetail', { missing: impact.consentsMissing, number: impact.nextVersion })}
    </Alert>
  );
}

export function PolicyImpactPanel({ versionId, purposes }: { versionId: string; purposes?: VersionPurposes }) {
  const { t } = useTranslation('policy-editor');
  const title = usePurposeTitle(purposes ?? undefined);
  const { impact, fetching, error, refetch } = usePolicyImpact(versionId, false);
  const [open, setOpen] = useState<string | null>(null);
  if (!impact)
    return fetching ? <Loading label={t('impact.computing')} /> : <ErrorAlert error={error} onRetry={refetch} />;
  return (
    <Stack gap="md">
      <ImpactSummary impact={impact} />
      {impact.purposes.length > 0 && (
        <Table withTableBorder aria-label={t('impact.table')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('impact.purpose')}</Table.Th>
              <Table.Th>{t('impact.change')}</Table.Th>
              <Table.Th>{t('impact.categories')}</Table.Th>
              <Table.Th ta="right">{t('impact.covered')}</Table.Th>
              <Table.Th ta="right">{t('impact.lacking')}</Table.Th>
              <Table.Th ta="right">{t('impact.notAsked')}</Table.Th>
              <Table.Th ta="right">{t('impact.grantedEarlier')}</Table.Th>
              <Table.Th ta="right">{t('impact.refusedWithdrawn')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {impact.purposes.map((p) => (
              <Table.Tr key={p.key}>
                <Table.Td>{title(p.key)}</Table.Td>
                <Table.Td>{p.change === 'ADDED' ? t('impact.added') : t('impact.widened')}</Table.Td>
                <Table.Td>{p.addedCategories.map(categoryLabel).join(', ')}</Table.Td>
                <Table.Td ta="right">{p.covered}</Table.Td>
                <Table.Td ta="right">{p.lacking}</Table.Td>
                <Table.Td ta="right">{p.notAsked}</Table.Td>
                <Table.Td ta="right">{p.grantedBeforeVersion}</Table.Td>
                <Table.Td ta="right">{p.refused + p.withdrawn}</Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="subtle" onClick={() => setOpen(open === p.key ? null : p.key)}>
                    {open === p.key ? t('impact.hide') : t('impact.who')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {open && <LackingProviders key={open} versionId={versionId} purposeKey={open} title={title(open)} />}
    </Stack>
  );
}
