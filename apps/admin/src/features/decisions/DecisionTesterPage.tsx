import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { DATA_CATEGORIES, DECISION_ACTIONS } from '@steward/policy-core';
import type { DataCategory, DecisionAction } from '@steward/schema';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { CategoryBadges } from '../../components/CategoryBadges.js';
import { categoryLabel } from '../../components/categories.js';
import { ErrorAlert, MessagesAlert } from '../../components/ErrorAlert.js';
import { fieldErrorsFromGraphQLError, type FieldErrors } from '../../components/errors.js';
import { formatDateTime } from '../../components/format.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { EXCEPTION_KIND_LABEL } from '../exceptions/exception-labels.js';
import { useRecipients } from '../recipients/use-recipients.js';
import { purposeKeyError } from '../vocabulary/purpose-keys.js';
import { usePurposes } from '../vocabulary/use-purposes.js';
import { useDecision, useProviderSearch, type DecisionResult } from './use-decision.js';

const ACTION_LABEL: Record<DecisionAction, string> = {
  USE: 'Use inside the organisation',
  PROVIDE: 'Provide to a recipient',
};
const BASIS_LABEL = {
  CONSENT: 'Stated purpose with consent',
  EXCEPTION: 'Permitted exception',
  PUBLICLY_AVAILABLE: 'Publicly available',
} as const;
/** The purpose choice that asks for a key instead (cannot collide: purpose keys are upper-case). */
const OTHER_PURPOSE = '(other)';

