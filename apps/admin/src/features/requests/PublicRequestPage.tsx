import { Alert, Anchor, Button, Card, Container, Radio, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { REQUEST_KINDS, REQUEST_LIMITS, normalizeSubmission, validateRequestSubmission } from '@steward/policy-core';
import type { RequestKind } from '@steward/schema';
import { useState } from 'react';
import { Brand } from '../../components/Brand.js';
import { errorCode, fieldErrorsFromGraphQLError } from '../../components/errors.js';
import { formatDate } from '../../components/format.js';
import { useSubmitProviderRequest } from './use-requests.js';

const KIND_HELP: Record<RequestKind, string> = {
  DISCLOSURE: 'Tell me what personal information you hold about me, and what it was used for and given to.',
  AMENDMENT: 'Correct, add or delete personal information you hold about me.',
  CESSATION: 'Stop using my personal information, or stop giving it to others.',
};
const KIND_TITLE: Record<RequestKind, string> = {
  DISCLOSURE: 'Disclosure',
  AMENDMENT: 'Amendment',
  CESSATION: 'Cessation of use',
};

/**
 * The public request form (policy clause 4), reachable without signing in. Checked with
 * policy-core's validateRequestSubmission before sending (the API checks again); answers with the
 * receipt reference and the date the organisation will have answered by.
 */
export function PublicRequestPage() {
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
        setProblem(
          'Too many requests from your connection. Please try again later, or contact the secretariat by post, telephone or e-mail.',
        );
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

  return (
    <Container size="sm" py="xl">
      <Stack gap="md">
        <Brand />
        <Title order={1} fz="h2">
          Request about your personal information
        </Title>
        <Text size="sm">
          Under our privacy policy you may ask us to disclose, correct or stop using the personal information we hold
          about you. We will confirm your identity before we disclose or change anything, and answer within the period
          our policy sets.
        </Text>
        {receipt ? (
          <Alert color="green" title="Your request was received" role="status">
            <Text size="sm">
              Your reference is{' '}
              <Text span ff="monospace" fw={700} data-testid="request-reference">
                {receipt.reference}
              </Text>
              . Keep it: quote it when you contact us. We will answer by {formatDate(receipt.dueAt)}.
            </Text>
            <Text size="sm" mt="xs">
              We will contact you to confirm your identity before anything is disclosed or changed.
            </Text>
          </Alert>
        ) : (
          <Card withBorder radius="md">
            <form onSubmit={onSubmit} noValidate aria-label="Request form">
              <Stack gap="sm">
                {problem && (
                  <Alert color="red" role="alert" title="The request was not sent">
                    {problem}
                  </Alert>
                )}
                <Radio.Group
                  label="What would you like us to do?"
                  value={kind}
                  onChange={(v) => setKind(v as RequestKind)}
                  error={errors['kind']}
                >
                  <Stack gap={6} mt={6}>
                    {REQUEST_KINDS.map((k) => (
                      <Radio key={k} value={k} label={KIND_TITLE[k]} description={KIND_HELP[k]} />
                    ))}
                  </Stack>
                </Radio.Group>
                <TextInput
                  label="Your name"
                  required
                  maxLength={REQUEST_LIMITS.requesterName}
                  value={requesterName}
                  onChange={(e) => setRequesterName(e.currentTarget.value)}
                  error={errors['requesterName']}
                />
                <TextInput
                  label="How to reach you"
                  description="E-mail address, telephone number or postal address."
                  required
                  maxLength={REQUEST_LIMITS.contact}
                  value={contact}
                  onChange={(e) => setContact(e.currentTarget.value)}
                  error={errors['contact']}
                />
                <Textarea
                  label="Details"
                  description="For example which information to correct and how, or what to stop."
                  autosize
                  minRows={4}
                  maxLength={REQUEST_LIMITS.details}
                  value={details}
                  onChange={(e) => setDetails(e.currentTarget.value)}
                  error={errors['details']}
                />
                <TextInput
                  label="Cookie consent ids (optional)"
                  description="Copy them from the cookie banner's settings to include your cookie choices."
                  value={cookieIds}
                  onChange={(e) => setCookieIds(e.currentTarget.value)}
                  error={errors['cookieConsentIds']}
                />
                <Button type="submit" loading={fetching}>
                  Send request
                </Button>
              </Stack>
            </form>
          </Card>
        )}
        <Text size="xs" c="dimmed">
          Staff: <Anchor href="/login">sign in</Anchor>
        </Text>
      </Stack>
    </Container>
  );
}
