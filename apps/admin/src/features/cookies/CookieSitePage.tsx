import { Anchor, Card, Code, Grid, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { CopyValueButton } from '../../components/CopyValue.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCanWrite } from '../session/session-context.js';
import { bannerSnippet, siteToForm } from './cookie-forms.js';
import { DeclarationsCard } from './DeclarationsCard.js';
import { SiteFormCard } from './SiteForm.js';
import { StatsCard } from './StatsCard.js';
import { useCookieSite, useSaveCookieSite } from './use-cookies.js';

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
