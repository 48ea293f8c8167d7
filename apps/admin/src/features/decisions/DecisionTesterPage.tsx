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
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CategoryBadges } from '../../components/CategoryBadges.js';
import { categoryLabel } from '../../components/categories.js';
import { ErrorAlert, MessagesAlert } from '../../components/ErrorAlert.js';
import { vocabularyLabels } from '../../components/labels.js';
import { fieldErrorsFromGraphQLError, type FieldErrors } from '../../components/errors.js';
import { formatDateTime } from '../../components/format.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useLocale } from '../../i18n/locale.js';
import { EXCEPTION_KIND_LABEL } from '../exceptions/exception-labels.js';
import { useRecipients } from '../recipients/use-recipients.js';
import { purposeTitle } from '../vocabulary/localized-title.js';
import { purposeKeyError } from '../vocabulary/purpose-keys.js';
import { usePurposes } from '../vocabulary/use-purposes.js';
import { reasonText } from './reason-text.js';
import { useDecision, useProviderSearch, type DecisionResult } from './use-decision.js';

/** The actions by their labels in policy-core's catalogue (`decisionAction.<ACTION>`), in the language on screen. */
const ACTION_LABEL: Readonly<Record<DecisionAction, string>> = vocabularyLabels('decisionAction');
/** The purpose choice that asks for a key instead (cannot collide: purpose keys are upper-case). */
const OTHER_PURPOSE = '(other)';
/** A purpose key as an example (a code, the same in every language). */
const PURPOSE_KEY_EXAMPLE = 'TAX_INQUIRY_2026';

