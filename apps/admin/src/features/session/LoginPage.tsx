import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Brand } from '../../components/Brand.js';
import { LanguageSwitch } from '../../i18n/LanguageSwitch.js';
import { useSignInLanguage } from '../language/use-language.js';
import { errorCode, NETWORK_MESSAGE, type ErrorLike } from '../../components/errors.js';
import { formatWait, LOGIN_TEXT as T } from './login-texts.js';
import { useLogin } from './use-login.js';

type Props = {
  /** Called after the API accepted the credentials and set the session cookie. */
  onSignedIn: () => void;
};

/** What the sign-in alert says for a refused attempt (MFA_REQUIRED is not a failure: it asks for the code). */
function failureOf(error: ErrorLike | undefined): { title: string; message: string } | null {
  const first = error?.graphQLErrors?.[0];
  if (!error) return null;
  if (!first) return { title: T.failed, message: NETWORK_MESSAGE };
  if (errorCode(first) === 'TOO_MANY_REQUESTS') {
    const wait = first.extensions?.['retryAfterSeconds'];
    return {
      title: T.tooMany,
      message: typeof wait === 'number' && wait > 0 ? T.retryIn(formatWait(wait)) : T.retryLater,
    };
  }
  return { title: T.failed, message: first.message };
}

export function LoginPage({ onSignedIn }: Props) {
  useSignInLanguage();
  const { login, fetching } = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Shown once the API said the password was right and a second factor is needed (MFA_REQUIRED).
  const [needsCode, setNeedsCode] = useState(false);
  const [code, setCode] = useState('');
  const [failure, setFailure] = useState<{ title: string; message: string } | null>(null);

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
    setFailure(failureOf(result.error));
  }

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={380}>
        <form onSubmit={submit} aria-label={T.form} noValidate>
          <Stack gap="md">
            <Stack gap={4}>
              <Group justify="space-between" wrap="nowrap">
                <Brand size="lg" />
                {/* A choice of this browser only: no one is signed in to keep it. */}
                <LanguageSwitch />
              </Group>
              <Text size="sm" c="dimmed">
                {T.intro}
              </Text>
            </Stack>
            {failure && (
              <Alert color="red" variant="light" title={failure.title} role="alert">
                {failure.message}
              </Alert>
            )}
            <TextInput
              label={T.email}
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
              label={T.password}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            {needsCode && (
              <>
                <Alert color="blue" variant="light" role="status">
                  {T.codeNeeded}
                </Alert>
                <TextInput
                  label={T.code}
                  description={T.codeHint}
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
              {T.submit}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
