import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  Grid,
  Group,
  NativeSelect,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import {
  COOKIE_CATEGORIES,
  COOKIE_STORAGE_KINDS,
  type CookieCategory,
  type CookieStorageKind,
} from '@steward/policy-core';
import type { CookieDeclarationFieldsFragment } from '@steward/schema';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { CopyValueButton } from '../../components/CopyValue.js';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { ErrorAlert, MessagesAlert } from '../../components/ErrorAlert.js';
import { fieldErrorsFromGraphQLError, messagesOutside, type FieldErrors } from '../../components/errors.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCanWrite } from '../session/session-context.js';
import {
  EMPTY_DECLARATION,
  bannerSnippet,
  categoryLabel,
  declarationToForm,
  formatDuration,
  formToDeclarationInput,
  inLanguage,
  siteToForm,
  type DeclarationForm,
} from './cookie-forms.js';
import { ConsentChart } from './ConsentChart.js';
import { SiteFormCard } from './SiteForm.js';
import { useCookieDeclarations, useCookieSite, useCookieStats, useSaveCookieSite } from './use-cookies.js';

export function CookieSitePage({ siteId }: { siteId: string }) {
  const { site, loaded, fetching, error, refetch } = useCookieSite(siteId);
  const canWrite = useCanWrite();
  const { updateSite, fetching: saving } = useSaveCookieSite();
  const [locale, setLocale] = useState<'ja' | 'en'>('ja');
  if (!loaded && fetching) return <Loading label="Loading site" />;
  if (!site) {
    return (
      <>
        <ErrorAlert error={error} onRetry={refetch} />
        {!error && <Text>No such site.</Text>}
        <Anchor component={Link} to="/cookies">
          Back to cookie consent
        </Anchor>
      </>
    );
  }
  const snippet = bannerSnippet(window.location.origin, site.siteKey, locale);
  return (
    <>
      <PageHeader
        title={site.name}
        description={
          <>
            Site key <Code>{site.siteKey}</Code> · consent kept {site.consentLifetimeDays} days · GPC{' '}
            {site.honoursGpc ? 'honoured' : 'ignored'}
          </>
        }
        actions={
          <>
            <SegmentedControl
              size="xs"
              value={locale}
              onChange={(v) => setLocale(v as 'ja' | 'en')}
              data={[
                { value: 'ja', label: '日本語' },
                { value: 'en', label: 'English' },
              ]}
              aria-label="Language of the banner and the declarations"
            />
            <Anchor component={Link} to="/cookies" size="sm">
              All sites
            </Anchor>
          </>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <Card withBorder radius="md" padding="md">
              <Title order={3} fz="h5" mb="xs">
                Snippet to paste into every page ({locale === 'ja' ? 'Japanese' : 'English'} banner)
              </Title>
              <Code block aria-label="Banner snippet">
                {snippet}
              </Code>
              <CopyValueButton value={snippet} label="Copy snippet" size="xs" mt="xs" variant="default" />
            </Card>
            <StatsCard siteId={site.id} />
            <DeclarationsCard
              siteId={site.id}
              declarations={site.declarations}
              language={locale}
              canWrite={canWrite}
              onChanged={refetch}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Card withBorder radius="md" padding="md">
            <Text fw={600} mb="sm">
              Site settings
            </Text>
            {canWrite ? (
              <SiteFormCard
                key={site.id}
                label="Edit site"
                initial={siteToForm(site)}
                submitLabel="Save site"
                fetching={saving}
                save={async (input) => {
                  const res = await updateSite(site.id, input);
                  return res.error;
                }}
              />
            ) : (
              <Stack gap={4}>
                <Text size="sm">Domains: {site.domains.join(', ')}</Text>
                <Text size="sm">Allowed origins: {site.allowedOrigins.join(', ')}</Text>
                <Text size="sm">{site.bannerTitle.en}</Text>
                <Text size="sm" lang="ja">
                  {site.bannerTitle.ja}
                </Text>
              </Stack>
            )}
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}

function StatsCard({ siteId }: { siteId: string }) {
  const [days, setDays] = useState(30);
  const { stats, error, refetch } = useCookieStats(siteId, days);
  return (
    <Card withBorder radius="md" padding="md">
      <Group justify="space-between" mb={4}>
        <Title order={3} fz="h5">
          Visitors per day (UTC)
        </Title>
        <SegmentedControl
          size="xs"
          value={String(days)}
          onChange={(v) => setDays(Number(v))}
          data={['7', '30', '90', '365']}
          aria-label="Period in days"
        />
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        Each visitor is counted once a day, by their last choice or withdrawal that day; the lines show how many of them
        accepted each category.
      </Text>
      <ErrorAlert error={error} onRetry={refetch} />
      {stats ? (
        <ConsentChart from={stats.from} to={stats.to} days={stats.days} />
      ) : (
        <Loading label="Loading statistics" />
      )}
    </Card>
  );
}

const STORAGE_LABEL: Record<CookieStorageKind, string> = {
  COOKIE: 'Cookie',
  LOCAL_STORAGE: 'Local storage',
  SESSION_STORAGE: 'Session storage',
  INDEXED_DB: 'IndexedDB',
  PIXEL: 'Pixel',
};

type Declaration = CookieDeclarationFieldsFragment;

function declarationColumns(
  language: 'ja' | 'en',
  actions: { onEdit: (d: Declaration) => void; onDelete: (d: Declaration) => Promise<void> } | null,
): DataColumn<Declaration>[] {
  const columns: DataColumn<Declaration>[] = [
    {
      id: 'name',
      header: 'Name',
      value: (d) => d.name,
      cell: (d) => (
        <>
          <Code>{d.name}</Code>
          <Text size="xs" c="dimmed">
            {STORAGE_LABEL[d.storageKind]}
          </Text>
        </>
      ),
    },
    {
      id: 'category',
      header: 'Category',
      value: (d) => categoryLabel(d.category),
      cell: (d) => (
        <Badge size="sm" variant="light" color={d.category === 'STRICTLY_NECESSARY' ? 'blue' : 'gray'}>
          {categoryLabel(d.category)}
        </Badge>
      ),
    },
    {
      id: 'vendor',
      header: 'Vendor and domain',
      value: (d) => d.vendor,
      cell: (d) => (
        <>
          {d.vendor}
          <Text size="xs" c="dimmed">
            {d.domain}
          </Text>
        </>
      ),
    },
    {
      id: 'kept',
      header: 'Kept',
      value: (d) => d.durationDays,
      cell: (d) => formatDuration(d.durationDays),
      nowrap: true,
    },
    {
      id: 'purpose',
      header: `Purpose (${language === 'ja' ? 'Japanese' : 'English'})`,
      value: (d) => inLanguage(d.purpose, language).text,
      cell: (d) => {
        const purpose = inLanguage(d.purpose, language);
        return <span lang={purpose.lang}>{purpose.text}</span>;
      },
    },
  ];
  if (!actions) return columns;
  return [
    ...columns,
    {
      id: 'actions',
      header: '',
      headerLabel: 'Actions',
      cell: (d) => (
        <Group gap={4} wrap="nowrap">
          <Button size="compact-xs" variant="default" aria-label={`Edit ${d.name}`} onClick={() => actions.onEdit(d)}>
            Edit
          </Button>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`Delete ${d.name}`}
            onClick={() => void actions.onDelete(d)}
          >
            ×
          </ActionIcon>
        </Group>
      ),
    },
  ];
}

function DeclarationsCard({
  siteId,
  declarations,
  language,
  canWrite,
  onChanged,
}: {
  siteId: string;
  declarations: readonly CookieDeclarationFieldsFragment[];
  language: 'ja' | 'en';
  canWrite: boolean;
  onChanged: () => void;
}) {
  const { deleteDeclaration } = useCookieDeclarations();
  const [editing, setEditing] = useState<CookieDeclarationFieldsFragment | null>(null);

  async function remove(d: CookieDeclarationFieldsFragment) {
    await deleteDeclaration(d.id);
    if (editing?.id === d.id) setEditing(null);
    onChanged();
  }

  return (
    <Card withBorder radius="md" padding="md">
      <Title order={3} fz="h5" mb="xs">
        Cookie declarations
      </Title>
      <DataTable
        label="Cookie declarations"
        columns={declarationColumns(language, canWrite ? { onEdit: setEditing, onDelete: remove } : null)}
        rows={declarations}
        rowProps={(d) => (editing?.id === d.id ? { 'aria-current': 'true' } : {})}
        empty="No cookies declared yet."
        withCard={false}
        minWidth={640}
      />
      {canWrite &&
        (editing ? (
          <DeclarationFormCard
            key={editing.id}
            siteId={siteId}
            editing={editing}
            onSaved={() => {
              setEditing(null);
              onChanged();
            }}
            onCancel={() => setEditing(null)}
          />
        ) : (
          <DeclarationFormCard key="new" siteId={siteId} editing={null} onSaved={onChanged} />
        ))}
    </Card>
  );
}

/** Adds a declaration, or edits `editing` (the same fields; a declaration stays with its site). */
function DeclarationFormCard({
  siteId,
  editing,
  onSaved,
  onCancel,
}: {
  siteId: string;
  editing: CookieDeclarationFieldsFragment | null;
  onSaved: () => void;
  onCancel?: () => void;
}) {
  const { createDeclaration, updateDeclaration, fetching } = useCookieDeclarations();
  const initial = editing ? declarationToForm(editing) : EMPTY_DECLARATION;
  const [form, setForm] = useState<DeclarationForm>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [messages, setMessages] = useState<string[]>([]);
  const set = <K extends keyof DeclarationForm>(k: K, v: DeclarationForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const label = editing ? `Edit declaration ${editing.name}` : 'Add declaration';
  const nameInput = useRef<HTMLInputElement>(null);
  // Opening the editor takes the keyboard there.
  useEffect(() => {
    if (editing) nameInput.current?.focus();
  }, [editing]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = formToDeclarationInput(siteId, form);
    const res = editing ? await updateDeclaration(editing.id, input) : await createDeclaration(input);
    const saved =
      res.data &&
      ('updateCookieDeclaration' in res.data ? res.data.updateCookieDeclaration : res.data.createCookieDeclaration);
    if (saved) {
      setForm(EMPTY_DECLARATION);
      setErrors({});
      setMessages([]);
      onSaved();
      return;
    }
    const summary = fieldErrorsFromGraphQLError(res.error);
    setErrors(summary.fieldErrors);
    setMessages(
      messagesOutside(summary, (f) =>
        ['name', 'domain', 'vendor', 'purpose.en', 'purpose.ja', 'durationDays'].includes(f),
      ),
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={label}>
      <Stack gap="xs" mt="md">
        <Text fw={600} size="sm">
          {editing ? (
            <>
              Edit <Code>{editing.name}</Code>
            </>
          ) : (
            'Declare a cookie'
          )}
        </Text>
        <MessagesAlert
          title={editing ? 'The declaration was not saved' : 'The declaration was not added'}
          messages={messages}
        />
        <Group grow align="flex-start">
          <TextInput
            ref={nameInput}
            label="Name"
            value={form.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={errors['name']}
          />
          <TextInput
            label="Domain"
            value={form.domain}
            onChange={(e) => set('domain', e.currentTarget.value)}
            error={errors['domain']}
          />
          <TextInput
            label="Vendor"
            value={form.vendor}
            onChange={(e) => set('vendor', e.currentTarget.value)}
            error={errors['vendor']}
          />
        </Group>
        <Group grow align="flex-start">
          <NativeSelect
            label="Category"
            value={form.category}
            onChange={(e) => set('category', e.currentTarget.value as CookieCategory)}
            data={COOKIE_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) }))}
          />
          <NativeSelect
            label="Storage"
            value={form.storageKind}
            onChange={(e) => set('storageKind', e.currentTarget.value as CookieStorageKind)}
            data={COOKIE_STORAGE_KINDS.map((k) => ({ value: k, label: STORAGE_LABEL[k] }))}
          />
          <NumberInput
            label="Kept for (days)"
            description="Empty: until the browser closes"
            value={form.durationDays}
            onChange={(v) => set('durationDays', v)}
            error={errors['durationDays']}
            min={0}
          />
        </Group>
        <TextInput
          label="Purpose (English)"
          lang="en"
          value={form.purposeEn}
          onChange={(e) => set('purposeEn', e.currentTarget.value)}
          error={errors['purpose.en']}
        />
        <TextInput
          label="Purpose (Japanese)"
          lang="ja"
          value={form.purposeJa}
          onChange={(e) => set('purposeJa', e.currentTarget.value)}
          error={errors['purpose.ja']}
        />
        <Group>
          <Button type="submit" size="sm" loading={fetching}>
            {editing ? 'Save declaration' : 'Add declaration'}
          </Button>
          {onCancel && (
            <Button size="sm" variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
