import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Brand } from '../../components/Brand.js';
import { NETWORK_MESSAGE } from '../../components/errors.js';
import { useLogin } from './use-login.js';

type Props = {
  /** Called after the API accepted the credentials and set the session cookie. */
  onSignedIn: () => void;
};

export function LoginPage({ onSignedIn }: Props) {
  const { login, fetching, error } = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await login({ email: email.trim(), password });
    if (result.data?.login) onSignedIn();
  }

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={380}>
        <form onSubmit={submit} aria-label="Sign in" noValidate>
          <Stack gap="md">
            <Stack gap={4}>
              <Brand size="lg" />
              <Text size="sm" c="dimmed">
                Sign in to manage personal information under your privacy policy.
              </Text>
            </Stack>
            {error && (
              <Alert color="red" variant="light" title="Sign-in failed" role="alert">
                {error.graphQLErrors[0]?.message ?? NETWORK_MESSAGE}
              </Alert>
            )}
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              data-autofocus
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" loading={fetching} disabled={!email.trim() || !password} fullWidth>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
