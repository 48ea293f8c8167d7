import {
  Alert,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Modal,
  MultiSelect,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { DATA_CATEGORIES } from '@steward/policy-core';
import type { DataCategory, PolicyClause, PolicyVersionFullFragment } from '@steward/schema';
import { useState } from 'react';
import { Link } from 'react-router';
import { categoryLabel } from '../../components/categories.js';
import { ConflictAlert } from '../../components/ConflictAlert.js';
import { ErrorAlert, MessagesAlert } from '../../components/ErrorAlert.js';
import { fieldErrorsFromGraphQLError, type ErrorLike } from '../../components/errors.js';
import { formatDateTime } from '../../components/format.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCanWrite } from '../session/session-context.js';
import { ImpactSummary, PolicyDiffPanel, PolicyImpactPanel, PurposeChangeList } from './PolicyChangeViews.js';
import { clauseHeading, draftIssues, isDirty, toDraftForm, type DraftForm } from './policy-draft-form.js';
import { usePolicyDraftMutations, usePolicyEditor, usePolicyImpact } from './use-policy-editor.js';

const CATEGORY_OPTIONS = DATA_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) }));

function messagesOf(error: ErrorLike | undefined): string[] {
  if (!error) return [];
  const summary = fieldErrorsFromGraphQLError(error);
  return [...summary.messages, ...Object.entries(summary.fieldErrors).map(([f, m]) => `${f}: ${m}`)];
}

