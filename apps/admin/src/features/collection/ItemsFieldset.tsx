import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { categoryLabel } from '../../components/categories.js';
import { ItemRowFields } from './ItemRowFields.js';
import type { CollectionFormState } from './use-collection-form.js';

type Props = {
  form: Pick<
    CollectionFormState,
    'values' | 'errors' | 'offered' | 'itemValueError' | 'setItem' | 'touchItem' | 'addItem' | 'removeItem'
  >;
};

/** The personal data given, limited to the categories the chosen purposes need. */
export function ItemsFieldset({ form }: Props) {
  const { t } = useTranslation('collection');
  const { values, errors, offered } = form;
  return (
    <Card withBorder radius="md" padding="md" component="fieldset" aria-label={t('items.title')} m={0}>
      <Group justify="space-between" mb={4}>
        <Text fw={600}>{t('items.title')}</Text>
        <Text size="xs" c="dimmed">
          {offered.length > 0
            ? t('items.needs', { categories: offered.map(categoryLabel).join(t('separator')) })
            : t('items.chooseFirst')}
        </Text>
      </Group>
      {errors['items'] && (
        <Text c="red" size="sm" role="alert" mb="xs">
          {errors['items']}
        </Text>
      )}
      <Stack gap="xs">
        {values.items.map((row, index) => (
          <ItemRowFields
            key={row.id}
            row={row}
            index={index}
            offered={offered}
            errors={errors}
            valueError={form.itemValueError(row, index)}
            onChange={(patch) => form.setItem(index, patch)}
            onBlurValue={() => form.touchItem(row.id)}
            onRemove={() => form.removeItem(index)}
          />
        ))}
      </Stack>
      <Group mt="sm">
        <Button variant="light" size="xs" onClick={form.addItem} disabled={offered.length === 0}>
          {t('items.add')}
        </Button>
      </Group>
    </Card>
  );
}
