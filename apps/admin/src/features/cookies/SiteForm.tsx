import { Button, Checkbox, Grid, NumberInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { CookieSiteInput } from '@steward/schema';
import { useState, type FormEvent } from 'react';
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
        <MessagesAlert title="The site was not saved" messages={messages} />
        {saved && (
          <Text size="sm" c="teal" role="status">
            Saved.
          </Text>
        )}
        <TextInput
          label="Name"
          required
          value={form.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={err('name')}
        />
        <Textarea
          label="Domains (one per line)"
          value={form.domains}
          onChange={(e) => set('domains', e.currentTarget.value)}
          error={err('domains')}
          autosize
          minRows={2}
        />
        <Textarea
          label="Allowed origins (one per line)"
          description="Pages on these origins may load the banner and record consent, e.g. https://www.jspe.or.jp"
          value={form.allowedOrigins}
          onChange={(e) => set('allowedOrigins', e.currentTarget.value)}
          error={err('allowedOrigins')}
          autosize
          minRows={2}
        />
        <NumberInput
          label="Consent lifetime (days)"
          description="After this the banner asks again (1–395)."
          value={form.consentLifetimeDays}
          onChange={(v) => set('consentLifetimeDays', String(v))}
          error={err('consentLifetimeDays')}
          min={1}
          max={395}
        />
        <Checkbox
          label="Honour Global Privacy Control (turns analytics and marketing off)"
          checked={form.honoursGpc}
          onChange={(e) => set('honoursGpc', e.currentTarget.checked)}
        />
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput
              label="Banner title (English)"
              value={form.titleEn}
              onChange={(e) => set('titleEn', e.currentTarget.value)}
              error={err('bannerTitle.en')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <TextInput
              label="Banner title (Japanese)"
              value={form.titleJa}
              onChange={(e) => set('titleJa', e.currentTarget.value)}
              error={err('bannerTitle.ja')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Textarea
              label="Banner text (English)"
              value={form.textEn}
              onChange={(e) => set('textEn', e.currentTarget.value)}
              error={err('bannerText.en')}
              autosize
              minRows={3}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Textarea
              label="Banner text (Japanese)"
              value={form.textJa}
              onChange={(e) => set('textJa', e.currentTarget.value)}
              error={err('bannerText.ja')}
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
