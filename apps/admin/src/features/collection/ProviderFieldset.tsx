import { Anchor, Badge, Card, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import {
  defaultProviderLanguage,
  FIELD_LIMITS,
  PROVIDER_KINDS,
  PROVIDER_LANGUAGES,
  PROVIDER_LANGUAGE_LABELS,
} from '@steward/policy-core';
import type { PolicyLanguage, ProviderKind } from '@steward/schema';
import { Link } from 'react-router';
import { PROVIDER_KIND_LABEL } from '../../components/labels.js';
import type { CollectionFormState, ProviderSummary } from './use-collection-form.js';

type Props = {
  /** The existing provider the collection is for; null for a new one. */
  provider: ProviderSummary | null;
  form: Pick<CollectionFormState, 'values' | 'errors' | 'change'>;
};

/** Who gave the information: the existing provider, or the kind and reference of a new one; their language. */
export function ProviderFieldset({ provider, form: { values, errors, change } }: Props) {
  const languageSelect = (
    <NativeSelect
      label="Language"
      description="Every document and message to the provider is written in it"
      value={values.language}
      onChange={(e) => change({ language: e.currentTarget.value as PolicyLanguage | '' }, ['language'])}
      data={[
        {
          value: '',
          label: provider
            ? 'Unchanged'
            : `Default (${PROVIDER_LANGUAGE_LABELS[defaultProviderLanguage()][defaultProviderLanguage()]})`,
        },
        ...PROVIDER_LANGUAGES.map((l) => ({ value: l, label: PROVIDER_LANGUAGE_LABELS[l][l] })),
      ]}
      error={errors['language']}
    />
  );
  return (
    <Card withBorder radius="md" padding="md" component="fieldset" aria-label="Provider" m={0}>
      <Text fw={600} mb="xs">
        Provider
      </Text>
      {provider ? (
        <Stack gap={4}>
          <Group gap="xs">
            <Text ff="monospace" fw={600}>
              {provider.reference}
            </Text>
            <Badge variant="light" color="gray" size="sm">
              {PROVIDER_KIND_LABEL[provider.kind]}
            </Badge>
            <Badge variant="outline" color="gray" size="sm">
              v{provider.version}
            </Badge>
          </Group>
          <Text size="sm">{provider.displayName ?? 'No name on file'}</Text>
          {languageSelect}
          <Anchor component={Link} to="/collections/new" size="xs">
            Record for a new provider instead
          </Anchor>
        </Stack>
      ) : (
        <Stack gap="sm">
          <NativeSelect
            label="Provider kind"
            required
            value={values.providerKind}
            onChange={(e) => change({ providerKind: e.currentTarget.value as ProviderKind | '' }, ['providerKind'])}
            data={[
              { value: '', label: 'Choose…', disabled: true },
              ...PROVIDER_KINDS.map((k) => ({ value: k, label: PROVIDER_KIND_LABEL[k] })),
            ]}
            error={errors['providerKind']}
          />
          <TextInput
            label="Reference"
            description="The society's identifier (e.g. membership number); generated when left empty"
            value={values.reference}
            maxLength={FIELD_LIMITS.reference}
            onChange={(e) => change({ reference: e.currentTarget.value }, ['reference'])}
            error={errors['reference']}
          />
          {languageSelect}
        </Stack>
      )}
    </Card>
  );
}
