import { Anchor, Badge, Button, Card, Code, Grid, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { CookieCategoryFieldsFragment, CookieConsentHistoryQuery, CookieSitesQuery } from '@steward/schema';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { ErrorAlert, MessagesAlert } from '../../components/ErrorAlert.js';
import { fieldErrorsFromGraphQLError, messagesOutside, type FieldErrors } from '../../components/errors.js';
import { formatDateTime } from '../../components/format.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCanWrite } from '../session/session-context.js';
import { EMPTY_SITE, categoryLabel } from './cookie-forms.js';
import { SiteFormCard } from './SiteForm.js';
import {
  useCookieCategories,
  useCookieHistory,
  useCookieSites,
  useSaveCookieSite,
  useUpdateCookieCategory,
} from './use-cookies.js';

type Site = CookieSitesQuery['cookieSites'][number];
type HistoryEvent = NonNullable<CookieConsentHistoryQuery['cookieConsentHistory']>[number];

const SITE_COLUMNS: DataColumn<Site>[] = [
  {
    id: 'name',
    header: 'Site',
    value: (s) => s.name,
    cell: (s) => (
      <Anchor component={Link} to={`/cookies/sites/${encodeURIComponent(s.id)}`} fw={500}>
        {s.name}
      </Anchor>
    ),
  },
  { id: 'siteKey', header: 'Site key', value: (s) => s.siteKey, cell: (s) => <Code>{s.siteKey}</Code> },
  { id: 'origins', header: 'Allowed origins', value: (s) => s.allowedOrigins.join(', ') },
  {
    id: 'gpc',
    header: 'GPC',
    value: (s) => s.honoursGpc,
    cell: (s) =>
      s.honoursGpc ? (
        <Badge size="sm" variant="light">
          Honoured
        </Badge>
      ) : (
        <Badge size="sm" variant="light" color="gray">
          Ignored
        </Badge>
      ),
  },
  { id: 'declarations', header: 'Declarations', value: (s) => s.declarations.length },
];

const acceptedCategories = (h: HistoryEvent) =>
  h.choices
    .filter((c) => c.accepted)
    .map((c) => categoryLabel(c.category))
    .join(', ');

const HISTORY_COLUMNS: DataColumn<HistoryEvent>[] = [
  { id: 'recordedAt', header: 'Recorded', value: (h) => h.recordedAt, cell: (h) => formatDateTime(h.recordedAt) },
  { id: 'site', header: 'Site', value: (h) => h.siteName },
  { id: 'action', header: 'Action', value: (h) => (h.action === 'WITHDRAW' ? 'Withdrawn' : 'Choice') },
  { id: 'accepted', header: 'Accepted', value: acceptedCategories },
  { id: 'gpc', header: 'GPC', value: (h) => (h.gpc ? (h.gpcApplied ? 'Sent, applied' : 'Sent') : '—') },
  { id: 'policy', header: 'Policy', value: (h) => `v${h.policyVersion}` },
];

export function CookiesPage() {
  const { sites, ...query } = useCookieSites();
  const canWrite = useCanWrite();
  const { createSite, fetching: saving } = useSaveCookieSite();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title="Cookie consent"
        description="Websites that show the consent banner, the cookie categories, and visitors' consent (policy clause 6)."
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: canWrite ? 8 : 12 }}>
          <Stack gap="md">
            <DataTable
              label="Cookie sites"
              columns={SITE_COLUMNS}
              rows={sites}
              empty="No sites yet."
              query={query}
              loadingLabel="Loading sites"
              minWidth={600}
            />
            <CategoriesCard canWrite={canWrite} />
            {canWrite && <VisitorHistoryCard />}
          </Stack>
        </Grid.Col>
        {canWrite && (
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Card withBorder radius="md" padding="md">
              <Text fw={600} mb="sm">
                New site
              </Text>
              <SiteFormCard
                label="Create site"
                initial={EMPTY_SITE}
                submitLabel="Create site"
                fetching={saving}
                save={async (input) => {
                  const res = await createSite(input);
                  if (res.data?.createCookieSite)
                    void navigate(`/cookies/sites/${encodeURIComponent(res.data.createCookieSite.id)}`);
                  return res.error;
                }}
              />
            </Card>
          </Grid.Col>
        )}
      </Grid>
    </>
  );
}

