import { Card, Checkbox, Group, SimpleGrid, Stack, Switch, TagsInput, Text, TextInput } from '@mantine/core';
import { DATA_CATEGORIES } from '@steward/policy-core';
import type { DataCategory } from '@steward/schema';
import { useTranslation } from 'react-i18next';
import { categoryLabel } from '../../components/categories.js';
import { ProviderMultiPicker } from '../../components/pickers/ProviderMultiPicker.js';
import { RecipientPicker } from '../../components/pickers/RecipientPicker.js';
import { useLocale } from '../../i18n/locale.js';
import { purposeTitle } from '../vocabulary/localized-title.js';
import { unstatedKeys } from '../vocabulary/purpose-keys.js';
import type { FieldsProps } from './EvidenceFields.js';

/** What the exception permits: purposes, categories, providers, recipient and validity window. */
export function ScopeFields({ values, set, errors, purposes }: FieldsProps) {
  const { t } = useTranslation('exceptions');
  const { language } = useLocale();
  // The scope's purposes: stated ones by checkbox, any other by its key (an exception may name a
  // purpose outside the stated ones); both end up in scope.purposeKeys.
  const otherPurposeKeys = unstatedKeys(values.scope.purposeKeys, purposes);
  const statedPurposeKeys = values.scope.purposeKeys.filter((k) => !otherPurposeKeys.includes(k));

  return (
    <Card withBorder radius="md" padding="md" component="fieldset" aria-label={t('scope.label')} m={0}>
      <Text fw={600} mb="xs">
        {t('scope.heading')}
      </Text>
      <Stack gap="sm">
        <Checkbox.Group
          label={t('scope.purposes')}
          value={statedPurposeKeys}
          onChange={(v) => set('scope', { purposeKeys: [...v, ...otherPurposeKeys] }, ['scope.purposeKeys'])}
          error={errors['scope.purposeKeys']}
        >
          <Group gap="md" mt={6}>
            {purposes.map((p) => (
              <Checkbox key={p.key} value={p.key} label={purposeTitle(p, language)} />
            ))}
          </Group>
        </Checkbox.Group>
        <TagsInput
          label={t('scope.otherPurposes')}
          description={t('scope.otherPurposesHelp')}
          value={otherPurposeKeys}
          onChange={(keys) =>
            set('scope', { purposeKeys: [...statedPurposeKeys, ...keys.map((k) => k.trim()).filter(Boolean)] }, [
              'scope.purposeKeys',
              'scope.otherPurposeKeys',
            ])
          }
          error={errors['scope.otherPurposeKeys']}
          clearable
        />
        <Checkbox.Group
          label={t('scope.categories')}
          value={values.scope.categories}
          onChange={(v) => set('scope', { categories: v as DataCategory[] }, ['scope.categories'])}
          error={errors['scope.categories']}
        >
          <Group gap="md" mt={6}>
            {DATA_CATEGORIES.map((c) => (
              <Checkbox key={c} value={c} label={categoryLabel(c)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Switch
          label={t('scope.allProviders')}
          checked={values.scope.allProviders}
          onChange={(e) =>
            set('scope', { allProviders: e.currentTarget.checked }, ['scope.allProviders', 'scope.providerIds'])
          }
          error={errors['scope.allProviders']}
        />
        {!values.scope.allProviders && (
          <ProviderMultiPicker
            label={t('scope.providerIds')}
            description={t('scope.providerIdsHelp')}
            value={values.scope.providerIds}
            onChange={(ids) => set('scope', { providerIds: ids }, ['scope.providerIds'])}
            error={errors['scope.providerIds']}
          />
        )}
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
          <RecipientPicker
            label={t('scope.recipient')}
            description={t('scope.recipientHelp')}
            noneLabel={t('scope.internalUse')}
            value={values.scope.recipientId || null}
            onChange={(id) => set('scope', { recipientId: id ?? '' }, ['scope.recipientId'])}
            error={errors['scope.recipientId']}
          />
          <TextInput
            type="date"
            label={t('scope.validFrom')}
            description={t('scope.validFromHelp')}
            value={values.validFrom}
            onChange={(e) => set('validFrom', e.currentTarget.value, ['validFrom'])}
            error={errors['validFrom']}
          />
          <TextInput
            type="date"
            label={t('scope.validUntil')}
            description={t('scope.validUntilHelp')}
            value={values.validUntil}
            onChange={(e) => set('validUntil', e.currentTarget.value, ['validUntil'])}
            error={errors['validUntil']}
          />
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
