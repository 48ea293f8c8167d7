import { Alert, Button, Card, Group, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { FIELD_LIMITS } from '@steward/policy-core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConflictAlert } from '../../components/ConflictAlert.js';
import { MessagesAlert } from '../../components/ErrorAlert.js';
import { ItemsFieldset } from './ItemsFieldset.js';
import { MethodFieldset } from './MethodFieldset.js';
import { ProviderFieldset } from './ProviderFieldset.js';
import { PurposesFieldset } from './PurposesFieldset.js';
import { useCollectionForm, type Policy, type ProviderSummary, type Purpose } from './use-collection-form.js';

type Props = {
  policy: Policy;
  purposes: readonly Purpose[];
  provider: ProviderSummary | null;
  onReloadProvider: () => void;
  onReloadPolicy: () => void;
};

/** One act of collection: the fieldsets over the form state of useCollectionForm. */
export function CollectionForm({ policy, purposes, provider, onReloadProvider, onReloadPolicy }: Props) {
  const { t } = useTranslation('collection');
  const form = useCollectionForm({ policy, purposes, provider, onReloadPolicy });
  const { values, errors, errorCount, change } = form;

  return (
    <form onSubmit={form.submit} noValidate aria-label={t('form.label')}>
      <Stack gap="md">
        {errorCount > 0 && (
          <Alert color="red" variant="light" title={t('form.notRecorded')} role="alert">
            {t('form.correct', { count: errorCount })}
          </Alert>
        )}
        {form.conflict && (
          <ConflictAlert
            onReload={() => {
              onReloadProvider();
              form.clearServerErrors();
            }}
          />
        )}
        {!form.conflict && <MessagesAlert title={t('form.refused')} messages={form.serverMessages} />}

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <ProviderFieldset provider={provider} form={form} />
          <MethodFieldset policy={policy} form={form} />
        </SimpleGrid>
        <PurposesFieldset purposes={purposes} form={form} />
        <ItemsFieldset form={form} />

        <Card withBorder radius="md" padding="md" m={0}>
          <Textarea
            label={t('form.note')}
            description={t('form.noteDescription')}
            value={values.note}
            maxLength={FIELD_LIMITS.note}
            onChange={(e) => change({ note: e.currentTarget.value }, ['note'])}
            error={errors['note']}
            autosize
            minRows={2}
          />
        </Card>

        <Group justify="flex-end">
          <Button
            component={Link}
            to={provider ? `/providers/${encodeURIComponent(provider.id)}` : '/providers'}
            variant="default"
          >
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