function CategoriesCard({ canWrite }: { canWrite: boolean }) {
  const { categories, error, refetch } = useCookieCategories();
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={3} fz="h5" mb="xs">
        Categories
      </Title>
      <ErrorAlert error={error} onRetry={refetch} />
      <Stack gap="sm">
        {categories.map((c) =>
          editing === c.category ? (
            <CategoryEditor key={c.category} category={c} onDone={() => setEditing(null)} />
          ) : (
            <Group key={c.category} justify="space-between" align="flex-start" wrap="nowrap">
              <div>
                <Group gap="xs">
                  <Text fw={500}>
                    {c.label.en} / {c.label.ja}
                  </Text>
                  {c.required ? (
                    <Badge size="xs">Always on — cannot be refused</Badge>
                  ) : (
                    <Badge size="xs" color="gray" variant="light">
                      Optional
                    </Badge>
                  )}
                  {c.gpcOptOut && (
                    <Badge size="xs" color="grape" variant="light">
                      Off under GPC
                    </Badge>
                  )}
                </Group>
                <Text size="sm" c="dimmed">
                  {c.description.en}
                </Text>
                <Text size="sm" c="dimmed" lang="ja">
                  {c.description.ja}
                </Text>
              </div>
              {canWrite && (
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => setEditing(c.category)}
                  aria-label={`Edit ${categoryLabel(c.category)}`}
                >
                  Edit
                </Button>
              )}
            </Group>
          ),
        )}
      </Stack>
    </Card>
  );
}

function CategoryEditor({ category, onDone }: { category: CookieCategoryFieldsFragment; onDone: () => void }) {
  const { updateCategory, fetching } = useUpdateCookieCategory();
  const [text, setText] = useState({
    labelEn: category.label.en,
    labelJa: category.label.ja,
    descriptionEn: category.description.en,
    descriptionJa: category.description.ja,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [messages, setMessages] = useState<string[]>([]);
  const set = (k: keyof typeof text) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setText((t) => ({ ...t, [k]: value }));
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const res = await updateCategory({
      category: category.category,
      label: { en: text.labelEn, ja: text.labelJa },
      description: { en: text.descriptionEn, ja: text.descriptionJa },
    });
    if (res.data?.updateCookieCategory) return onDone();
    const summary = fieldErrorsFromGraphQLError(res.error);
    setErrors(summary.fieldErrors);
    setMessages(messagesOutside(summary, (f) => f.startsWith('label') || f.startsWith('description')));
  }

  return (
    <form onSubmit={submit} noValidate aria-label={`Edit ${categoryLabel(category.category)}`}>
      <Stack gap="xs">
        <MessagesAlert title="The category was not saved" messages={messages} />
        {category.required && (
          <Text size="sm" c="dimmed">
            This category stays required: only its wording can change.
          </Text>
        )}
        <Group grow>
          <TextInput
            label="Label (English)"
            value={text.labelEn}
            onChange={set('labelEn')}
            error={errors['label.en']}
          />
          <TextInput
            label="Label (Japanese)"
            value={text.labelJa}
            onChange={set('labelJa')}
            error={errors['label.ja']}
          />
        </Group>
        <Textarea
          label="Description (English)"
          value={text.descriptionEn}
          onChange={set('descriptionEn')}
          error={errors['description.en']}
          autosize
          minRows={2}
        />
        <Textarea
          label="Description (Japanese)"
          value={text.descriptionJa}
          onChange={set('descriptionJa')}
          error={errors['description.ja']}
          autosize
          minRows={2}
        />
        <Group gap="xs">
          <Button type="submit" size="xs" loading={fetching}>
            Save category
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function VisitorHistoryCard() {
  const [input, setInput] = useState('');
  const [visitorId, setVisitorId] = useState<string | null>(null);
  const { history, fetching, error } = useCookieHistory(visitorId);
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={3} fz="h5" mb="xs">
        Visitor consent history
      </Title>
      <form
        aria-label="Find visitor history"
        onSubmit={(e) => {
          e.preventDefault();
          setVisitorId(input.trim().toLowerCase() || null);
        }}
      >
        <Group align="flex-end">
          <TextInput
            label="Consent id"
            description="The id the banner shows the visitor in its settings; the lookup is audited."
            value={input}
            onChange={(e) => setInput(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button type="submit" loading={fetching}>
            Look up
          </Button>
        </Group>
      </form>
      <ErrorAlert error={error} />
      {history && (
        <DataTable
          label="Visitor consent history"
          columns={HISTORY_COLUMNS}
          rows={history}
          rowKey={(h) => h.receiptId}
          empty="No consent recorded for this id."
          withCard={false}
        />
      )}
    </Card>
  );
}
