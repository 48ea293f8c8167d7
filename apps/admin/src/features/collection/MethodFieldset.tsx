import { Button, Card, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { COLLECTION_CHANNELS, CONSENT_METHODS, FIELD_LIMITS } from '@steward/policy-core';
import type { CollectionChannel, ConsentMethod } from '@steward/schema';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format.js';
import { CHANNEL_LABEL, CONSENT_METHOD_LABEL } from '../../components/labels.js';
import type { CollectionFormState, Policy } from './use-collection-form.js';

type Props = {
  policy: Policy;
  form: Pick<CollectionFormState, 'values' | 'errors' | 'change' | 'policyVersionShown' | 'reloadPolicy'>;
};

/** How it was collected: channel, consent method, the policy version shown, the source. */
export function MethodFieldset({ policy, form }: Props) {
  const { t } = useTranslation('collection');
  const { values, errors, change, policyVersionShown } = form;
  const versionError = errors['policyVersionShown'];
  return (
    <Card withBorder radius="md" padding="md" component="fieldset" aria-label={t('method.title')} m={0}>
      <Text fw={600} mb="xs">
        {t('method.title')}
      </Text>
      <Stack gap="sm">
        <Group grow align="flex-start">
          <NativeSelect
            label={t('method.channel')}
            required
            value={values.channel}
            onChange={(e) => change({ channel: e.currentTarget.value as CollectionChannel | '' }, ['channel'])}
            data={[
              { value: '', label: t('choose'), disabled: true },
              ...COLLECTION_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABEL[c] })),
            ]}
            error={errors['channel']}
          />
          <NativeSelect
            label={t('method.consentMethod')}
            required
            value={values.consentMethod}
            onChange={(e) => change({ consentMethod: e.currentTarget.value as ConsentMethod | '' }, ['consentMethod'])}
            data={[
              { value: '', label: t('choose'), disabled: true },
              ...CONSENT_METHODS.map((m) => ({ value: m, label: CONSENT_METHOD_LABEL[m] })),
            ]}
            error={errors['consentMethod']}
          />
        </Group>
        <TextInput
          label={t('method.policyVersion')}
          readOnly
          variant="filled"
          value={t('method.version', { version: policyVersionShown })}
          description={t('method.policyDescription', { number: policy.number, date: formatDate(policy.publishedAt) })}
          error={versionError}
          rightSectionWidth={versionError ? 150 : undefined}
          rightSection={
            versionError ? (
              <Button size="compact-xs" variant="light" onClick={form.reloadPolicy}>
                {t('method.reloadPolicy')}
              </Button>
            ) : undefined
          }
        />
        <TextInput
          label={t('method.source')}
          description={t('method.sourceDescription')}
          value={values.source}
          maxLength={FIELD_LIMITS.source}
          onChange={(e) => change({ source: e.currentTarget.value }, ['source'])}
          error={errors['source']}
        />
      </Stack>
    </Card>
  );
}
