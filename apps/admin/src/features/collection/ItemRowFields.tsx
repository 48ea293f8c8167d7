import { Checkbox, CloseButton, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { DATA_CATEGORY_INFO, FIELD_LIMITS } from '@steward/policy-core';
import type { DataCategory } from '@steward/schema';
import { useTranslation } from 'react-i18next';
import { categoryLabel } from '../../components/categories.js';
import type { FieldErrors } from '../../components/errors.js';
import { isMultilineCategory, type ItemRow } from './collection-form.js';

type ItemRowProps = {
  row: ItemRow;
  index: number;
  offered: readonly DataCategory[];
  errors: FieldErrors;
  valueError: string | undefined;
  onChange: (patch: Partial<ItemRow>) => void;
  onBlurValue: () => void;
  onRemove: () => void;
};

const VALUE_PLACEHOLDER: Partial<Record<DataCategory, string>> = {
  EMAIL: 'name@example.jp',
  TELEPHONE: '+81-3-5226-5191',
  FAX: '+81-3-5226-5192',
  POSTAL_CODE: '102-0073',
};

/** One data item: its category, value and whether the provider already made it public. */
export function ItemRowFields({
  row,
  index,
  offered,
  errors,
  valueError,
  onChange,
  onBlurValue,
  onRemove,
}: ItemRowProps) {
  const { t } = useTranslation('collection');
  const n = index + 1;
  const at = `items[${index}]`;
  const categories: { value: string; label: string; disabled?: boolean }[] = [
    { value: '', label: t('items.categoryPlaceholder'), disabled: true },
    ...offered.map((c) => ({ value: c, label: categoryLabel(c) })),
  ];
  if (row.category && !offered.includes(row.category)) {
    categories.push({ value: row.category, label: t('items.notNeeded', { category: categoryLabel(row.category) }) });
  }
  const multiline = isMultilineCategory(row.category);
  const valueProps = {
    'aria-label': t('items.value', { n }),
    placeholder: row.category
      ? (VALUE_PLACEHOLDER[row.category] ?? categoryLabel(row.category))
      : t('items.valuePlaceholder'),
    value: row.value,
    maxLength: row.category ? DATA_CATEGORY_INFO[row.category].maxLength : undefined,
    onBlur: onBlurValue,
    error: valueError,
  };
  return (
    // Wraps on a phone: the category and the value each take a line, the public switch and remove below.
    <Group align="flex-start" gap="xs" wrap="wrap" role="group" aria-label={t('items.item', { n })}>
      <NativeSelect
        aria-label={t('items.category', { n })}
        value={row.category}
        onChange={(e) => onChange({ category: e.currentTarget.value as DataCategory | '' })}
        data={categories}
        error={errors[`${at}.category`]}
        w={{ base: '100%', xs: 200 }}
      />
      <div style={{ flex: '1 1 180px', minWidth: 0 }}>
        {multiline ? (
          <Textarea {...valueProps} autosize minRows={2} onChange={(e) => onChange({ value: e.currentTarget.value })} />
        ) : (
          <TextInput {...valueProps} onChange={(e) => onChange({ value: e.currentTarget.value })} />
        )}
      </div>
      <Stack gap={4} w={row.publiclyAvailable ? 260 : 120} pt={8}>
        <Checkbox
          label={t('items.public')}
          aria-label={t('items.publiclyAvailable', { n })}
          checked={row.publiclyAvailable}
          onChange={(e) => onChange({ publiclyAvailable: e.currentTarget.checked })}
          error={errors[`${at}.publiclyAvailable`]}
          size="xs"
        />
        {row.publiclyAvailable && (
          <TextInput
            aria-label={t('items.provenance', { n })}
            placeholder={t('items.provenancePlaceholder')}
            size="xs"
            value={row.publicProvenance}
            maxLength={FIELD_LIMITS.provenance}
            onChange={(e) => onChange({ publicProvenance: e.currentTarget.value })}
            error={errors[`${at}.publicProvenance`]}
          />
        )}
      </Stack>
      <CloseButton aria-label={t('items.remove', { n })} onClick={onRemove} mt={6} />
    </Group>
  );
}
