import { Alert, Button, Card, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormCard, useFormErrors } from '../../components/FormCard.js';
import { useSessionUser } from '../session/session-context.js';
import { RecoveryCodes } from './RecoveryCodes.js';
import { TotpEnrolment } from './TotpEnrolment.js';
import { useSecondFactor } from './use-account.js';

/** One's own second factor: enrol, or (once enrolled) new recovery codes and removal. */
export function SecondFactorCard({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation('account');
  const user = useSessionUser();
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="sm">
        <Text fw={600}>{t('mfa.title')}</Text>
        <Text size="sm">{user.mfaEnrolled ? t('mfa.enrolled') : t('mfa.notEnrolled')}</Text>
        {user.mfaRequired && (
          <Alert color="blue" variant="light">
            {t('mfa.required')}
          </Alert>
        )}
        {!user.mfaEnrolled && <TotpEnrolment onEnrolled={onChanged} />}
      </Stack>
    </Card>
  );
}

/** New recovery codes, confirmed by a current code; shown once. */
export function RegenerateCodesForm() {
  const { t } = useTranslation('account');
  const { regenerate, regenerating } = useSecondFactor();
  const form = useFormErrors((f) => f === 'code');
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<readonly string[] | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    form.setMessages([]);
    const result = await regenerate(code.trim());
    if (!result.data) return form.report(result.error);
    setCode('');
    setCodes(result.data.regenerateRecoveryCodes.codes);
  }

  return (
    <FormCard
      label={t('mfa.regenerate.form')}
      title={t('mfa.regenerate.title')}
      refusedTitle={t('mfa.regenerate.refused')}
      messages={form.messages}
      onSubmit={submit}
    >
      {codes ? (
        <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('mfa.regenerate.description')}
          </Text>
          <TextInput
            label={t('mfa.code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={form.errors['code']}
          />
          <Button type="submit" loading={regenerating} disabled={!code.trim()}>
            {t('mfa.regenerate.submit')}
          </Button>
        </>
      )}
    </FormCard>
  );
}

/** Removes the second factor with one's password (the API refuses while the organisation requires one). */
export function DisableTotpForm() {
  const { t } = useTranslation('account');
  const { disable, disabling } = useSecondFactor();
  const form = useFormErrors((f) => f === 'password');
  const [password, setPassword] = useState('');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    form.setMessages([]);
    const result = await disable(password);
    if (!result.data) return form.report(result.error);
    setPassword('');
  }

  return (
    <FormCard
      label={t('mfa.disable.form')}
      title={t('mfa.disable.title')}
      refusedTitle={t('mfa.disable.refused')}
      messages={form.messages}
      onSubmit={submit}
    >
      <PasswordInput
        label={t('mfa.disable.password')}
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        error={form.errors['password']}
      />
      <Button type="submit" color="red" variant="light" loading={disabling} disabled={!password}>
        {t('mfa.disable.submit')}
      </Button>
    </FormCard>
  );
}
