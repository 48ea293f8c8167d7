import { Alert, Anchor, Button, Card, Container, Radio, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { REQUEST_KINDS, REQUEST_LIMITS, normalizeSubmission, validateRequestSubmission } from '@steward/policy-core';
import type { RequestKind } from '@steward/schema';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Brand } from '../../components/Brand.js';
import { errorCode, fieldErrorsFromGraphQLError } from '../../components/errors.js';
import { formatDate } from '../../components/format.js';
import { REQUEST_KIND_LABEL } from './request-labels.js';
import { useSubmitProviderRequest } from './use-requests.js';

/** What each kind of request asks for, in the requester's words. */
const kindHelp = (t: TFunction): Record<RequestKind, string> => ({
  DISCLOSURE: t('public.kindHelp.DISCLOSURE'),
  AMENDMENT: t('public.kindHelp.AMENDMENT'),
  CESSATION: t('public.kindHelp.CESSATION'),
});

/**
 * The public request form (policy clause 4), reachable without signing in. Checked with
 * policy-core's validateRequestSubmission before sending (the API checks again); answers with the
 * receipt reference and the date the organisation will have answered by.
 */
export function PublicRequestPage() {
  const { t } = useTranslation('requests');
  const { submit, fetching } = useSubmitProviderRequest();
  const [kind, setKind] = useState<RequestKind>('DISCLOSURE');
  const [requesterName, setRequesterName] = useState('');
  const [contact, setContact] = useState('');
  const [details, setDetails] = useState('');
  const [cookieIds, setCookieIds] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<{ reference: string; dueAt: string } | null>(null);

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    setProblem(null);
    const input = normalizeSubmission({
      kind,
      requesterName,
      contact,
      details,
      cookieConsentIds: cookieIds.split(/[\s,]+/).filter(Boolean),
    });
    const check = validateRequestSubmission(input);
    if (!check.ok) {
      setErrors(Object.fromEntries(check.issues.map((i) => [i.field.replace(/\[\d+\]$/, ''), i.message])));
      return;
    }
    setErrors({});
    const res = await submit({
      ...input,
      details: input.details ?? null,
      cookieConsentIds: [...(input.cookieConsentIds ?? [])],
    });
    if (res.error) {
      if (res.error.graphQLErrors.some((g) => errorCode(g) === 'TOO_MANY_REQUESTS')) {
        setProblem(t('public.tooMany'));
        return;
      }
      const summary = fieldErrorsFromGraphQLError(res.error);
      setErrors(
        Object.fromEntries(Object.entries(summary.fieldErrors).map(([k, v]) => [k.replace(/\[\d+\]$/, ''), v])),
      );
      setProblem(summary.messages[0] ?? null);
      return;
    }
    const r = res.data!.submitProviderRequest;
    setReceipt({ reference: r.reference, dueAt: r.dueAt });
  }

  const help = kindHelp(t);

  return (
    <Container size="sm" py="xl">
      <Stack gap="md">
        <Brand />
        <Title order={1} fz="h2">
          {t('public.title')}
        </Title>
        <Text size="sm">{t('public.intro')}</Text>
        {receipt ? (
          <Alert color="green" title={t('public.received')} role="status">
            <Text size="sm">
              <Trans
                t={t}
                i18nKey="public.reference"
                values={{ reference: receipt.reference, dueAt: formatDate(receipt.dueAt) }}
                components={{ ref: <Text span ff="monospace" fw={700} data-testid="request-reference" /> }}
              />
            </Text>
            <Text size="sm" mt="xs">
              {t('public.confirmIdentity')}
            </Text>
          </Alert>
        ) : (
          <Card withBorder radius="md">
            <form onSubmit={onSubmit} noValidate aria-label={t('public.form')}>
              <Stack gap="sm">
                {problem && (
                  <Alert color="red" role="alert" title={t('public.notSent')}>
                    {problem}
                  </Alert>
                )}
                <Radio.Group
                  label={t('public.kind')}
                  value={kind}
                  onChange={(v) => setKind(v as RequestKind)}
                  error={errors['kind']}
                >
                  <Stack gap={6} mt={6}>
                    {REQUEST_KINDS.map((k) => (
                      <Radio key={k} value={k} label={REQUEST_KIND_LABEL[k]} description={help[k]} />
                    ))}
                  </Stack>
                </Radio.Group>
                <TextInput
                  label={t('public.name')}
                  required
                  maxLength={REQUEST_LIMITS.requesterName}
                  value={requesterName}
                  onChange={(e) => setRequesterName(e.currentTarget.value)}
                  error={errors['requesterName']}
                />
                <TextInput
                  label={t('public.contact')}
                  description={t('public.contactHelp')}
                  required
                  maxLength={REQUEST_LIMITS.contact}
                  value={contact}
                  onChange={(e) => setContact(e.currentTarget.value)}
                  error={errors['contact']}
                />
                <Textarea
                  label={t('public.details')}
                  description={t('public.detailsHelp')}
                  autosize
                  minRows={4}
                  maxLength={REQUEST_LIMITS.details}
                  value={details}
                  onChange={(e) => setDetails(e.currentTarget.value)}
                  error={errors['details']}
                />
                <TextInput
                  label={t('public.cookieIds')}
                  description={t('public.cookieIdsHelp')}
                  value={cookieIds}
                  onChange={(e) => setCookieIds(e.currentTarget.value)}
                  error={errors['cookieConsentIds']}
                />
                <Button type="submit" loading={fetching}>
                  {t('public.send')}
                </Button>
              </Stack>
            </form>
          </Card>
        )}
        <Text size="xs" c="dimmed">
          {t('public.staff')} <Anchor href="/login">{t('public.signIn')}</Anchor>
        </Text>
      </Stack>
    </Container>
  );
}
