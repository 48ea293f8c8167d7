import { Grid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.js';
import { AccountLanguageCard } from '../language/AccountLanguageCard.js';
import { MailPreferencesCard } from '../mail/MailPreferencesCard.js';
import { useSessionUser } from '../session/session-context.js';
import { ChangePasswordForm } from './ChangePasswordForm.js';
import { DisableTotpForm, RegenerateCodesForm, SecondFactorCard } from './SecondFactorCard.js';
import { SessionsCard } from './SessionsCard.js';

/** Every member's own account: password, sessions, second factor. */
export function AccountPage({ onChanged }: { /** Reloads the signed-in member (`me`). */ onChanged: () => void }) {
  const { t } = useTranslation('account');
  const user = useSessionUser();
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <SessionsCard />
            <SecondFactorCard onChanged={onChanged} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <AccountLanguageCard />
            <MailPreferencesCard />
            <ChangePasswordForm />
            {user.mfaEnrolled && <RegenerateCodesForm />}
            {/* The API refuses removal while the organisation requires a second factor of this role. */}
            {user.mfaEnrolled && !user.mfaRequired && <DisableTotpForm />}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
