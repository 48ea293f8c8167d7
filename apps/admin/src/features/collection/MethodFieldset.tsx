import { Button, Card, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { COLLECTION_CHANNELS, CONSENT_METHODS, FIELD_LIMITS } from '@steward/policy-core';
import type { CollectionChannel, ConsentMethod } from '@steward/schema';
import { formatDate } from '../../components/format.js';
import { CHANNEL_LABEL, CONSENT_METHOD_LABEL } from '../../components/labels.js';
import type { CollectionFormState, Policy } from './use-collection-form.js';

type Props = {
  policy: Policy;
  form: Pick<CollectionFormState, 'values' | 'errors' | 'change' | 'policyVersionShown' | 'reloadPolicy'>;
};

/** How it was collected: channel, consent method, the policy version shown, the source. */
export function MethodFieldset({ policy, form }: Props) {
  const { values, errors, change, policyVersionShown } = form;
  const versionError = errors['policyVersionShown'];
  return (
    <Card withBorder radius="md" padding="md" component="fieldset" aria-label="How it was collected" m={0}>
      <Text fw={600} mb="xs">
        How it was collected
      </Text>
      <Stack gap="sm">
        <Group grow align="flex-start">
          <NativeSelect
            label="Channel"
            required
            value={values.channel}
            onChange={(e) => change({ channel: e.currentTarget.value as CollectionChannel | '' }, ['channel'])}
            data={[
              { value: '', label: 'Choose…', disabled: true },
              ...COLLECTION_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABEL[c] })),
            ]}
            error={errors['channel']}
          />
          <NativeSelect
            label="Consent method"
            required
            value={values.consentMethod}
            onChange={(e) => change({ consentMethod: e.currentTarget.value as ConsentMethod | '' }, ['consentMethod'])}
            data={[
              { value: '', label: 'Choose…', disabled: true },
              ...CONSENT_METHODS.map((m) => ({ value: m, label: CONSENT_METHOD_LABEL[m] })),
            ]}
            error={errors['consentMethod']}
          />
        </Group>
        <TextInput
          label="Policy version shown"
          readOnly
          variant="filled"
          value={`Version ${policyVersionShown}`}
          description={`The privacy policy the provider was shown. Current: version ${policy.number}, published ${formatDate(policy.publishedAt)}.`}
          error={versionError}
          rightSectionWidth={versionError ? 150 : undefined}
          rightSection={
            versionError ? (
              <Button size="compact-xs" variant="light" onClick={form.reloadPolicy}>
                Reload current policy
              </Button>
            ) : undefined
          }
        />
        <TextInput
          label="Source"
          description="Optional: where it came from, e.g. the registration desk of the spring meeting"
          value={values.source}
          maxLength={FIELD_LIMITS.source}
          onChange={(e) => change({ source: e.currentTarget.value }, ['source'])}
          error={errors['source']}
        />
      </Stack>
    </Card>
  );
}
