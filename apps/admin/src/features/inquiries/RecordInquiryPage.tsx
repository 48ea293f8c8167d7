import { Button, Card, Group, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { validateInquiry } from '@steward/policy-core';
import type { InquiryChannel } from '@steward/schema';
import { useState } from 'react';
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
      <PageHeader
        title="Record an inquiry"
        description="Write down an inquiry received by post, telephone, fax or e-mail."
      />
      <Card withBorder padding="md" maw={720}>
        <Stack gap="sm">
          <MessagesAlert title="Not recorded" messages={messages} />
          <NativeSelect
            label="Received by"
            value={form.channel}
            onChange={(e) => setForm({ ...form, channel: e.currentTarget.value as InquiryChannel })}
            data={STAFF_CHANNEL_OPTIONS}
          />
          <Group grow>
            <TextInput label="Name" value={form.name} onChange={set('name')} error={errors['name']} />
            <TextInput label="E-mail" value={form.email} onChange={set('email')} error={errors['email']} />
          </Group>
          <Group grow>
            <Textarea
              label="Postal address"
              autosize
              value={form.postalAddress}
              onChange={set('postalAddress')}
              error={errors['postalAddress']}
            />
            <TextInput
              label="Telephone"
              value={form.telephone}
              onChange={set('telephone')}
              error={errors['telephone']}
            />
          </Group>
          <TextInput
            label="Subject"
            required
            value={form.subject}
            onChange={set('subject')}
            error={errors['subject']}
          />
          <Textarea
            label="Message"
            required
            autosize
            minRows={4}
            value={form.message}
            onChange={set('message')}
            error={errors['message']}
          />
          <TextInput
            label="Provider id (if already identified)"
            value={form.providerId}
            onChange={set('providerId')}
            error={errors['providerId']}
          />
          <Button w="fit-content" loading={fetching} onClick={() => void save()}>
            Record inquiry
          </Button>
        </Stack>
      </Card>
    </>
  );
}
