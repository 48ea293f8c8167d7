import { Alert, Anchor, Button, List, Stack, Text } from '@mantine/core';
import { CreateContactUpdateDraftDocument, type ContactDriftFieldsFragment } from '@steward/schema';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { MessagesAlert } from '../../components/ErrorAlert.js';
import { fieldErrorsFromGraphQLError } from '../../components/errors.js';
import { useCanWrite } from '../session/session-context.js';
import { ct } from './contact-texts.js';

/** The contact values a policy text names otherwise than the settings, one line each. */
export function ContactDriftList({ drift }: { drift: readonly ContactDriftFieldsFragment[] }) {
  return (
    <List size="sm" spacing={2}>
      {drift.map((d) => (
        <List.Item key={`${d.language}:${d.field}`}>{ct.driftItem(d, d.language)}</List.Item>
      ))}
    </List>
  );
}

/**
 * Shown at once where the secretariat's contact or the policy is read (organisation settings, policy
 * page) when the policy in force names other contact details; writers may start a draft with clause
 * 8 rewritten to the settings' contact (the API's createContactUpdateDraft, policy-core's rule).
 */
export function ContactDriftAlert({
  drift,
  policyNumber,
}: {
  drift: readonly ContactDriftFieldsFragment[] | null | undefined;
  policyNumber?: number;
}) {
  const canWrite = useCanWrite();
  const navigate = useNavigate();
  const [state, createDraft] = useMutation(CreateContactUpdateDraftDocument);
  const [messages, setMessages] = useState<string[]>([]);
  const [draftExists, setDraftExists] = useState(false);
  if (!drift?.length) return null;

  async function start() {
    const res = await createDraft({});
    if (!res.error) {
      void navigate('/policy/edit');
      return;
    }
    const summary = fieldErrorsFromGraphQLError(res.error);
    setDraftExists(summary.conflict?.field === 'draft');
    setMessages(summary.conflict ? [] : [...summary.messages, ...Object.values(summary.fieldErrors)]);
  }

  return (
    <Alert color="orange" variant="light" title={ct.driftTitle} role="alert">
      <Stack gap="xs">
        {policyNumber !== undefined && <Text size="sm">{ct.driftIntro(policyNumber)}</Text>}
        <ContactDriftList drift={drift} />
        {canWrite && (
          <>
            <Button w="fit-content" size="xs" loading={state.fetching} onClick={() => void start()}>
              {ct.driftAction}
            </Button>
            <Text size="xs" c="dimmed">
              {ct.driftActionHint}
            </Text>
          </>
        )}
        {draftExists && (
          <Text size="sm">
            {ct.draftExists}{' '}
            <Anchor component={Link} to="/policy/edit">
              {ct.openEditor}
            </Anchor>
          </Text>
        )}
        <MessagesAlert title={ct.driftAction} messages={messages} />
      </Stack>
    </Alert>
  );
}
