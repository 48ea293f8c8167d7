import { Alert, Button, Card, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { EXCEPTION_KINDS } from '@steward/policy-core';
import type {
  ExceptionFieldsFragment,
  ExceptionKind,
  PurposeFieldsFragment,
  RecipientFieldsFragment,
} from '@steward/schema';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MessagesAlert } from '../../components/ErrorAlert.js';
import { EvidenceFields } from './EvidenceFields.js';
import { exceptionFormFields } from './exception-form.js';
import { EXCEPTION_KIND_LABEL } from './exception-labels.js';
import { ScopeFields } from './ScopeFields.js';
import { useExceptionForm } from './use-exception-form.js';

type FormProps = {
  purposes: readonly PurposeFieldsFragment[];
  recipients: readonly RecipientFieldsFragment[];
  existing: ExceptionFieldsFragment | null;
};

/** The exception's kind and title, its evidence and its scope; creates a draft or saves one. */
export function ExceptionForm({ purposes, recipients, existing }: FormProps) {
  const { t } = useTranslation('exceptions');
  const { values, set, errors, server, submit, saving } = useExceptionForm(purposes, existing);

  const fieldCount = Object.keys(errors).filter((k) => exceptionFormFields(values.kind).includes(k)).length;
  return (
    <form onSubmit={submit} noValidate aria-label={t('form.label')}>
      <Stack gap="md">
        {fieldCount > 0 && (
          <Alert color="red" variant="light" title={t('form.notSaved')} role="alert">
            {t('form.correct', { count: fieldCount })}
          </Alert>
        )}
        <MessagesAlert title={t('form.refused')} messages={server.messages} />

        <Card withBorder radius="md" padding="md">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <NativeSelect
              label={t('form.kind')}
              required
              value={values.kind}
              disabled={existing !== null}
              onChange={(e) => set('kind', e.currentTarget.value as ExceptionKind, ['kind'])}
              data={EXCEPTION_KINDS.map((k) => ({ value: k, label: EXCEPTION_KIND_LABEL[k] }))}
              error={errors['kind']}
            />
            <TextInput
              label={t('form.title')}
              required
              placeholder={t('form.titlePlaceholder')}
              value={values.title}
              onChange={(e) => set('title', e.currentTarget.value, ['title'])}
              error={errors['title']}
            />
          </SimpleGrid>
        </Card>

        <EvidenceFields values={values} set={set} errors={errors} purposes={purposes} recipients={recipients} />

        <ScopeFields values={values} set={set} errors={errors} purposes={purposes} recipients={recipients} />

        <Group justify="flex-end">
          <Button
            component={Link}
            to={existing ? `/exceptions/${encodeURIComponent(existing.id)}` : '/exceptions'}
            variant="default"
          >
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {existing ? t('form.save') : t('form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
