import { Card, Grid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { PolicyClause } from '@steward/schema';
import { clauseHeading, type DraftForm } from './policy-draft-form.js';

/** The draft's clauses, Japanese beside English. */
export function SectionsEditor({ form, setForm }: { form: DraftForm; setForm: (f: DraftForm) => void }) {
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
          aria-label={`Edit clause ${clauseHeading(s.clause as PolicyClause)}`}
        >
          <Text fw={600} size="sm" mb="xs">
            {clauseHeading(s.clause as PolicyClause)}
          </Text>
          <Grid>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Stack gap="xs" lang="ja">
                <TextInput
                  label="見出し (ja)"
                  value={s.titleJa}
                  onChange={(e) => setSection(i, { titleJa: e.currentTarget.value })}
                />
                <Textarea
                  label="本文 (ja)"
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
                  label="Title (en)"
                  value={s.titleEn}
                  onChange={(e) => setSection(i, { titleEn: e.currentTarget.value })}
                />
                <Textarea
                  label={`Body (en), clause ${i + 1}`}
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
