import { Alert, Anchor, Button, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { validateInquiry } from '@steward/policy-core';
import { useState } from 'react';
import { Link } from 'react-router';
import { MessagesAlert } from '../../components/ErrorAlert.js';
import { fieldErrorsFromGraphQLError } from '../../components/errors.js';
import { PublicLayout, usePublicLanguage } from './PublicLayout.js';
import { PUBLIC_TEXT } from './public-texts.js';
import { useSubmitInquiry } from './use-public-policy.js';

type Form = { name: string; email: string; postalAddress: string; subject: string; message: string };
const EMPTY: Form = { name: '', email: '', postalAddress: '', subject: '', message: '' };

function InquiryForm() {
  const [language] = usePublicLanguage();
  const t = PUBLIC_TEXT[language];
  const [form, setForm] = useState<Form>(EMPTY);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [messages, setMessages] = useState<string[]>([]);
  const [reference, setReference] = useState<string | null>(null);
  const { submit, fetching } = useSubmitInquiry();
  const set = (k: keyof Form) => (e: { currentTarget: { value: string } }) =>
    setForm({ ...form, [k]: e.currentTarget.value });

  async function send() {
    const draft = {
      ...form,
      email: form.email || null,
      postalAddress: form.postalAddress || null,
      name: form.name || null,
    };
    const local = validateInquiry(draft, { requireContact: true });
    if (!local.ok) {
      setFieldErrors(Object.fromEntries(local.issues.map((i) => [i.field, i.message])));
      return;
    }
    const res = await submit(draft);
    if (res.error) {
      const summary = fieldErrorsFromGraphQLError(res.error);
      setFieldErrors(summary.fieldErrors);
      setMessages(
        res.error.graphQLErrors.some((e) => e.extensions?.['code'] === 'TOO_MANY_REQUESTS')
          ? [t.tooMany]
          : summary.messages,
      );
      return;
    }
    setReference(res.data?.submitInquiry.reference ?? null);
  }

  if (reference) {
    return (
      <Alert color="teal" title={t.sent} role="status">
        <Text size="sm">{t.reference(reference)}</Text>
      </Alert>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
      noValidate
    >
      <Stack gap="sm">
        <Text size="sm">{t.inquiryIntro}</Text>
        <MessagesAlert title={t.inquiryTitle} messages={messages} />
        <TextInput
          label={t.name}
          value={form.name}
          onChange={set('name')}
          error={fieldErrors['name']}
          maxLength={120}
          autoComplete="name"
        />
        <TextInput
          label={t.emailField}
          type="email"
          value={form.email}
          onChange={set('email')}
          error={fieldErrors['email']}
          maxLength={254}
          autoComplete="email"
        />
        <Textarea
          label={t.postalAddress}
          value={form.postalAddress}
          onChange={set('postalAddress')}
          error={fieldErrors['postalAddress']}
          autosize
          minRows={2}
          maxLength={500}
        />
        <TextInput
          label={t.subject}
          required
          value={form.subject}
          onChange={set('subject')}
          error={fieldErrors['subject']}
          maxLength={200}
        />
        <Textarea
          label={t.message}
          required
          value={form.message}
          onChange={set('message')}
          error={fieldErrors['message']}
          autosize
          minRows={5}
          maxLength={5000}
        />
        <Button type="submit" loading={fetching} w="fit-content">
          {t.send}
        </Button>
      </Stack>
    </form>
  );
}

/** The public inquiry form (clause 8): anonymous, rate-limited by the API. */
export function PublicInquiryPage() {
  const [language] = usePublicLanguage();
  const t = PUBLIC_TEXT[language];
  return (
    <PublicLayout>
      <Stack gap="md">
        <Title order={1} fz="h3">
          {t.inquiryTitle}
        </Title>
        <InquiryForm />
        <Anchor component={Link} to={`/privacy${language === 'en' ? '?lang=en' : ''}`} size="sm">
          {t.backToPolicy}
        </Anchor>
      </Stack>
    </PublicLayout>
  );
}
