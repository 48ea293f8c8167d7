import { Anchor, Card, Code, Grid, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('cookies');
  const { site, loaded, fetching, error, refetch } = useCookieSite(siteId);
  const canWrite = useCanWrite();
  const { updateSite, fetching: saving } = useSaveCookieSite();
  const [locale, setLocale] = useState<'ja' | 'en'>('ja');
  if (!loaded && fetching) return <Loading label={t('site.loading')} />;
  if (!site) {
    return (
      <>
        <ErrorAlert error={error} onRetry={refetch} />
        {!error && <Text>{t('site.notFound')}</Text>}
        <Anchor component={Link} to="/cookies">
          {t('site.back')}
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
          <Trans
            t={t}
            i18nKey="site.description"
            values={{
              siteKey: site.siteKey,
              days: site.consentLifetimeDays,
              gpc: site.honoursGpc ? 'honoured' : 'ignored',
            }}
            components={{ code: <Code /> }}
          />
        }
        actions={
          <>
            <SegmentedControl
              size="xs"
              value={locale}
              onChange={(v) => setLocale(v as 'ja' | 'en')}
              data={[
                { value: 'ja', label: t('site.bannerJa') },
                { value: 'en', label: t('site.bannerEn') },
              ]}
              aria-label={t('site.bannerLanguage')}
            />
            <Anchor component={Link} to="/cookies" size="sm">
              {t('site.allSites')}
            </Anchor>
          </>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <Card withBorder radius="md" padding="md">
              <Title order={3} fz="h5" mb="xs">
                {t('site.snippet', { language: locale })}
              </Title>
              <Code block aria-label={t('site.snippetLabel')}>
                {snippet}
              </Code>
              <CopyValueButton value={snippet} label={t('site.copySnippet')} size="xs" mt="xs" variant="default" />
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
              {t('site.settings')}
            </Text>
            {canWrite ? (
              <SiteFormCard
                key={site.id}
                label={t('site.edit')}
                initial={siteToForm(site)}
                submitLabel={t('site.save')}
                fetching={saving}
                save={async (input) => {
                  const res = await updateSite(site.id, input);
                  return res.error;
                }}
              />
            ) : (
              <Stack gap={4}>
                <Text size="sm">{t('site.domains', { domains: site.domains.join(', ') })}</Text>
                <Text size="sm">{t('site.origins', { origins: site.allowedOrigins.join(', ') })}</Text>
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
