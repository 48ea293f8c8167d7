import { Card, Stack, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { MAIL_KIND_LABEL } from './mail-labels.js';
import { useMailPreferences } from './use-mail.js';

/** My account: one switch per kind of notification mail; security mails are shown on and cannot be switched off. */
export function MailPreferencesCard() {
  const { t } = useTranslation('mail');
  const { preferences, error, fetching, set } = useMailPreferences();
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('preferences.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('preferences.description')}
        </Text>
        <ErrorAlert error={error} title={t('preferences.refused')} />
        {preferences.map((p) => (
          <Switch
            key={p.kind}
            label={MAIL_KIND_LABEL[p.kind]}
            checked={p.enabled}
            disabled={!p.optional || fetching}
            onChange={(event) => void set(p.kind, event.currentTarget.checked)}
          />
        ))}
      </Stack>
    </Card>
  );
}