export function DecisionTesterPage() {
  const purposes = usePurposes();
  const recipients = useRecipients();
  const { decide, fetching } = useDecision();
  const [action, setAction] = useState<DecisionAction>('USE');
  const [providerId, setProviderId] = useState('');
  const [search, setSearch] = useState('');
  const [purposeChoice, setPurposeChoice] = useState('');
  const [otherPurposeKey, setOtherPurposeKey] = useState('');
  const [categories, setCategories] = useState<DataCategory[]>([]);
  const [recipientId, setRecipientId] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [messages, setMessages] = useState<string[]>([]);
  const [decision, setDecision] = useState<DecisionResult | null>(null);
  const found = useProviderSearch(search);

  if (purposes.fetching && purposes.purposes.length === 0) return <Loading label="Loading decision tester" />;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessages([]);
    const local: FieldErrors = {};
    if (!providerId.trim()) local['providerId'] = 'Choose a provider.';
    const other = purposeChoice === OTHER_PURPOSE;
    const purposeKey = other ? otherPurposeKey.trim() : purposeChoice;
    if (!purposeChoice) local['purposeKey'] = 'Choose a purpose.';
    else if (other) {
      const problem = purposeKeyError(purposeKey);
      if (problem) local['purposeKey'] = problem;
    }
    if (categories.length === 0) local['categories'] = 'Choose at least one category.';
    if (action === 'PROVIDE' && !recipientId) local['recipientId'] = 'Choose who receives the data.';
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    const { decision: answer, error } = await decide({
      action,
      providerId: providerId.trim(),
      purposeKey,
      categories,
      recipientId: action === 'PROVIDE' ? recipientId : null,
    });
    if (answer) {
      setDecision(answer);
      return;
    }
    setDecision(null);
    const summary = fieldErrorsFromGraphQLError(error);
    setErrors(summary.fieldErrors);
    setMessages([...summary.messages, ...Object.entries(summary.fieldErrors).map(([k, m]) => `${k}: ${m}`)]);
  }

  return (
    <>
      <PageHeader
        title="Decision tester"
        description="Ask Steward whether a use or provision would be allowed, and why."
      />
      <Alert color="blue" variant="light" mb="md" title="Each test is recorded">
        Every decision, allowed or denied, is written to the ledger with the policy version in force — tests included.
      </Alert>
      <ErrorAlert error={purposes.error ?? recipients.error} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Card withBorder radius="md" padding="md">
          <form onSubmit={submit} noValidate aria-label="Decision request">
            <Stack gap="sm">
              <MessagesAlert title="The API refused the question" messages={messages} />
              <Radio.Group label="Action" value={action} onChange={(v) => setAction(v as DecisionAction)}>
                <Group gap="md" mt={6}>
                  {DECISION_ACTIONS.map((a) => (
                    <Radio key={a} value={a} label={ACTION_LABEL[a]} />
                  ))}
                </Group>
              </Radio.Group>
              <TextInput
                label="Find provider"
                type="search"
                placeholder="Reference, e-mail or name"
                value={search}
                onChange={(e) => setSearch(e.currentTarget.value)}
              />
              {found.providers.length > 0 && (
                <Stack gap={2} role="list" aria-label="Matching providers">
                  {found.providers.map((p) => (
                    <Group key={p.id} gap="xs" role="listitem">
                      <Button
                        size="compact-xs"
                        variant={providerId === p.id ? 'filled' : 'light'}
                        onClick={() => setProviderId(p.id)}
                      >
                        {p.reference}
                      </Button>
                      <Text size="xs" c="dimmed">
                        {p.displayName ?? 'No name on file'}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              )}
              <TextInput
                label="Provider id"
                required
                value={providerId}
                onChange={(e) => setProviderId(e.currentTarget.value)}
                error={errors['providerId']}
              />
              <NativeSelect
                label="Purpose"
                required
                value={purposeChoice}
                onChange={(e) => setPurposeChoice(e.currentTarget.value)}
                data={[
                  { value: '', label: 'Choose a purpose…' },
                  ...purposes.purposes.map((p) => ({ value: p.key, label: p.titleEn })),
                  { value: OTHER_PURPOSE, label: 'Another purpose (not stated)…' },
                ]}
                error={purposeChoice === OTHER_PURPOSE ? undefined : errors['purposeKey']}
              />
              {purposeChoice === OTHER_PURPOSE && (
                <TextInput
                  label="Purpose key"
                  required
                  description="A purpose outside the stated ones, as an exception names it (e.g. TAX_INQUIRY_2026): only an exception in effect can allow it."
                  placeholder="TAX_INQUIRY_2026"
                  value={otherPurposeKey}
                  onChange={(e) => setOtherPurposeKey(e.currentTarget.value)}
                  error={errors['purposeKey']}
                />
              )}
              <Checkbox.Group
                label="Categories"
                value={categories}
                onChange={(v) => setCategories(v as DataCategory[])}
                error={errors['categories']}
              >
                <Group gap="md" mt={6}>
                  {DATA_CATEGORIES.map((c) => (
                    <Checkbox key={c} value={c} label={categoryLabel(c)} />
                  ))}
                </Group>
              </Checkbox.Group>
              {action === 'PROVIDE' && (
                <NativeSelect
                  label="Recipient"
                  required
                  value={recipientId}
                  onChange={(e) => setRecipientId(e.currentTarget.value)}
                  data={[
                    { value: '', label: 'Choose a recipient…' },
                    ...recipients.recipients.map((r) => ({ value: r.id, label: r.name })),
                  ]}
                  error={errors['recipientId']}
                />
              )}
              <Group justify="flex-end">
                <Button type="submit" loading={fetching}>
                  Decide
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
        {decision && <DecisionResultCard decision={decision} />}
      </SimpleGrid>
    </>
  );
}

export function DecisionResultCard({ decision }: { decision: DecisionResult }) {
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label="Decision">
      <Stack gap="sm">
        <Group gap="sm">
          <Badge size="xl" color={decision.allowed ? 'teal' : 'red'} variant="filled" data-testid="decision-verdict">
            {decision.allowed ? 'Allowed' : 'Denied'}
          </Badge>
          <Text size="xs" c="dimmed">
            Policy version {decision.policyVersion} · {formatDateTime(decision.decidedAt)}
            {decision.ledgerSequence != null ? ` · ledger entry #${decision.ledgerSequence}` : ''}
          </Text>
        </Group>
        <Table withRowBorders={false} verticalSpacing={4}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={160} c="dimmed" fw={500}>
                Basis
              </Table.Th>
              <Table.Td data-testid="decision-basis">
                {decision.basis ? (
                  <>
                    {BASIS_LABEL[decision.basis.kind]}
                    {decision.basis.exceptionId && (
                      <>
                        {': '}
                        <Anchor component={Link} to={`/exceptions/${encodeURIComponent(decision.basis.exceptionId)}`}>
                          {decision.basis.exceptionKind
                            ? EXCEPTION_KIND_LABEL[decision.basis.exceptionKind]
                            : 'exception'}{' '}
                          exception
                        </Anchor>
                      </>
                    )}
                  </>
                ) : (
                  'None'
                )}
              </Table.Td>
            </Table.Tr>
            {decision.basis && decision.basis.evidence.length > 0 && (
              <Table.Tr>
                <Table.Th c="dimmed" fw={500}>
                  Evidence
                </Table.Th>
                <Table.Td>
                  <Stack
                    gap={0}
                    component="ul"
                    aria-label="Evidence"
                    style={{ margin: 0, padding: 0, listStyle: 'none' }}
                  >
                    {decision.basis.evidence.map((e, i) => (
                      <Text key={`${e.key}-${i}`} size="sm" component="li">
                        <Text span c="dimmed" size="sm">
                          {e.label}:
                        </Text>{' '}
                        <Text span size="sm" ff={e.key === 'consentEventIds' ? 'monospace' : undefined}>
                          {e.value}
                        </Text>
                      </Text>
                    ))}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            )}
            <Table.Tr>
              <Table.Th c="dimmed" fw={500}>
                Permitted
              </Table.Th>
              <Table.Td aria-label="Permitted categories">
                <CategoryBadges categories={decision.permitted} />
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th c="dimmed" fw={500}>
                Refused
              </Table.Th>
              <Table.Td aria-label="Refused categories">
                <CategoryBadges categories={decision.refused} />
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <Text fw={600} size="sm">
          Reasons
        </Text>
        <Stack gap={4} component="ul" aria-label="Reasons" style={{ margin: 0, paddingInlineStart: '1.2em' }}>
          {decision.reasons.map((r, i) => (
            <li key={`${r.code}-${r.category ?? ''}-${i}`}>
              <Text size="sm">
                {r.message}{' '}
                <Text span size="xs" c="dimmed" ff="monospace">
                  {r.code}
                  {r.category ? ` · ${r.category}` : ''}
                </Text>
                {r.exceptionId && (
                  <>
                    {' '}
                    <Anchor component={Link} to={`/exceptions/${encodeURIComponent(r.exceptionId)}`} size="xs">
                      exception
                    </Anchor>
                  </>
                )}
              </Text>
            </li>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}
