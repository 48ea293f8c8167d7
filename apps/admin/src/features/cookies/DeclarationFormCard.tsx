import { Button, Code, Group, NativeSelect, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import {
  COOKIE_CATEGORIES,
  COOKIE_STORAGE_KINDS,
  type CookieCategory,
  type CookieStorageKind,
} from '@steward/policy-core';
import type { CookieDeclarationFieldsFragment } from '@steward/schema';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { MessagesAlert } from '../../components/ErrorAlert.js';
import { fieldErrorsFromGraphQLError, messagesOutside, type FieldErrors } from '../../components/errors.js';
import {
  EMPTY_DECLARATION,
  STORAGE_LABEL,
  categoryLabel,
  declarationToForm,
  formToDeclarationInput,
  type DeclarationForm,
} from './cookie-forms.js';
import { useCookieDeclarations } from './use-cookies.js';

/** Adds a declaration, or edits `editing` (the same fields; a declaration stays with its site). */
export function DeclarationFormCard({
  siteId,
  editing,
  onSaved,
  onCancel,
}: {
  siteId: string;
  editing: CookieDeclarationFieldsFragment | null;
  onSaved: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation('cookies');
  const { createDeclaration, updateDeclaration, fetching } = useCookieDeclarations();
  const initial = editing ? declarationToForm(editing) : EMPTY_DECLARATION;
  const [form, setForm] = useState<DeclarationForm>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [messages, setMessages] = useState<string[]>([]);
  const set = <K extends keyof DeclarationForm>(k: K, v: DeclarationForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const label = editing ? t('declarations.editForm', { name: editing.name }) : t('declarations.add');
  const nameInput = useRef<HTMLInputElement>(null);
  // Opening the editor takes the keyboard there.
  useEffect(() => {
    if (editing) nameInput.current?.focus();
  }, [editing]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = formToDeclarationInput(siteId, form);
    const res = editing ? await updateDeclaration(editing.id, input) : await createDeclaration(input);
    const saved =
      res.data &&
      ('updateCookieDeclaration' in res.data ? res.data.updateCookieDeclaration : res.data.createCookieDeclaration);
    if (saved) {
      setForm(EMPTY_DECLARATION);
      setErrors({});
      setMessages([]);
      onSaved();
      return;
    }
    const summary = fieldErrorsFromGraphQLError(res.error);
    setErrors(summary.fieldErrors);
    setMessages(
      messagesOutside(summary, (f) =>
        ['name', 'domain', 'vendor', 'purpose.en', 'purpose.ja', 'durationDays'].includes(f),
      ),
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={label}>
      <Stack gap="xs" mt="md">
        <Text fw={600} size="sm">
          {editing ? (
            <Trans
              t={t}
              i18nKey="declarations.editHeading"
              values={{ name: editing.name }}
              components={{ code: <Code /> }}
            />
          ) : (
            t('declarations.declare')
          )}
        </Text>
        <MessagesAlert title={editing ? t('declarations.notSaved') : t('declarations.notAdded')} messages={messages} />
        <Group grow align="flex-start">
          <TextInput
            ref={nameInput}
            label={t('declarations.name')}
            value={form.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={errors['name']}
          />
          <TextInput
            label={t('declarations.domain')}
            value={form.domain}
            onChange={(e) => set('domain', e.currentTarget.value)}
            error={errors['domain']}
          />
          <TextInput
            label={t('declarations.vendor')}
            value={form.vendor}
            onChange={(e) => set('vendor', e.currentTarget.value)}
            error={errors['vendor']}
          />
        </Group>
        <Group grow align="flex-start">
          <NativeSelect
            label={t('declarations.category')}
            value={form.category}
            onChange={(e) => set('category', e.currentTarget.value as CookieCategory)}
            data={COOKIE_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) }))}
          />
          <NativeSelect
            label={t('declarations.storage')}
            value={form.storageKind}
            onChange={(e) => set('storageKind', e.currentTarget.value as CookieStorageKind)}
            data={COOKIE_STORAGE_KINDS.map((k) => ({ value: k, label: STORAGE_LABEL[k] }))}
          />
          <NumberInput
            label={t('declarations.keptFor')}
            description={t('declarations.keptForHelp')}
            value={form.durationDays}
            onChange={(v) => set('durationDays', v)}
            error={errors['durationDays']}
            min={0}
          />
        </Group>
        <TextInput
          label={t('declarations.purposeEn')}
          lang="en"
          value={form.purposeEn}
          onChange={(e) => set('purposeEn', e.currentTarget.value)}
          error={errors['purpose.en']}
        />
        <TextInput
          label={t('declarations.purposeJa')}
          lang="ja"
          value={form.purposeJa}
          onChange={(e) => set('purposeJa', e.currentTarget.value)}
          error={errors['purpose.ja']}
        />
        <Group>
          <Button type="submit" size="sm" loading={fetching}>
            {editing ? t('declarations.save') : t('declarations.add')}
          </Button>
          {onCancel && (
            <Button size="sm" variant="default" onClick={onCancel}>
              {t('common:actions.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
