import { Button, Card, Group, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { validateInquiry } from '@steward/policy-core';
import type { InquiryChannel } from '@steward/schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { MessagesAlert } from '../../components/ErrorAlert.js';
import { fieldErrorsFromGraphQLError } from '../../components/errors.js';
import { PageHeader } from '../../components/PageHeader.js';
import { STAFF_CHANNEL_OPTIONS } from './inquiry-labels.js';
import { useInquiryMutations } from './use-inquiries.js';

type Form = {
  channel: InquiryChannel;
  name: string;
  email: string;
  postalAddress: string;
  telephone: string;
  subject: string;
  message: string;
  providerId: string;
};

/** Staff entry: an inquiry received by post, telephone, fax or e-mail, written down as received. */
export function RecordInquiryPage() {
  const { t } = useTranslation('inquiries');
  const [form, setForm] = useState<Form>({
    channel: 'TELEPHONE',
    name: '',
    email: '',
    postalAddress: '',
    telephone: '',
    subject: '',
    message: '',
    providerId: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [messages, setMessages] = useState<string[]>([]);
  const { record, fetching } = useInquiryMutations();
  const navigate = useNavigate();
  const set = (k: keyof Form) => (e: { currentTarget: { value: string } }) =>
    setForm({ ...form, [k]: e.currentTarget.value });

  async function save() {
    const input = {
      channel: form.channel,
      name: form.name || null,
      email: form.email || null,
      postalAddress: form.postalAddress || null,
      telephone: form.telephone || null,
      subject: form.subject,
      message: form.message,
      providerId: form.providerId.trim() || null,
    };
    const local = validateInquiry(input, { requireContact: false });
    if (!local.ok) {
      setErrors(Object.fromEntries(local.issues.map((i) => [i.field, i.message])));
      return;
    }
    const res = await record(input);
    if (res.error) {
      const summary = fieldErrorsFromGraphQLError(res.error);
      setErrors(summary.fieldErrors);
      setMessages(summary.messages);
      return;
    }
    void navigate(`/inquiries/${res.data!.recordInquiry.id}`);
  }

  return (
    <>
      <PageHeader title={t('record.title')} description={t('record.description')} />
      <Card withBorder padding="md" maw={720}>
        <Stack gap="sm">
          <MessagesAlert title={t('record.refused')} messages={messages} />
          <NativeSelect
            label={t('record.channel')}
            value={form.channel}
            onChange={(e) => setForm({ ...form, channel: e.currentTarget.value as InquiryChannel })}
            data={STAFF_CHANNEL_OPTIONS}
          />
          <Group grow>
            <TextInput label={t('field.name')} value={form.name} onChange={set('name')} error={errors['name']} />
            <TextInput label={t('field.email')} value={form.email} onChange={set('email')} error={errors['email']} />
          </Group>
          <Group grow>
            <Textarea
              label={t('field.postalAddress')}
              autosize
              value={form.postalAddress}
              onChange={set('postalAddress')}
              error={errors['postalAddress']}
            />
            <TextInput
              label={t('field.telephone')}
              value={form.telephone}
              onChange={set('telephone')}
              error={errors['telephone']}
            />
          </Group>
          <TextInput
            label={t('field.subject')}
            required
            value={form.subject}
            onChange={set('subject')}
            error={errors['subject']}
          />
          <Textarea
            label={t('field.message')}
            required
            autosize
            minRows={4}
            value={form.message}
            onChange={set('message')}
            error={errors['message']}
          />
          <TextInput
            label={t('record.providerId')}
            value={form.providerId}
            onChange={set('providerId')}
            error={errors['providerId']}
          />
          <Button w="fit-content" loading={fetching} onClick={() => void save()}>
            {t('record.submit')}
          </Button>
        </Stack>
      </Card>
    </>
  );
}
