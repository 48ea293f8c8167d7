import { Alert, Anchor, Button, List, Stack, Text } from '@mantine/core';
import { CreateContactUpdateDraftDocument, type ContactDriftFieldsFragment } from '@steward/schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { MessagesAlert } from '../../components/ErrorAlert.js';
import { fieldErrorsFromGraphQLError } from '../../components/errors.js';
import { useCanWrite } from '../session/session-context.js';

/** The contact values a policy text names otherwise than the settings, one line each. */
export function ContactDriftList({ drift }: { drift: readonly ContactDriftFieldsFragment[] }) {
  const { t } = useTranslation('contact');
  return (
    <List size="sm" spacing={2}>
      {drift.map((d) => {
        const values = {
          field: t(`field.${d.field}`),
          language: t(d.language === 'ja' ? 'inJapanese' : 'inEnglish'),
          current: d.current,
          published: d.published,
        };
        return (
          <List.Item key={`${d.language}:${d.field}`}>
            {d.published ? t('drift.differs', values) : t('drift.missing', values)}
          </List.Item>
        );
      })}
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
  const { t } = useTranslation('contact');
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
    <Alert color="orange" variant="light" title={t('drift.title')} role="alert">
      <Stack gap="xs">
        {policyNumber !== undefined && <Text size="sm">{t('drift.intro', { number: policyNumber })}</Text>}
        <ContactDriftList drift={drift} />
        {canWrite && (
          <>
            <Button w="fit-content" size="xs" loading={state.fetching} onClick={() => void start()}>
              {t('drift.action')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('drift.actionHint')}
            </Text>
          </>
        )}
        {draftExists && (
          <Text size="sm">
            {t('drift.draftExists')}{' '}
            <Anchor component={Link} to="/policy/edit">
              {t('drift.openEditor')}
            </Anchor>
          </Text>
        )}
        <MessagesAlert title={t('drift.action')} messages={messages} />
      </Stack>
    </Alert>
  );
}
