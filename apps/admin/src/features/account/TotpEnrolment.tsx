import { Button, Card, Code, Group, Image, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import type { BeginTotpEnrolmentMutation } from '@steward/schema';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MessagesAlert } from '../../components/ErrorAlert.js';
import { errorMessages } from '../../components/errors.js';
import { useFormErrors } from '../../components/FormCard.js';
import { RecoveryCodes } from './RecoveryCodes.js';
import { useTotpEnrolment } from './use-account.js';

type Enrolment = BeginTotpEnrolmentMutation['beginTotpEnrolment'];

/** The API's QR code (an SVG document) as an image source. */
export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}

const FIELDS = ['code', 'password'];

/**
 * Enrols an authenticator app: a new secret as QR code and key, confirmed by a first code and the
 * member's password (the API's issues go on those fields); then the ten recovery codes, shown once.
 * `onEnrolled` runs when the member has stored them.
 */
export function TotpEnrolment({ onEnrolled }: { onEnrolled: () => void }) {
  const { t } = useTranslation('account');
  const { begin, confirm, fetching } = useTotpEnrolment();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [values, setValues] = useState({ code: '', password: '' });
  const form = useFormErrors((f) => FIELDS.includes(f));
  // The codes live only here, until the member says they stored them.
  const [codes, setCodes] = useState<readonly string[] | null>(null);

  function set(key: keyof typeof values, value: string) {
    setValues((v) => ({ ...v, [key]: value }));
    form.clearField(key);
  }

  async function start() {
    form.setMessages([]);
    const result = await begin();
    if (result.data) setEnrolment(result.data.beginTotpEnrolment);
    form.setMessages(errorMessages(result.error));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    form.setMessages([]);
    const result = await confirm(values.code.trim(), values.password);
    if (!result.data) return form.report(result.error);
    setEnrolment(null);
    setValues({ code: '', password: '' });
    setCodes(result.data.confirmTotpEnrolment.codes);
  }

  if (codes) return <RecoveryCodes codes={codes} onDone={onEnrolled} />;

  return (
    <Stack gap="sm">
      <MessagesAlert title={t('mfa.refused')} messages={form.messages} />
      {!enrolment ? (
        <Group>
          <Button onClick={() => void start()} loading={fetching}>
            {t('mfa.start')}
          </Button>
        </Group>
      ) : (
        <form onSubmit={submit} aria-label={t('mfa.start')} noValidate>
          <Stack gap="sm">
            <Text size="sm">{t('mfa.scan')}</Text>
            <Card withBorder padding="xs" w={220} bg="white">
              <Image src={svgDataUri(enrolment.qrSvg)} alt={t('mfa.qr')} w={200} h={200} />
            </Card>
            <Text size="sm" fw={500}>
              {t('mfa.secret')}
            </Text>
            <Code aria-label={t('mfa.secret')} style={{ wordBreak: 'break-all' }}>
              {enrolment.secret}
            </Code>
            <TextInput
              label={t('mfa.code')}
              inputMode="numeric"
              autoComplete="one-time-code"
              required
              maxLength={12}
              value={values.code}
              onChange={(e) => set('code', e.currentTarget.value)}
              error={form.errors['code']}
            />
            <PasswordInput
              label={t('mfa.password')}
              description={t('mfa.passwordHint')}
              autoComplete="current-password"
              required
              value={values.password}
              onChange={(e) => set('password', e.currentTarget.value)}
              error={form.errors['password']}
            />
            <Group>
              <Button type="submit" loading={fetching} disabled={!values.code.trim() || !values.password}>
                {t('common:actions.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
