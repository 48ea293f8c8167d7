import { Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import {
  FIELD_LIMITS,
  PROVIDER_KINDS,
  PROVIDER_LANGUAGES,
  PROVIDER_LANGUAGE_LABELS,
  validateText,
} from '@steward/policy-core';
import type { PolicyLanguage, ProviderKind } from '@steward/schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictAlert } from '../../components/ConflictAlert.js';
import { MessagesAlert } from '../../components/ErrorAlert.js';
import { fieldErrorsFromGraphQLError, messagesOutside, type ErrorSummary } from '../../components/errors.js';
import { PROVIDER_KIND_LABEL } from '../../components/labels.js';
import { providerUpdateInput } from './provider-form.js';
import type { ProviderDetail } from './use-provider.js';
import { useUpdateProvider } from './use-update-provider.js';

type Props = {
  provider: Pick<ProviderDetail, 'id' | 'version' | 'kind' | 'reference' | 'language'>;
  opened: boolean;
  onClose: () => void;
  onReload: () => void;
};

const FIELDS = new Set(['kind', 'reference', 'language']);

export function EditProviderModal({ provider, opened, onClose, onReload }: Props) {
  const { t } = useTranslation('providers');
  const { updateProvider, fetching } = useUpdateProvider();
  const [kind, setKind] = useState<ProviderKind>(provider.kind);
  const [reference, setReference] = useState(provider.reference);
  const [language, setLanguage] = useState<PolicyLanguage>(provider.language);
  const [errors, setErrors] = useState<ErrorSummary | null>(null);

  function close() {
    setKind(provider.kind);
    setReference(provider.reference);
    setLanguage(provider.language);
    setErrors(null);
    onClose();
  }

  async function submit() {
    const referenceIssue = validateText(reference.trim(), {
      field: 'reference',
      maxLength: FIELD_LIMITS.reference,
      required: true,
      multiline: false,
    });
    if (referenceIssue) {
      setErrors({
        code: 'BAD_USER_INPUT',
        fieldErrors: { reference: referenceIssue.message },
        messages: [],
        conflict: null,
      });
      return;
    }
    const input = providerUpdateInput(provider, { kind, reference, language });
    if (!input) return close();
    const result = await updateProvider(input);
    if (result.error) setErrors(fieldErrorsFromGraphQLError(result.error));
    else close();
  }

  return (
    <Modal opened={opened} onClose={close} title={t('edit.title')}>
      <Stack gap="sm">
        <NativeSelect
          label={t('fields.kind')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as ProviderKind)}
          data={PROVIDER_KINDS.map((k) => ({ value: k, label: PROVIDER_KIND_LABEL[k] }))}
          error={errors?.fieldErrors['kind']}
        />
        <TextInput
          label={t('fields.reference')}
          description={t('fields.referenceDescription')}
          value={reference}
          onChange={(e) => setReference(e.currentTarget.value)}
          maxLength={FIELD_LIMITS.reference}
          error={errors?.fieldErrors['reference']}
          required
        />
        <NativeSelect
          label={t('fields.language')}
          description={t('fields.languageDescription')}
          value={language}
          onChange={(e) => setLanguage(e.currentTarget.value as PolicyLanguage)}
          data={PROVIDER_LANGUAGES.map((l) => ({ value: l, label: PROVIDER_LANGUAGE_LABELS[l][l] }))}
          error={errors?.fieldErrors['language']}
        />
        {errors?.conflict ? (
          <ConflictAlert
            onReload={() => {
              onReload();
              setErrors(null);
            }}
          />
        ) : (
          <MessagesAlert title={t('notSaved')} messages={messagesOutside(errors, (f) => FIELDS.has(f))} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common:actions.cancel')}
          </Button>
          <Button onClick={submit} loading={fetching}>
            {t('common:actions.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
