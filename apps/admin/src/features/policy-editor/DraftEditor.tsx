import { Alert, Button, Group, SimpleGrid, Stack, Tabs, Text, Textarea } from '@mantine/core';
import type { PolicyVersionFullFragment } from '@steward/schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictAlert } from '../../components/ConflictAlert.js';
import { MessagesAlert } from '../../components/ErrorAlert.js';
import { fieldErrorsFromGraphQLError } from '../../components/errors.js';
import { ContactDriftList } from '../organisation-settings/ContactDriftAlert.js';
import { useCanWrite } from '../session/session-context.js';
import { PolicyDiffPanel, PolicyImpactPanel } from './PolicyChangeViews.js';
import { PublishDialog } from './PublishDialog.js';
import { PurposesEditor } from './PurposesEditor.js';
import { SectionsEditor } from './SectionsEditor.js';
import { draftIssues, isDirty, messagesOf, toDraftForm, type DraftForm } from './policy-draft-form.js';
import { usePolicyDraftMutations } from './use-policy-editor.js';

/** The open draft: its text, purposes, changes and impact in tabs; save, discard, publish. */
export function DraftEditor({
  draft,
  current,
  onChanged,
}: {
  draft: PolicyVersionFullFragment;
  current: PolicyVersionFullFragment;
  onChanged: () => void;
}) {
  const { t } = useTranslation('policy-editor');
  const canWrite = useCanWrite();
  const [form, setForm] = useState<DraftForm>(() => toDraftForm(draft));
  const [tab, setTab] = useState<string | null>('text');
  const [errors, setErrors] = useState<string[]>([]);
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const { saveDraft, discardDraft, fetching } = usePolicyDraftMutations();
  const currentKeys = new Set((current.purposes ?? []).map((p) => p.key));
  const dirty = isDirty(form, draft);
  // A newer saved draft (ours or someone else's after a reload) replaces the form; the tab stays.
  const [seenVersion, setSeenVersion] = useState(draft.version);
  if (draft.version !== seenVersion) {
    setSeenVersion(draft.version);
    setForm(toDraftForm(draft));
  }

  async function save() {
    setSaved(false);
    const local = draftIssues(form, [...currentKeys]);
    if (local.length) {
      setErrors(local.map((i) => t('draft.issue', { field: i.field, message: i.message })));
      return;
    }
    const res = await saveDraft({ id: draft.id, expectedVersion: draft.version, ...form });
    if (res.error) {
      const summary = fieldErrorsFromGraphQLError(res.error);
      setConflict(summary.conflict !== null);
      setErrors(summary.conflict ? [] : messagesOf(res.error));
      return;
    }
    setErrors([]);
    setSaved(true);
    onChanged();
  }

  async function discard() {
    const res = await discardDraft(draft.id, draft.version);
    if (res.error) setErrors(messagesOf(res.error));
    else onChanged();
  }

  return (
    <Stack gap="md">
      {conflict && <ConflictAlert what={t('draft.conflictWhat')} onReload={onChanged} />}
      <MessagesAlert title={t('draft.notSaved')} messages={errors} />
      {saved && !dirty && (
        <Alert color="teal" variant="light" title={t('draft.saved')} role="status">
          {t('draft.savedHint')}
        </Alert>
      )}
      {draft.contactDrift.length > 0 && (
        <Alert color="orange" variant="light" title={t('contact:drift.publishTitle')} role="alert">
          <ContactDriftList drift={draft.contactDrift} />
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Textarea
          label={t('contact:changeSummary', { language: t('contact:inJapanese') })}
          lang="ja"
          autosize
          minRows={2}
          value={form.changeSummaryJa}
          onChange={(e) => setForm({ ...form, changeSummaryJa: e.currentTarget.value })}
          readOnly={!canWrite}
        />
        <Textarea
          label={t('contact:changeSummary', { language: t('contact:inEnglish') })}
          autosize
          minRows={2}
          value={form.changeSummaryEn}
          onChange={(e) => setForm({ ...form, changeSummaryEn: e.currentTarget.value })}
          readOnly={!canWrite}
        />
      </SimpleGrid>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="text">{t('draft.tabs.text')}</Tabs.Tab>
          <Tabs.Tab value="purposes">{t('draft.tabs.purposes')}</Tabs.Tab>
          <Tabs.Tab value="diff">{t('draft.tabs.diff')}</Tabs.Tab>
          <Tabs.Tab value="impact">{t('draft.tabs.impact')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="text" pt="md">
          <SectionsEditor form={form} setForm={setForm} />
        </Tabs.Panel>
        <Tabs.Panel value="purposes" pt="md">
          <PurposesEditor form={form} setForm={setForm} existing={currentKeys} />
        </Tabs.Panel>
        <Tabs.Panel value="diff" pt="md">
          {dirty && (
            <Text size="sm" c="orange" mb="xs">
              {t('draft.saveFirst')}
            </Text>
          )}
          <PolicyDiffPanel key={draft.version} versionId={draft.id} purposes={draft.purposes} />
        </Tabs.Panel>
        <Tabs.Panel value="impact" pt="md">
          {dirty && (
            <Text size="sm" c="orange" mb="xs">
              {t('draft.saveFirst')}
            </Text>
          )}
          <PolicyImpactPanel key={draft.version} versionId={draft.id} purposes={draft.purposes} />
        </Tabs.Panel>
      </Tabs>
      {canWrite && (
        <Group justify="space-between">
          {confirmDiscard ? (
            <Group gap="xs">
              <Text size="sm">{t('draft.discardQuestion', { number: draft.number })}</Text>
              <Button size="xs" variant="default" onClick={() => setConfirmDiscard(false)}>
                {t('draft.keep')}
              </Button>
              <Button size="xs" color="red" onClick={() => void discard()} loading={fetching}>
                {t('draft.discard')}
              </Button>
            </Group>
          ) : (
            <Button variant="subtle" color="red" onClick={() => setConfirmDiscard(true)} disabled={fetching}>
              {t('draft.discardDraft')}
            </Button>
          )}
          <Group gap="xs">
            <Button variant="default" onClick={() => void save()} loading={fetching} disabled={!dirty}>
              {t('draft.save')}
            </Button>
            <Button color="red" onClick={() => setPublishing(true)} disabled={dirty}>
              {t('draft.publish')}
            </Button>
          </Group>
        </Group>
      )}
      {publishing && (
        <PublishDialog
          draft={draft}
          onClose={() => setPublishing(false)}
          onPublished={() => {
            setPublishing(false);
            onChanged();
          }}
        />
      )}
    </Stack>
  );
}
