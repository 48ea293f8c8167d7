import { Button, Checkbox, Grid, NumberInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { CookieSiteInput } from '@steward/schema';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MessagesAlert } from '../../components/ErrorAlert.js';
import {
  fieldErrorsFromGraphQLError,
  messagesOutside,
  type ErrorLike,
  type FieldErrors,
} from '../../components/errors.js';
import { formToSiteInput, type SiteForm } from './cookie-forms.js';

const FIELD_PREFIXES = ['name', 'domains', 'allowedOrigins', 'consentLifetimeDays', 'bannerTitle', 'bannerText'];

/** Create or edit a site; `save` answers the API's error (if any). */
export function SiteFormCard({
  label,
  initial,
  submitLabel,
  save,
  fetching,
}: {
  label: string;
  initial: SiteForm;
  submitLabel: string;
  save: (input: CookieSiteInput) => Promise<ErrorLike | undefined>;
  fetching: boolean;
}) {
  const { t } = useTranslation('cookies');
  const [form, setForm] = useState<SiteForm>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [messages, setMessages] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof SiteForm>(key: K, value: SiteForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  // Errors on list entries (`allowedOrigins[1]`) show on the list's field.
  const err = (field: string) =>
    Object.entries(errors)
      .filter(([k]) => k === field || k.startsWith(`${field}[`) || k.startsWith(`${field}.`))
      .map(([, v]) => v)
      .join(' ') || undefined;
  const fieldError = {
    name: err('name'),
    domains: err('domains'),
    allowedOrigins: err('allowedOrigins'),
    consentLifetimeDays: err('consentLifetimeDays'),
    titleEn: err('bannerTitle.en'),
    titleJa: err('bannerTitle.ja'),
    textEn: err('bannerText.en'),
    textJa: err('bannerText.ja'),
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    setMessages([]);
    const error = await save(formToSiteInput(form));
    if (!error) {
      setErrors({});
      setSaved(true);
      return;
    }
    const summary = fieldErrorsFromGraphQLError(error);
    setErrors(summary.fieldErrors);
    setMessages(messagesOutside(summary, (f) => FIELD_PREFIXES.some((p) => f.startsWith(p))));
  }

  return (
    <form onSubmit={submit} noValidate aria-label={label}>
      <Stack gap="sm">
        <MessagesAlert title={t('form.notSaved')} messages={messages} />
        {saved && (
          <Text size="sm" c="teal" role="status">
            {t('form.saved')}
          </Text>
        )}
        <TextInput
          label={t('form.name')}
          required
          value={form.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={fieldError.name}
        />
        <Textarea
          label={t('form.domains')}
          value={form.domains}
          onChange={(e) => set('domains', e.currentTarget.value)}
          error={fieldError.domains}
          autosize
          minRows={2}
        />
        <Textarea
          label={t('form.origins')}
          description={t('form.originsHelp')}
          value={form.allowedOrigins}
          onChange={(e) => set('allowedOrigins', e.currentTarget.value)}
          error={fieldError.allowedOrigins}
          autosize
          minRows={2}
        />
        <NumberInput
          label={t('form.lifetime')}
          description={t('form.lifetimeHelp')}
          value={form.consentLifetimeDays}
          onChange={(v) => set('consentLifetimeDays', String(v))}
          error={fieldError.consentLifetimeDays}
          min={1}
          max={395}
        />
        <Checkbox
          label={t('form.gpc')}
          checked={form.honoursGpc}
          onChange={(e) => set('honoursGpc', e.currentTarget.checked)}
        />
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput
              label={t('form.titleEn')}
              value={form.titleEn}
              onChange={(e) => set('titleEn', e.currentTarget.value)}
              error={fieldError.titleEn}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput
              label={t('form.titleJa')}
              value={form.titleJa}
              onChange={(e) => set('titleJa', e.currentTarget.value)}
              error={fieldError.titleJa}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Textarea
              label={t('form.textEn')}
              value={form.textEn}
              onChange={(e) => set('textEn', e.currentTarget.value)}
              error={fieldError.textEn}
              autosize
              minRows={3}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Textarea
              label={t('form.textJa')}
              value={form.textJa}
              onChange={(e) => set('textJa', e.currentTarget.value)}
              error={fieldError.textJa}
              autosize
              minRows={3}
            />
          </Grid.Col>
        </Grid>
        <Button type="submit" loading={fetching}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
