import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Brand } from '../../components/Brand.js';
import { errorCode } from '../../components/errors.js';
import { LanguageSwitch } from '../../i18n/LanguageSwitch.js';
import { useSignInLanguage } from '../language/use-language.js';
import { loginFailure, type LoginFailure } from './login-failure.js';
import { useLogin } from './use-login.js';

type Props = {
  /** Called after the API accepted the credentials and set the session cookie. */
  onSignedIn: () => void;
};

export function LoginPage({ onSignedIn }: Props) {
  const { t } = useTranslation('session');
  useSignInLanguage();
  const { login, fetching } = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Shown once the API said the password was right and a second factor is needed (MFA_REQUIRED);
  // dropped when the e-mail or password changes, so a code is only ever sent with accepted credentials.
  const [needsCode, setNeedsCode] = useState(false);
  const [code, setCode] = useState('');
  const [failure, setFailure] = useState<LoginFailure | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const input = { email: email.trim(), password, ...(needsCode ? { code: code.trim() } : {}) };
    const result = await login(input);
    if (result.data?.login) return onSignedIn();
    if (result.error?.graphQLErrors.some((e) => errorCode(e) === 'MFA_REQUIRED')) {
      setNeedsCode(true);
      return;
    }
    setFailure(loginFailure(result.error, { codeSent: needsCode }, t));
  }

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={380}>
        <form onSubmit={submit} aria-label={t('login.form')} noValidate>
          <Stack gap="md">
            <Stack gap={4}>
              <Group justify="space-between" wrap="nowrap">
                <Brand size="lg" />
                {/* A choice of this browser only: no one is signed in to keep it. */}
                <LanguageSwitch />
              </Group>
              <Title order={1} fz="h4" mt="xs">
                {t('login.form')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('login.intro')}
              </Text>
            </Stack>
            {failure && (
              <Alert color="red" variant="light" title={failure.title} role="alert">
                {failure.message}
              </Alert>
            )}
            <TextInput
              label={t('login.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => {
                setEmail(e.currentTarget.value);
                setNeedsCode(false);
              }}
              data-autofocus
            />
            <PasswordInput
              label={t('login.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => {
                setPassword(e.currentTarget.value);
                setNeedsCode(false);
              }}
            />
            {needsCode && (
              <>
                <Alert color="blue" variant="light" role="status">
                  {t('login.codeNeeded')}
                </Alert>
                <TextInput
                  label={t('login.code')}
                  description={t('login.codeHint')}
                  autoComplete="one-time-code"
                  required
                  maxLength={32}
                  value={code}
                  onChange={(e) => setCode(e.currentTarget.value)}
                  autoFocus
                />
              </>
            )}
            <Button
              type="submit"
              loading={fetching}
              disabled={!email.trim() || !password || (needsCode && !code.trim())}
              fullWidth
            >
              {t('login.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
