import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Grid,
  Group,
  SimpleGrid,
  Space,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CopyableHash } from '../../components/CopyValue.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDateTime, shortHash } from '../../components/format.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ContactDriftAlert } from '../organisation-settings/ContactDriftAlert.js';
import { orderedSections, paragraphs } from './sections.js';
import { usePolicyPage } from './use-policy-page.js';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

function Body({ text, lang }: { text: string; lang: 'en' | 'ja' }) {
  return (
    <Stack gap={6} lang={lang}>
      {paragraphs(text).map((p, i) => (
        <Text key={i} size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {p}
        </Text>
      ))}
    </Stack>
  );
}

/** The policy in force, read-only: what every collection and consent refers to. */
export function PolicyPage() {
  const { t } = useTranslation('policy');
  const { organisation, policy, versions, fetching, error, refetch } = usePolicyPage();

  if (!policy) {
    return fetching ? <Loading label={t('loading')} /> : <ErrorAlert error={error} onRetry={refetch} />;
  }
  const secretariat = organisation?.secretariat;

  return (
    <>
      <PageHeader
        title={t('title')}
        actions={
          <>
            <Button component={Link} to="/privacy" target="_blank" variant="default" size="xs">
              {t('publicPage')}
            </Button>
            <Button component={Link} to="/policy/edit" size="xs">
              {t('editor')}
            </Button>
          </>
        }
        badges={
          <>
            <Badge variant="filled">{t('version', { number: policy.number })}</Badge>
            <Badge variant="light" color={policy.status === 'PUBLISHED' ? 'teal' : 'gray'}>
              {policy.status === 'PUBLISHED' ? t('status.inForce') : t('status.draft')}
            </Badge>
          </>
        }
        description={
          organisation ? (
            <>
              {organisation.name} · <span lang="ja">{organisation.nameJa}</span>
            </>
          ) : undefined
        }
      />
      <ErrorAlert error={error} onRetry={refetch} />
      <Box mb="md">
        <ContactDriftAlert drift={organisation?.contactDrift} policyNumber={policy.number} />
      </Box>

      <Grid gap="md" mb="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder radius="md" padding="md" h="100%" component="section" aria-label={t('facts.label')}>
            <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
              <Fact label={t('facts.number')}>{policy.number}</Fact>
              <Fact label={t('facts.published')}>{formatDateTime(policy.publishedAt)}</Fact>
            </SimpleGrid>
            <Space h="sm" />
            <Fact label={t('facts.contentHash')}>
              <Group gap="xs" wrap="nowrap" mt={2}>
                <CopyableHash value={policy.contentHash} label={t('facts.hashLabel')} />
              </Group>
            </Fact>
            {(policy.changeSummaryJa || policy.changeSummaryEn) && (
              <Stack gap={2} mt="sm">
                <Text size="xs" c="dimmed" fw={500}>
                  {t('contact:changesInVersion')}
                </Text>
                {policy.changeSummaryJa && (
                  <Text size="sm" lang="ja">
                    {policy.changeSummaryJa}
                  </Text>
                )}
                {policy.changeSummaryEn && <Text size="sm">{policy.changeSummaryEn}</Text>}
              </Stack>
            )}
            <Text size="xs" c="dimmed" mt="sm">
              {t('facts.clause7')}
            </Text>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder radius="md" padding="md" h="100%" component="section" aria-label={t('contact.label')}>
            <Text fw={600} mb={4}>
              {t('contact.title')}
            </Text>
            {secretariat ? (
              <Stack gap={2}>
                {secretariat.nameJa && (
                  <Text size="sm" fw={500} lang="ja">
                    {secretariat.nameJa}
                  </Text>
                )}
                <Text size="sm" fw={500}>
                  {secretariat.nameEn}
                </Text>
                {secretariat.postalAddressJa && (
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }} lang="ja">
                    {secretariat.postalAddressJa}
                  </Text>
                )}
                <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                  {secretariat.postalAddressEn}
                </Text>
                <Text size="sm">{t('contact.telFax', { telephone: secretariat.telephone, fax: secretariat.fax })}</Text>
                <Anchor size="sm" href={`mailto:${secretariat.email}`}>
                  {secretariat.email}
                </Anchor>
              </Stack>
            ) : (
              <Text size="sm" c="dimmed">
                {t('contact.none')}
              </Text>
            )}
          </Card>
        </Grid.Col>
      </Grid>

      <Stack gap="sm" component="section" aria-label={t('sections.label')}>
        <Grid gap="md" visibleFrom="md" px="md">
          <Grid.Col span={6}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {t('sections.english')}
            </Text>
          </Grid.Col>
          <Grid.Col span={6}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {t('sections.japanese')}
            </Text>
          </Grid.Col>
        </Grid>
        {orderedSections(policy.sections).map((section) => (
          <Card
            key={section.clause}
            withBorder
            radius="md"
            padding="md"
            component="article"
            aria-label={t('sections.clause', { number: section.number })}
          >
            <Grid gap="lg">
              <Grid.Col span={{ base: 12, md: 6 }}>
                <Title order={3} fz="md" mb={6}>
                  ({section.number}) {section.titleEn}
                </Title>
                <Body text={section.bodyEn} lang="en" />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <Title order={3} fz="md" mb={6} lang="ja">
                  {/* The Japanese text's own heading style, whatever the language shown. */}
                  {`（${section.number}）${section.titleJa}`}
                </Title>
                <Body text={section.bodyJa} lang="ja" />
              </Grid.Col>
            </Grid>
          </Card>
        ))}
      </Stack>

      {versions.length > 0 && (
        <Card withBorder radius="md" padding={0} mt="md" component="section" aria-label={t('versions.label')}>
          <Text fw={600} p="md" pb={0}>
            {t('versions.title')}
          </Text>
          <Table aria-label={t('versions.label')} mt="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('versions.number')}</Table.Th>
                <Table.Th>{t('versions.status')}</Table.Th>
                <Table.Th>{t('versions.published')}</Table.Th>
                <Table.Th>{t('versions.contentHash')}</Table.Th>
                <Table.Th>{t('versions.changes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...versions]
                .sort((a, b) => b.number - a.number)
                .map((v) => (
                  <Table.Tr key={v.id} fw={v.id === policy.id ? 600 : undefined}>
                    <Table.Td>
                      {v.number}
                      {v.id === policy.id && (
                        <Badge ml="xs" size="xs" variant="light" color="teal">
                          {t('versions.current')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{v.status === 'PUBLISHED' ? t('status.published') : t('status.draft')}</Table.Td>
                    <Table.Td>{formatDateTime(v.publishedAt)}</Table.Td>
                    <Table.Td>
                      <Text span ff="monospace" size="xs" title={v.contentHash}>
                        {shortHash(v.contentHash)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {v.changeSummaryJa || v.changeSummaryEn ? (
                        <>
                          <span lang="ja">{v.changeSummaryJa}</span>
                          {v.changeSummaryJa && v.changeSummaryEn && ' / '}
                          {v.changeSummaryEn}
                        </>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </>
  );
}