/** The typed confirmation of clause 7's "effective immediately": the impact, then the version number. */
function PublishDialog({
  draft,
  onClose,
  onPublished,
}: {
  draft: PolicyVersionFullFragment;
  onClose: () => void;
  onPublished: () => void;
}) {
  const { impact, error: impactError } = usePolicyImpact(draft.id, false);
  const { publish, fetching } = usePolicyDraftMutations();
  const [typed, setTyped] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  async function confirm() {
    const res = await publish(draft.id, draft.version, Number(typed));
    if (res.error) setErrors(messagesOf(res.error));
    else onPublished();
  }
  return (
    <Modal opened onClose={onClose} title={`Publish version ${draft.number}`} size="lg">
      <Stack gap="sm">
        <Text size="sm">
          Publishing takes effect immediately and without prior notice: from now on every collection, consent, decision
          and ledger entry carries version {draft.number}, and it governs all information already collected (clause 7).
          A published version can never be changed.
        </Text>
        {draft.changeSummary && (
          <Text size="sm">
            <Text span fw={600}>
              Change summary:{' '}
            </Text>
            {draft.changeSummary}
          </Text>
        )}
        <ErrorAlert error={impactError} />
        {impact ? (
          <>
            <PurposeChangeList changes={impact.purposeChanges} />
            <ImpactSummary impact={impact} />
          </>
        ) : (
          <Loading label="Computing the re-consent impact" />
        )}
        <TextInput
          label={`Type ${draft.number} to confirm`}
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
          inputMode="numeric"
          data-autofocus
        />
        <MessagesAlert title="Not published" messages={errors} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            color="red"
            disabled={typed !== String(draft.number)}
            loading={fetching}
            onClick={() => void confirm()}
          >
            Publish version {draft.number}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function SectionsEditor({ form, setForm }: { form: DraftForm; setForm: (f: DraftForm) => void }) {
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

function PurposesEditor({
  form,
  setForm,
  existing,
}: {
  form: DraftForm;
  setForm: (f: DraftForm) => void;
  existing: ReadonlySet<string>;
}) {
  const setPurpose = (i: number, patch: Partial<DraftForm['purposes'][number]>) =>
    setForm({ ...form, purposes: form.purposes.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Purposes of the version in force cannot be removed: retire them. Adding a purpose, or a category to one, means
        asking providers for consent again — see the impact.
      </Text>
      <Table aria-label="Purposes of use">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Key</Table.Th>
            <Table.Th>Title (ja / en)</Table.Th>
            <Table.Th>Description</Table.Th>
            <Table.Th>Categories</Table.Th>
            <Table.Th>Retired</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {form.purposes.map((p, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                {existing.has(p.key) ? (
                  <Text size="sm">{p.key}</Text>
                ) : (
                  <TextInput
                    aria-label={`Key of purpose ${i + 1}`}
                    value={p.key}
                    onChange={(e) => setPurpose(i, { key: e.currentTarget.value.toUpperCase() })}
                  />
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  <TextInput
                    aria-label={`Japanese title of ${p.key || `purpose ${i + 1}`}`}
                    lang="ja"
                    value={p.titleJa}
                    onChange={(e) => setPurpose(i, { titleJa: e.currentTarget.value })}
                  />
                  <TextInput
                    aria-label={`English title of ${p.key || `purpose ${i + 1}`}`}
                    value={p.titleEn}
                    onChange={(e) => setPurpose(i, { titleEn: e.currentTarget.value })}
                  />
                </Stack>
              </Table.Td>
              <Table.Td>
                <Textarea
                  aria-label={`Description of ${p.key || `purpose ${i + 1}`}`}
                  autosize
                  minRows={2}
                  value={p.description}
                  onChange={(e) => setPurpose(i, { description: e.currentTarget.value })}
                />
              </Table.Td>
              <Table.Td miw={220}>
                <MultiSelect
                  aria-label={`Categories of ${p.key || `purpose ${i + 1}`}`}
                  data={CATEGORY_OPTIONS}
                  value={p.categories}
                  onChange={(v) => setPurpose(i, { categories: v as DataCategory[] })}
                />
              </Table.Td>
              <Table.Td>
                <Switch
                  aria-label={`Retire ${p.key || `purpose ${i + 1}`}`}
                  checked={p.retired}
                  onChange={(e) => setPurpose(i, { retired: e.currentTarget.checked })}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button
          variant="default"
          size="xs"
          onClick={() =>
            setForm({
              ...form,
              purposes: [
                ...form.purposes,
                { key: '', titleJa: '', titleEn: '', description: '', categories: [], retired: false },
              ],
            })
          }
        >
          Add a purpose
        </Button>
      </Group>
    </Stack>
  );
}

function DraftEditor({
  draft,
  current,
  onChanged,
}: {
  draft: PolicyVersionFullFragment;
  current: PolicyVersionFullFragment;
  onChanged: () => void;
}) {
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
      <Textarea
        label="Change summary (posted in the change log)"
        autosize
        minRows={2}
        value={form.changeSummary}
        onChange={(e) => setForm({ ...form, changeSummary: e.currentTarget.value })}
        readOnly={!canWrite}
      />
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

/** Drafting, comparing and publishing the next policy version (clauses 5 and 7). */
export function PolicyEditorPage() {
  const { current, draft, fetching, error, refetch } = usePolicyEditor();
  const { createDraft, fetching: creating } = usePolicyDraftMutations();
  const canWrite = useCanWrite();
  const [createError, setCreateError] = useState<ErrorLike | undefined>();

  if (!current)
    return fetching ? <Loading label="Loading the policy" /> : <ErrorAlert error={error} onRetry={refetch} />;

  return (
    <>
      <PageHeader
        title="Policy editor"
        badges={
          <>
            <Badge variant="light" color="teal">
              In force: version {current.number}
            </Badge>
            {draft && <Badge variant="light">Draft: version {draft.number}</Badge>}
          </>
        }
        description={`Version ${current.number} published ${formatDateTime(current.publishedAt)}. A new version takes effect as soon as it is published.`}
        actions={
          <Button component={Link} to="/privacy" variant="default" size="xs" target="_blank">
            Public page
          </Button>
        }
      />
      <ErrorAlert error={error ?? createError} onRetry={refetch} />
      {draft ? (
        <DraftEditor key={draft.id} draft={draft} current={current} onChanged={refetch} />
      ) : (
        <>
          <Card withBorder padding="md">
            <Text size="sm" mb="sm">
              There is no draft. A draft starts as a copy of version {current.number}: edit its clauses (Japanese and
              English), its purposes of use and the change summary, check the changes and who must be asked for consent
              again, then publish.
            </Text>
            {canWrite && (
              <Button
                loading={creating}
                onClick={() =>
                  void createDraft().then((res) => {
                    setCreateError(res.error);
                    refetch();
                  })
                }
              >
                Start version {current.number + 1}
              </Button>
            )}
          </Card>
          {current.number > 1 && (
            <Card
              withBorder
              padding="md"
              mt="md"
              component="section"
              aria-label={`Still to ask for version ${current.number}`}
            >
              <Text fw={600} mb="xs">
                Still to ask for version {current.number}
              </Text>
              <PolicyImpactPanel versionId={current.id} />
            </Card>
          )}
        </>
      )}
    </>
  );
}
