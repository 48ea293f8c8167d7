import { Anchor, Badge, Button, Card, Code, Grid, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { CookieCategoryFieldsFragment, CookieConsentHistoryQuery, CookieSitesQuery } from '@steward/schema';
import type { TFunction } from 'i18next';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
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

const siteColumns = (t: TFunction): DataColumn<Site>[] => [
  {
    id: 'name',
    header: t('list.columns.site'),
    value: (s) => s.name,
    cell: (s) => (
      <Anchor component={Link} to={`/cookies/sites/${encodeURIComponent(s.id)}`} fw={500}>
        {s.name}
      </Anchor>
    ),
  },
  { id: 'siteKey', header: t('list.columns.siteKey'), value: (s) => s.siteKey, cell: (s) => <Code>{s.siteKey}</Code> },
  { id: 'origins', header: t('list.columns.origins'), value: (s) => s.allowedOrigins.join(', ') },
  {
    id: 'gpc',
    header: t('list.columns.gpc'),
    value: (s) => s.honoursGpc,
    cell: (s) =>
      s.honoursGpc ? (
        <Badge size="sm" variant="light">
          {t('list.honoured')}
        </Badge>
      ) : (
        <Badge size="sm" variant="light" color="gray">
          {t('list.ignored')}
        </Badge>
      ),
  },
  { id: 'declarations', header: t('list.columns.declarations'), value: (s) => s.declarations.length },
];

const acceptedCategories = (h: HistoryEvent) =>
  h.choices
    .filter((c) => c.accepted)
    .map((c) => categoryLabel(c.category))
    .join(', ');

const historyColumns = (t: TFunction): DataColumn<HistoryEvent>[] => [
  {
    id: 'recordedAt',
    header: t('history.columns.recordedAt'),
    value: (h) => h.recordedAt,
    cell: (h) => formatDateTime(h.recordedAt),
  },
  { id: 'site', header: t('history.columns.site'), value: (h) => h.siteName },
  {
    id: 'action',
    header: t('history.columns.action'),
    value: (h) => (h.action === 'WITHDRAW' ? t('history.withdrawn') : t('history.choice')),
  },
  { id: 'accepted', header: t('history.columns.accepted'), value: acceptedCategories },
  {
    id: 'gpc',
    header: t('history.columns.gpc'),
    value: (h) => (h.gpc ? (h.gpcApplied ? t('history.gpcApplied') : t('history.gpcSent')) : '—'),
  },
  {
    id: 'policy',
    header: t('history.columns.policy'),
    value: (h) => t('history.policyVersion', { number: h.policyVersion }),
  },
];

export function CookiesPage() {
  const { t } = useTranslation('cookies');
  const columns = useMemo(() => siteColumns(t), [t]);
  const { sites, ...query } = useCookieSites();
  const canWrite = useCanWrite();
  const { createSite, fetching: saving } = useSaveCookieSite();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('list.title')} description={t('list.description')} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: canWrite ? 8 : 12 }}>
          <Stack gap="md">
            <DataTable
              label={t('list.table')}
              columns={columns}
              rows={sites}
              empty={t('list.empty')}
              query={query}
              loadingLabel={t('list.loading')}
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
                {t('list.newSite')}
              </Text>
              <SiteFormCard
                label={t('list.create')}
                initial={EMPTY_SITE}
                submitLabel={t('list.create')}
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
  const { t } = useTranslation('cookies');
  const { categories, error, refetch } = useCookieCategories();
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={3} fz="h5" mb="xs">
        {t('categories.title')}
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
                    <Badge size="xs">{t('categories.required')}</Badge>
                  ) : (
                    <Badge size="xs" color="gray" variant="light">
                      {t('categories.optional')}
                    </Badge>
                  )}
                  {c.gpcOptOut && (
                    <Badge size="xs" color="grape" variant="light">
                      {t('categories.gpcOff')}
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
                  aria-label={t('categories.edit', { category: categoryLabel(c.category) })}
                >
                  {t('common:actions.edit')}
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
  const { t } = useTranslation('cookies');
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
    setText((old) => ({ ...old, [k]: value }));
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
    <form
      onSubmit={submit}
      noValidate
      aria-label={t('categories.edit', { category: categoryLabel(category.category) })}
    >
      <Stack gap="xs">
        <MessagesAlert title={t('categories.notSaved')} messages={messages} />
        {category.required && (
          <Text size="sm" c="dimmed">
            {t('categories.staysRequired')}
          </Text>
        )}
        <Group grow>
          <TextInput
            label={t('categories.labelEn')}
            value={text.labelEn}
            onChange={set('labelEn')}
            error={errors['label.en']}
          />
          <TextInput
            label={t('categories.labelJa')}
            value={text.labelJa}
            onChange={set('labelJa')}
            error={errors['label.ja']}
          />
        </Group>
        <Textarea
          label={t('categories.descriptionEn')}
          value={text.descriptionEn}
          onChange={set('descriptionEn')}
          error={errors['description.en']}
          autosize
          minRows={2}
        />
        <Textarea
          label={t('categories.descriptionJa')}
          value={text.descriptionJa}
          onChange={set('descriptionJa')}
          error={errors['description.ja']}
          autosize
          minRows={2}
        />
        <Group gap="xs">
          <Button type="submit" size="xs" loading={fetching}>
            {t('categories.save')}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('common:actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function VisitorHistoryCard() {
  const { t } = useTranslation('cookies');
  const columns = useMemo(() => historyColumns(t), [t]);
  const [input, setInput] = useState('');
  const [visitorId, setVisitorId] = useState<string | null>(null);
  const { history, fetching, error } = useCookieHistory(visitorId);
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={3} fz="h5" mb="xs">
        {t('history.title')}
      </Title>
      <form
        aria-label={t('history.find')}
        onSubmit={(e) => {
          e.preventDefault();
          setVisitorId(input.trim().toLowerCase() || null);
        }}
      >
        <Group align="flex-end">
          <TextInput
            label={t('history.consentId')}
            description={t('history.consentIdHelp')}
            value={input}
            onChange={(e) => setInput(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button type="submit" loading={fetching}>
            {t('history.lookUp')}
          </Button>
        </Group>
      </form>
      <ErrorAlert error={error} />
      {history && (
        <DataTable
          label={t('history.title')}
          columns={columns}
          rows={history}
          rowKey={(h) => h.receiptId}
          empty={t('history.empty')}
          withCard={false}
        />
      )}
    </Card>
  );
}
