import {
  Card,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DATA_CATEGORIES } from '@steward/policy-core';
import type { DataCategory } from '@steward/schema';
import { categoryLabel } from '../../components/categories.js';
import { unstatedKeys } from '../vocabulary/purpose-keys.js';
import type { FieldsProps } from './EvidenceFields.js';

/** What the exception permits: purposes, categories, providers, recipient and validity window. */
export function ScopeFields({ values, set, err, purposes, recipients }: FieldsProps) {
  // The scope's purposes: stated ones by checkbox, any other by its key (an exception may name a
  // purpose outside the stated ones); both end up in scope.purposeKeys.
  const otherPurposeKeys = unstatedKeys(values.scope.purposeKeys, purposes);
  const statedPurposeKeys = values.scope.purposeKeys.filter((k) => !otherPurposeKeys.includes(k));

  return (
    <Card withBorder radius="md" padding="md" component="fieldset" aria-label="Scope" m={0}>
      <Text fw={600} mb="xs">
        Scope — what it permits
      </Text>
      <Stack gap="sm">
        <Checkbox.Group
          label="Purposes"
          value={statedPurposeKeys}
          onChange={(v) => set('scope', { purposeKeys: [...v, ...otherPurposeKeys] }, ['scope.purposeKeys'])}
          error={err('scope.purposeKeys')}
        >
          <Group gap="md" mt={6}>
            {purposes.map((p) => (
              <Checkbox key={p.key} value={p.key} label={p.titleEn} />
            ))}
          </Group>
        </Checkbox.Group>
        <TagsInput
          label="Purposes outside the stated ones"
          description="Keys such as TAX_INQUIRY_2026, for a use the law, the providers' agreement or a board approval allows (not for outsourcing). Press Enter after each."
          value={otherPurposeKeys}
          onChange={(keys) =>
            set('scope', { purposeKeys: [...statedPurposeKeys, ...keys.map((k) => k.trim()).filter(Boolean)] }, [
              'scope.purposeKeys',
              'scope.otherPurposeKeys',
            ])
          }
          error={err('scope.otherPurposeKeys')}
          clearable
        />
        <Checkbox.Group
          label="Categories"
          value={values.scope.categories}
          onChange={(v) => set('scope', { categories: v as DataCategory[] }, ['scope.categories'])}
          error={err('scope.categories')}
        >
          <Group gap="md" mt={6}>
            {DATA_CATEGORIES.map((c) => (
              <Checkbox key={c} value={c} label={categoryLabel(c)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Switch
          label="All providers"
          checked={values.scope.allProviders}
          onChange={(e) =>
            set('scope', { allProviders: e.currentTarget.checked }, ['scope.allProviders', 'scope.providerIds'])
          }
          error={err('scope.allProviders')}
        />
        {!values.scope.allProviders && (
          <Textarea
            label="Provider ids"
            description="One per line"
            value={values.scope.providerIds}
            onChange={(e) => set('scope', { providerIds: e.currentTarget.value }, ['scope.providerIds'])}
            error={err('scope.providerIds')}
            autosize
            minRows={2}
          />
        )}
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
          <NativeSelect
            label="Recipient"
            description="Who may receive the data; none means internal use only"
            value={values.scope.recipientId}
            onChange={(e) => set('scope', { recipientId: e.currentTarget.value }, ['scope.recipientId'])}
            data={[
              { value: '', label: 'None (internal use)' },
              ...recipients.map((r) => ({ value: r.id, label: r.name })),
            ]}
            error={err('scope.recipientId')}
          />
          <TextInput
            type="date"
            label="Valid from"
            description="Empty: from now"
            value={values.validFrom}
            onChange={(e) => set('validFrom', e.currentTarget.value, ['validFrom'])}
            error={err('validFrom')}
          />
          <TextInput
            type="date"
            label="Valid until"
            description="Empty: until revoked"
            value={values.validUntil}
            onChange={(e) => set('validUntil', e.currentTarget.value, ['validUntil'])}
            error={err('validUntil')}
          />
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
