import { Anchor, Badge, Card, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import {
  defaultProviderLanguage,
  FIELD_LIMITS,
  PROVIDER_KINDS,
  PROVIDER_LANGUAGES,
  PROVIDER_LANGUAGE_LABELS,
} from '@steward/policy-core';
import { OrganisationLanguageDocument, type PolicyLanguage, type ProviderKind } from '@steward/schema';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { PROVIDER_KIND_LABEL } from '../../components/labels.js';
import { toUiLanguage } from '../language/language-codes.js';
import type { CollectionFormState, ProviderSummary } from './use-collection-form.js';

type Props = {
  /** The existing provider the collection is for; null for a new one. */
  provider: ProviderSummary | null;
  form: Pick<CollectionFormState, 'values' | 'errors' | 'change'>;
};

/** Who gave the information: the existing provider, or the kind and reference of a new one; their language. */
export function ProviderFieldset({ provider, form: { values, errors, change } }: Props) {
  const { t } = useTranslation('collection');
  // A new provider without a chosen language gets the organisation's default (as the API decides).
  const [organisation] = useQuery({ query: OrganisationLanguageDocument });
  const orgDefault = organisation.data?.organisation.defaultLanguage;
  const defaultLanguage = defaultProviderLanguage(orgDefault ? toUiLanguage(orgDefault) : null);
  const languageSelect = (
    <NativeSelect
      label={t('provider.language')}
      description={t('provider.languageDescription')}
      value={values.language}
      onChange={(e) => change({ language: e.currentTarget.value as PolicyLanguage | '' }, ['language'])}
      data={[
        {
          value: '',
          label: provider
            ? t('provider.unchanged')
            : t('provider.defaultLanguage', {
                language: PROVIDER_LANGUAGE_LABELS[defaultLanguage][defaultLanguage],
              }),
        },
        ...PROVIDER_LANGUAGES.map((l) => ({ value: l, label: PROVIDER_LANGUAGE_LABELS[l][l] })),
      ]}
      error={errors['language']}
    />
  );
  return (
    <Card withBorder radius="md" padding="md" component="fieldset" aria-label={t('provider.title')} m={0}>
      <Text fw={600} mb="xs">
        {t('provider.title')}
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
              {t('provider.version', { version: provider.version })}
            </Badge>
          </Group>
          <Text size="sm">{provider.displayName ?? t('provider.noName')}</Text>
          {languageSelect}
          <Anchor component={Link} to="/collections/new" size="xs">
            {t('provider.newInstead')}
          </Anchor>
        </Stack>
      ) : (
        <Stack gap="sm">
          <NativeSelect
            label={t('provider.kind')}
            required
            value={values.providerKind}
            onChange={(e) => change({ providerKind: e.currentTarget.value as ProviderKind | '' }, ['providerKind'])}
            data={[
              { value: '', label: t('choose'), disabled: true },
              ...PROVIDER_KINDS.map((k) => ({ value: k, label: PROVIDER_KIND_LABEL[k] })),
            ]}
            error={errors['providerKind']}
          />
          <TextInput
            label={t('provider.reference')}
            description={t('provider.referenceDescription')}
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
