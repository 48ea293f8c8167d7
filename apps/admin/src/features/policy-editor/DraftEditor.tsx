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
  const { t } = useTranslation('contact');
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
      setErrors(local.map((i) => `${i.field}: ${i.message}`));
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
      {conflict && <ConflictAlert what="this draft" onReload={onChanged} />}
      <MessagesAlert title="The draft was not saved" messages={errors} />
      {saved && !dirty && (
        <Alert color="teal" variant="light" title="Draft saved" role="status">
          Check the changes and the re-consent impact, then publish.
        </Alert>
      )}
      {draft.contactDrift.length > 0 && (
        <Alert color="orange" variant="light" title={t('drift.publishTitle')} role="alert">
          <ContactDriftList drift={draft.contactDrift} />
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Textarea
          label={t('changeSummary', { language: t('inJapanese') })}
          lang="ja"
          autosize
          minRows={2}
          value={form.changeSummaryJa}
          onChange={(e) => setForm({ ...form, changeSummaryJa: e.currentTarget.value })}
          readOnly={!canWrite}
        />
        <Textarea
          label={t('changeSummary', { language: t('inEnglish') })}
          autosize
          minRows={2}
          value={form.changeSummaryEn}
          onChange={(e) => setForm({ ...form, changeSummaryEn: e.currentTarget.value })}
          readOnly={!canWrite}
        />
      </SimpleGrid>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="text">Clauses</Tabs.Tab>
          <Tabs.Tab value="purposes">Purposes of use</Tabs.Tab>
          <Tabs.Tab value="diff">Changes</Tabs.Tab>
          <Tabs.Tab value="impact">Re-consent impact</Tabs.Tab>
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
              Save the draft to see your latest edits here.
            </Text>
          )}
          <PolicyDiffPanel key={draft.version} versionId={draft.id} />
        </Tabs.Panel>
        <Tabs.Panel value="impact" pt="md">
          {dirty && (
            <Text size="sm" c="orange" mb="xs">
              Save the draft to see your latest edits here.
            </Text>
          )}
          <PolicyImpactPanel key={draft.version} versionId={draft.id} />
        </Tabs.Panel>
      </Tabs>
      {canWrite && (
        <Group justify="space-between">
          {confirmDiscard ? (
            <Group gap="xs">
              <Text size="sm">Discard version {draft.number} and its edits?</Text>
              <Button size="xs" variant="default" onClick={() => setConfirmDiscard(false)}>
                Keep it
              </Button>
              <Button size="xs" color="red" onClick={() => void discard()} loading={fetching}>
                Discard
              </Button>
            </Group>
          ) : (
            <Button variant="subtle" color="red" onClick={() => setConfirmDiscard(true)} disabled={fetching}>
              Discard draft
            </Button>
          )}
          <Group gap="xs">
            <Button variant="default" onClick={() => void save()} loading={fetching} disabled={!dirty}>
              Save draft
            </Button>
            <Button color="red" onClick={() => setPublishing(true)} disabled={dirty}>
              Publish…
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
