import { Alert, Anchor, Button, Center, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { FIELD_LIMITS } from '@steward/policy-core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Brand } from '../../components/Brand.js';
import { ErrorAlert, MessagesAlert } from '../../components/ErrorAlert.js';
import { hasErrorCode } from '../../components/errors.js';
import { useFormErrors } from '../../components/FormCard.js';
import { formatDateTime } from '../../components/format.js';
import { ROLE_LABEL } from '../../components/labels.js';
import { Loading } from '../../components/Loading.js';
import { newPasswordErrors } from '../../components/password-form.js';
import { LanguageSwitch } from '../../i18n/LanguageSwitch.js';
import { useSignInLanguage } from '../language/use-language.js';
import { useAcceptInvitation, useInvitation, usePublicTimeZone } from './use-invitation.js';

type Props = {
  /** The token from the link's fragment (`/invitation#<token>`: never sent to a server in a URL). */
  token: string;
  /** Called once the account exists and its session cookie is set. */
  onAccepted: () => void;
};

/** Public: who is invited to which organisation with which role; choosing a password creates the account. */
export function InvitationPage({ token, onAccepted }: Props) {
  const { t } = useTranslation('invitation');
  const { invitation, fetching, error } = useInvitation(token);
  // Outside the auth guard: the organisation's default language (unless this browser chose one), as
  // the sign-in page, and its time zone for the expiry.
  useSignInLanguage();
  const zone = usePublicTimeZone();
  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={460}>
        <Stack gap="md">
          <Group justify="space-between" wrap="nowrap">
            <Brand size="lg" />
            <LanguageSwitch />
          </Group>
          {!token ? (
            <Alert color="red" variant="light" title={t('gone')} role="alert">
              {t('missing')}
            </Alert>
          ) : fetching || !zone.ready ? (
            <Loading label={t('loading')} />
          ) : hasErrorCode(error, 'NOT_FOUND') ? (
            <Alert color="red" variant="light" title={t('gone')} role="alert">
              {t('goneMessage')}
            </Alert>
          ) : invitation ? (
            <>
              <Stack gap={4}>
                <Title order={1} fz="h4">
                  {t('invited', { name: invitation.displayName, organisation: invitation.organisationName })}
                </Title>
                <Text size="sm">{t('as', { role: ROLE_LABEL[invitation.role], email: invitation.email })}</Text>
                <Text size="sm" c="dimmed">
                  {t('expires', { when: formatDateTime(invitation.expiresAt, zone.timeZone) })}
                </Text>
              </Stack>
              <AcceptForm token={token} onAccepted={onAccepted} />
            </>
          ) : (
            <ErrorAlert error={error} />
          )}
          <Anchor component={Link} to="/login" size="sm">
            {t('signIn')}
          </Anchor>
        </Stack>
      </Paper>
    </Center>
  );
}

function AcceptForm({ token, onAccepted }: Props) {
  const { t } = useTranslation('invitation');
  const { accept, fetching } = useAcceptInvitation();
  const form = useFormErrors((f) => f === 'password' || f === 'passwordRepeated');
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    form.setMessages([]);
    const found = newPasswordErrors(password, repeated, 'password', t('mismatch'));
    form.setErrors(found);
    if (Object.keys(found).length > 0) return;
    const result = await accept(token, password);
    if (result.data) return onAccepted();
    form.report(result.error);
  }

  return (
    <form onSubmit={submit} aria-label={t('form')} noValidate>
      <Stack gap="sm">
        <MessagesAlert title={t('refused')} messages={form.messages} />
        <PasswordInput
          label={t('password')}
          description={t('passwordHint', { min: FIELD_LIMITS.password.min })}
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => {
            setPassword(e.currentTarget.value);
            form.clearField('password');
          }}
          error={form.errors['password']}
        />
        <PasswordInput
          label={t('repeat')}
          autoComplete="new-password"
          required
          value={repeated}
          onChange={(e) => {
            setRepeated(e.currentTarget.value);
            form.clearField('passwordRepeated');
          }}
          error={form.errors['passwordRepeated']}
        />
        <Button type="submit" loading={fetching}>
          {t('submit')}
        </Button>
      </Stack>
    </form>
  );
}
