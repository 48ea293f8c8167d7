import { Card, Checkbox, Group, Radio, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CategoryBadges } from '../../components/CategoryBadges.js';
import { CONSENT_STATE_LABEL } from '../../components/labels.js';
import { useLocale } from '../../i18n/locale.js';
import { inLanguage } from '../vocabulary/localized-title.js';
import type { CollectionFormState, Purpose } from './use-collection-form.js';

type Props = {
  purposes: readonly Purpose[];
  form: Pick<CollectionFormState, 'values' | 'errors' | 'setPurpose'>;
};

/** The purposes specified to the provider, each with the consent obtained (granted or refused). */
export function PurposesFieldset({ purposes, form: { values, errors, setPurpose } }: Props) {
  const { t } = useTranslation('collection');
  const { language } = useLocale();
  return (
    <Card withBorder radius="md" padding="md" component="fieldset" aria-label={t('purposes.label')} m={0}>
      <Group justify="space-between" mb={4}>
        <Text fw={600}>{t('purposes.title')}</Text>
        <Text size="xs" c="dimmed">
          {t('purposes.hint')}
        </Text>
      </Group>
      {errors['purposes'] && (
        <Text c="red" size="sm" role="alert" mb="xs" id="purposes-error">
          {errors['purposes']}
        </Text>
      )}
      <Stack gap={0}>
        {purposes.map((purpose, index) => {
          const choice = values.purposes[purpose.key] ?? { selected: false, granted: null };
          const title = inLanguage(language, purpose.titleEn, purpose.titleJa);
          return (
            <Group
              key={purpose.key}
              justify="space-between"
              align="flex-start"
              // On a phone the consent choice wraps under the purpose instead of pushing the card wider.
              wrap="wrap"
              py={8}
              style={{ rowGap: 4, ...(index > 0 ? { borderTop: '1px solid var(--mantine-color-gray-2)' } : {}) }}
            >
              <Stack gap={4} style={{ flex: '1 1 220px', minWidth: 0 }}>
                <Checkbox
                  label={title.shown}
                  description={title.other}
                  checked={choice.selected}
                  onChange={(e) => setPurpose(purpose.key, { selected: e.currentTarget.checked })}
                />
                <div style={{ paddingInlineStart: 32 }}>
                  <CategoryBadges categories={purpose.categories} />
                </div>
              </Stack>
              <Radio.Group
                name={`consent-${purpose.key}`}
                label={<VisuallyHidden>{t('purposes.consentTo', { purpose: title.shown })}</VisuallyHidden>}
                value={choice.granted === null ? null : choice.granted ? 'granted' : 'refused'}
                onChange={(v) => setPurpose(purpose.key, { granted: v === 'granted' })}
                error={errors[`purpose:${purpose.key}`]}
                w={220}
                pl={{ base: 32, xs: 0 }}
              >
                <Group gap="md" mt={2}>
                  <Radio value="granted" label={CONSENT_STATE_LABEL.GRANTED} disabled={!choice.selected} color="teal" />
                  <Radio value="refused" label={CONSENT_STATE_LABEL.REFUSED} disabled={!choice.selected} color="red" />
                </Group>
              </Radio.Group>
            </Group>
          );
        })}
      </Stack>
    </Card>
  );
}
