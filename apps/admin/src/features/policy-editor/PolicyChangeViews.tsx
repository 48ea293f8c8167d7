import { Alert, Badge, Button, Card, Code, Group, Stack, Table, Text } from '@mantine/core';
import type { PolicyDiffQuery, PolicyImpactQuery } from '@steward/schema';
import { useState } from 'react';
import { categoryLabel } from '../../components/categories.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { CONSENT_STATE_LABEL } from '../../components/labels.js';
import { useImpactProviders, usePolicyDiff, usePolicyImpact } from './use-policy-editor.js';

type Diff = PolicyDiffQuery['policyDiff'];
type Impact = PolicyImpactQuery['policyImpact'];

const LINE_STYLE = {
  ADDED: { background: 'var(--mantine-color-teal-0)', sign: '+' },
  REMOVED: { background: 'var(--mantine-color-red-0)', sign: '−' },
  UNCHANGED: { background: 'transparent', sign: ' ' },
} as const;

/** Purpose changes as short sentences (shared by the diff, the impact and the publish dialog). */
export function PurposeChangeList({ changes }: { changes: Diff['purposeChanges'] }) {
  const items = [
    ...changes.added.map((k) => `Added: ${k}`),
    ...changes.widened.map((w) => `Widened: ${w.key} (+ ${w.categories.map(categoryLabel).join(', ')})`),
    ...changes.narrowed.map((n) => `Narrowed: ${n.key} (− ${n.categories.map(categoryLabel).join(', ')})`),
    ...changes.retired.map((k) => `Retired: ${k}`),
  ];
  if (!items.length)
    return (
      <Text size="sm" c="dimmed">
        No change to the purposes of use.
      </Text>
    );
  return (
    <Stack gap={2} component="ul" style={{ margin: 0, paddingLeft: 18 }} aria-label="Purpose changes">
      {items.map((i) => (
        <Text key={i} size="sm" component="li">
          {i}
        </Text>
      ))}
    </Stack>
  );
}

export function DiffList({ diff }: { diff: Diff }) {
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Version {diff.version.number} against {diff.base ? `version ${diff.base.number}` : 'nothing'}; each
        clause&apos;s first line is its title.
      </Text>
      {diff.sections.length === 0 && <Text size="sm">The text is unchanged.</Text>}
      {diff.sections.map((s) => (
        <Card
          key={`${s.clause}-${s.language}`}
          withBorder
          padding="sm"
          component="article"
          aria-label={`Clause ${s.number} ${s.language}`}
        >
          <Group gap="xs" mb="xs">
            <Text fw={600} size="sm">
              Clause {s.number} · {s.language === 'ja' ? '日本語' : 'English'}
            </Text>
            <Badge size="xs" variant="light" color="teal">
              +{s.added}
            </Badge>
            <Badge size="xs" variant="light" color="red">
              −{s.removed}
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
          Purposes of use
        </Text>
        <PurposeChangeList changes={diff.purposeChanges} />
      </Card>
    </Stack>
  );
}

export function PolicyDiffPanel({ versionId }: { versionId: string }) {
  const { diff, fetching, error, refetch } = usePolicyDiff(versionId, false);
  if (!diff) return fetching ? <Loading label="Comparing versions" /> : <ErrorAlert error={error} onRetry={refetch} />;
  return <DiffList diff={diff} />;
}

function LackingProviders({ versionId, purposeKey }: { versionId: string; purposeKey: string }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const { page, fetching, error } = useImpactProviders(versionId, purposeKey, cursors[cursors.length - 1] ?? null);
  if (!page) return fetching ? <Loading label="Loading providers" /> : <ErrorAlert error={error} />;
  return (
    <Stack gap="xs">
      <Table striped aria-label={`Providers lacking consent to ${purposeKey}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Reference</Table.Th>
            <Table.Th>Consent now</Table.Th>
            <Table.Th>Why they must be asked</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {page.edges.map((e) => (
            <Table.Tr key={e.node.providerId}>
              <Table.Td>{e.node.reference}</Table.Td>
              <Table.Td>{CONSENT_STATE_LABEL[e.node.state]}</Table.Td>
              <Table.Td>{e.node.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group gap="xs">
        <Button
          size="xs"
          variant="default"
          disabled={cursors.length < 2}
          onClick={() => setCursors((c) => c.slice(0, -1))}
        >
          Previous
        </Button>
        <Button
          size="xs"
          variant="default"
          disabled={!page.pageInfo.hasNextPage}
          onClick={() => setCursors((c) => [...c, page.pageInfo.endCursor ?? null])}
        >
          Next
        </Button>
      </Group>
    </Stack>
  );
}

export function ImpactSummary({ impact }: { impact: Impact }) {
  return impact.purposes.length === 0 ? (
    <Alert color="teal" variant="light" title="Nobody needs to be asked again">
      Version {impact.nextVersion} adds and widens no purpose of use.
    </Alert>
  ) : (
    <Alert
      color="yellow"
      variant="light"
      title={`${impact.providersToAsk} of ${impact.providers} providers must be asked for consent again`}
    >
      {impact.consentsMissing} consents are missing under version {impact.nextVersion}. Under clause 7 the new version
      applies at once to information already collected: an added or widened purpose may not be used for a provider until
      they consent to it.
    </Alert>
  );
}

export function PolicyImpactPanel({ versionId }: { versionId: string }) {
  const { impact, fetching, error, refetch } = usePolicyImpact(versionId, false);
  const [open, setOpen] = useState<string | null>(null);
  if (!impact)
    return fetching ? (
      <Loading label="Computing the re-consent impact" />
    ) : (
      <ErrorAlert error={error} onRetry={refetch} />
    );
  return (
    <Stack gap="md">
      <ImpactSummary impact={impact} />
      {impact.purposes.length > 0 && (
        <Table withTableBorder aria-label="Re-consent impact">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Purpose</Table.Th>
              <Table.Th>Change</Table.Th>
              <Table.Th>Categories</Table.Th>
              <Table.Th ta="right">Covered</Table.Th>
              <Table.Th ta="right">Lacking</Table.Th>
              <Table.Th ta="right">Not asked</Table.Th>
              <Table.Th ta="right">Granted earlier</Table.Th>
              <Table.Th ta="right">Refused / withdrawn</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {impact.purposes.map((p) => (
              <Table.Tr key={p.key}>
                <Table.Td>{p.key}</Table.Td>
                <Table.Td>{p.change === 'ADDED' ? 'Added' : 'Widened'}</Table.Td>
                <Table.Td>{p.addedCategories.map(categoryLabel).join(', ')}</Table.Td>
                <Table.Td ta="right">{p.covered}</Table.Td>
                <Table.Td ta="right">{p.lacking}</Table.Td>
                <Table.Td ta="right">{p.notAsked}</Table.Td>
                <Table.Td ta="right">{p.grantedBeforeVersion}</Table.Td>
                <Table.Td ta="right">{p.refused + p.withdrawn}</Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="subtle" onClick={() => setOpen(open === p.key ? null : p.key)}>
                    {open === p.key ? 'Hide' : 'Who'}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {open && <LackingProviders key={open} versionId={versionId} purposeKey={open} />}
    </Stack>
  );
}
