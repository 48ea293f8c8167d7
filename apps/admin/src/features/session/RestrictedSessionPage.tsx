import { Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { SessionRestriction } from '@steward/schema';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useResetClient } from '../../app/client-reset.js';
import { Brand } from '../../components/Brand.js';
import { ChangePasswordForm } from '../account/ChangePasswordForm.js';
import { TotpEnrolment } from '../account/TotpEnrolment.js';
import { useLogout } from './use-logout.js';

type Props = {
  restriction: NonNullable<SessionRestriction>;
  /** Reloads `me` once the step is done: the app then opens as usual. */
  onDone: () => void;
};

/**
 * What a restricted session sees instead of the dashboard (the API refuses everything else): the one
 * step it must take — a new password after an owner's reset, or enrolling a second factor — and sign out.
 */
export function RestrictedSessionPage({ restriction, onDone }: Props) {
  const { t } = useTranslation('session');
  const { logout, fetching } = useLogout();
  const resetClient = useResetClient();
  const navigate = useNavigate();

  async function signOut() {
    await logout();
    resetClient();
    void navigate('/login', { replace: true });
  }

  const password = restriction === 'PASSWORD_CHANGE';
  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={520}>
        <Stack gap="md">
          <Group justify="space-between">
            <Brand />
            <Button variant="default" size="xs" onClick={() => void signOut()} loading={fetching}>
              {t('restricted.signOut')}
            </Button>
          </Group>
          <Title order={1} fz="h3">
            {password ? t('restricted.passwordTitle') : t('restricted.mfaTitle')}
          </Title>
          <Text size="sm">{password ? t('restricted.passwordIntro') : t('restricted.mfaIntro')}</Text>
          {password ? (
            <ChangePasswordForm currentLabel={t('restricted.temporaryPassword')} onChanged={onDone} />
          ) : (
            <TotpEnrolment onEnrolled={onDone} />
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