export function DecisionTesterPage() {
  const { t } = useTranslation('decisions');
  const { language } = useLocale();
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

  if (purposes.fetching && purposes.purposes.length === 0) return <Loading label={t('loading')} />;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessages([]);
    const local: FieldErrors = {};
    if (!providerId.trim()) local['providerId'] = t('form.errors.providerId');
    const other = purposeChoice === OTHER_PURPOSE;
    const purposeKey = other ? otherPurposeKey.trim() : purposeChoice;
    if (!purposeChoice) local['purposeKey'] = t('form.errors.purposeKey');
    else if (other) {
      const problem = purposeKeyError(purposeKey);
      if (problem) local['purposeKey'] = problem;
    }
    if (categories.length === 0) local['categories'] = t('form.errors.categories');
    if (action === 'PROVIDE' && !recipientId) local['recipientId'] = t('form.errors.recipientId');
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
      <PageHeader title={t('title')} description={t('description')} />
      <Alert color="blue" variant="light" mb="md" title={t('recorded.title')}>
        {t('recorded.body')}
      </Alert>
      <ErrorAlert error={purposes.error ?? recipients.error} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Card withBorder radius="md" padding="md">
          <form onSubmit={submit} noValidate aria-label={t('form.label')}>
            <Stack gap="sm">
              <MessagesAlert title={t('form.refused')} messages={messages} />
              <Radio.Group label={t('form.action')} value={action} onChange={(v) => setAction(v as DecisionAction)}>
                <Group gap="md" mt={6}>
                  {DECISION_ACTIONS.map((a) => (
                    <Radio key={a} value={a} label={ACTION_LABEL[a]} />
                  ))}
                </Group>
              </Radio.Group>
              <TextInput
                label={t('form.findProvider')}
                type="search"
                placeholder={t('form.findProviderPlaceholder')}
                value={search}
                onChange={(e) => setSearch(e.currentTarget.value)}
              />
              {found.providers.length > 0 && (
                <Stack gap={2} role="list" aria-label={t('form.matchingProviders')}>
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
                        {p.displayName ?? t('form.noName')}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              )}
              <TextInput
                label={t('form.providerId')}
                required
                value={providerId}
                onChange={(e) => setProviderId(e.currentTarget.value)}
                error={errors['providerId']}
              />
              <NativeSelect
                label={t('form.purpose')}
                required
                value={purposeChoice}
                onChange={(e) => setPurposeChoice(e.currentTarget.value)}
                data={[
                  { value: '', label: t('form.choosePurpose') },
                  ...purposes.purposes.map((p) => ({ value: p.key, label: purposeTitle(p, language) })),
                  { value: OTHER_PURPOSE, label: t('form.otherPurpose') },
                ]}
                error={purposeChoice === OTHER_PURPOSE ? undefined : errors['purposeKey']}
              />
              {purposeChoice === OTHER_PURPOSE && (
                <TextInput
                  label={t('form.purposeKey')}
                  required
                  description={t('form.purposeKeyDescription', { example: PURPOSE_KEY_EXAMPLE })}
                  placeholder={PURPOSE_KEY_EXAMPLE}
                  value={otherPurposeKey}
                  onChange={(e) => setOtherPurposeKey(e.currentTarget.value)}
                  error={errors['purposeKey']}
                />
              )}
              <Checkbox.Group
                label={t('form.categories')}
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
                  label={t('form.recipient')}
                  required
                  value={recipientId}
                  onChange={(e) => setRecipientId(e.currentTarget.value)}
                  data={[
                    { value: '', label: t('form.chooseRecipient') },
                    ...recipients.recipients.map((r) => ({ value: r.id, label: r.name })),
                  ]}
                  error={errors['recipientId']}
                />
              )}
              <Group justify="flex-end">
                <Button type="submit" loading={fetching}>
                  {t('form.submit')}
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
  const { t } = useTranslation('decisions');
  const { language } = useLocale();
  const { purposes } = usePurposes();
  const titleOf = (key: string) => {
    const purpose = purposes.find((p) => p.key === key);
    return purpose ? purposeTitle(purpose, language) : undefined;
  };
  const basis = decision.basis;
  const basisLabel = (kind: NonNullable<DecisionResult['basis']>['kind']) =>
    kind === 'CONSENT'
      ? t('basis.CONSENT')
      : kind === 'EXCEPTION'
        ? t('basis.EXCEPTION')
        : t('basis.PUBLICLY_AVAILABLE');
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={t('result.label')}>
      <Stack gap="sm">
        <Group gap="sm">
          <Badge size="xl" color={decision.allowed ? 'teal' : 'red'} variant="filled" data-testid="decision-verdict">
            {decision.allowed ? t('result.allowed') : t('result.denied')}
          </Badge>
          <Text size="xs" c="dimmed">
            {t('result.policyVersion', {
              version: decision.policyVersion,
              decidedAt: formatDateTime(decision.decidedAt),
            })}
            {decision.ledgerSequence != null ? t('result.ledgerEntry', { sequence: decision.ledgerSequence }) : ''}
          </Text>
        </Group>
        <Table withRowBorders={false} verticalSpacing={4}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={160} c="dimmed" fw={500}>
                {t('result.basis')}
              </Table.Th>
              <Table.Td data-testid="decision-basis">
                {basis ? (
                  <>
                    {basisLabel(basis.kind)}
                    {basis.exceptionId && (
                      <>
                        {': '}
                        <Anchor component={Link} to={`/exceptions/${encodeURIComponent(basis.exceptionId)}`}>
                          {basis.exceptionTitle ??
                            (basis.exceptionKind
                              ? t('result.exceptionOfKind', { kind: EXCEPTION_KIND_LABEL[basis.exceptionKind] })
                              : t('result.anException'))}
                        </Anchor>
                      </>
                    )}
                  </>
                ) : (
                  t('common:states.none')
                )}
              </Table.Td>
            </Table.Tr>
            {decision.basis && decision.basis.evidence.length > 0 && (
              <Table.Tr>
                <Table.Th c="dimmed" fw={500}>
                  {t('result.evidence')}
                </Table.Th>
                <Table.Td>
                  <Stack
                    gap={0}
                    component="ul"
                    aria-label={t('result.evidence')}
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
                {t('result.permitted')}
              </Table.Th>
              <Table.Td aria-label={t('result.permittedCategories')}>
                <CategoryBadges categories={decision.permitted} />
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th c="dimmed" fw={500}>
                {t('result.refused')}
              </Table.Th>
              <Table.Td aria-label={t('result.refusedCategories')}>
                <CategoryBadges categories={decision.refused} />
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <Text fw={600} size="sm">
          {t('result.reasons')}
        </Text>
        <Stack
          gap={4}
          component="ul"
          aria-label={t('result.reasons')}
          style={{ margin: 0, paddingInlineStart: '1.2em' }}
        >
          {decision.reasons.map((r, i) => (
            <li key={`${r.code}-${r.category ?? ''}-${i}`}>
              <Text size="sm">
                {reasonText(r, titleOf)}{' '}
                {/* The code stays for whoever integrates; the category is already named in the text. */}
                <Text span size="xs" c="dimmed" ff="monospace">
                  {r.code}
                </Text>
                {r.exceptionId && (
                  <>
                    {' '}
                    <Anchor component={Link} to={`/exceptions/${encodeURIComponent(r.exceptionId)}`} size="xs">
                      {t('result.exception')}
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
