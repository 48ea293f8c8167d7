import { Card, Grid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { PolicyClause } from '@steward/schema';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/locale.js';
import { clauseHeading, type DraftForm } from './policy-draft-form.js';

/** The draft's clauses, Japanese beside English. */
export function SectionsEditor({ form, setForm }: { form: DraftForm; setForm: (f: DraftForm) => void }) {
  const { t } = useTranslation('policy-editor');
  const { language } = useLocale();
  const setSection = (i: number, patch: Partial<DraftForm['sections'][number]>) =>
    setForm({ ...form, sections: form.sections.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  return (
    <Stack gap="md">
      {form.sections.map((s, i) => (
        <Card
          key={s.clause}
          withBorder
          padding="sm"
          component="section"
          aria-label={t('sections.edit', { clause: clauseHeading(t, s.clause as PolicyClause, language) })}
        >
          <Text fw={600} size="sm" mb="xs">
            {clauseHeading(t, s.clause as PolicyClause, language)}
          </Text>
          <Grid>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Stack gap="xs" lang="ja">
                <TextInput
                  label={t('sections.titleJa')}
                  value={s.titleJa}
                  onChange={(e) => setSection(i, { titleJa: e.currentTarget.value })}
                />
                <Textarea
                  label={t('sections.bodyJa')}
                  autosize
                  minRows={3}
                  value={s.bodyJa}
                  onChange={(e) => setSection(i, { bodyJa: e.currentTarget.value })}
                />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Stack gap="xs" lang="en">
                <TextInput
                  label={t('sections.titleEn')}
                  value={s.titleEn}
                  onChange={(e) => setSection(i, { titleEn: e.currentTarget.value })}
                />
                <Textarea
                  label={t('sections.bodyEn', { number: i + 1 })}
                  autosize
                  minRows={3}
                  value={s.bodyEn}
                  onChange={(e) => setSection(i, { bodyEn: e.currentTarget.value })}
                />
              </Stack>
            </Grid.Col>
          </Grid>
        </Card>
      ))}
    </Stack>
  );
}
