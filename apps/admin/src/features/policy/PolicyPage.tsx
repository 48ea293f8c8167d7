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
  const { t } = useTranslation('contact');
  const { organisation, policy, versions, fetching, error, refetch } = usePolicyPage();

  if (!policy) {
    return fetching ? <Loading label="Loading policy" /> : <ErrorAlert error={error} onRetry={refetch} />;
  }
  const secretariat = organisation?.secretariat;

  return (
    <>
      <PageHeader
        title="Privacy policy"
        actions={
          <>
            <Button component={Link} to="/privacy" target="_blank" variant="default" size="xs">
              Public page
            </Button>
            <Button component={Link} to="/policy/edit" size="xs">
              Policy editor
            </Button>
          </>
        }
        badges={
          <>
            <Badge variant="filled">Version {policy.number}</Badge>
            <Badge variant="light" color={policy.status === 'PUBLISHED' ? 'teal' : 'gray'}>
              {policy.status === 'PUBLISHED' ? 'Published · in force' : 'Draft'}
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
          <Card withBorder radius="md" padding="md" h="100%" component="section" aria-label="Policy version">
            <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
              <Fact label="Number">{policy.number}</Fact>
              <Fact label="Published">{formatDateTime(policy.publishedAt)}</Fact>
            </SimpleGrid>
            <Space h="sm" />
            <Fact label="Content hash (SHA-256)">
              <Group gap="xs" wrap="nowrap" mt={2}>
                <CopyableHash value={policy.contentHash} label="Content hash" />
              </Group>
            </Fact>
            {(policy.changeSummaryJa || policy.changeSummaryEn) && (
              <Stack gap={2} mt="sm">
                <Text size="xs" c="dimmed" fw={500}>
                  {t('changesInVersion')}
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
              Under clause 7 the current policy applies to all information collected, whenever it was collected, and a
              change takes effect as soon as it is published.
            </Text>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder radius="md" padding="md" h="100%" component="section" aria-label="Secretariat contact">
            <Text fw={600} mb={4}>
              Inquiries (clause 8)
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
                <Text size="sm">
                  TEL {secretariat.telephone} / FAX {secretariat.fax}
                </Text>
                <Anchor size="sm" href={`mailto:${secretariat.email}`}>
                  {secretariat.email}
                </Anchor>
              </Stack>
            ) : (
              <Text size="sm" c="dimmed">
                No contact on file.
              </Text>
            )}
          </Card>
        </Grid.Col>
      </Grid>

      <Stack gap="sm" component="section" aria-label="Policy sections">
        <Grid gap="md" visibleFrom="md" px="md">
          <Grid.Col span={6}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              English
            </Text>
          </Grid.Col>
          <Grid.Col span={6}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              日本語
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
            aria-label={`Clause ${section.number}`}
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
                  （{section.number}）{section.titleJa}
                </Title>
                <Body text={section.bodyJa} lang="ja" />
              </Grid.Col>
            </Grid>
          </Card>
        ))}
      </Stack>

      {versions.length > 0 && (
        <Card withBorder radius="md" padding={0} mt="md" component="section" aria-label="Policy versions">
          <Text fw={600} p="md" pb={0}>
            Versions
          </Text>
          <Table aria-label="Policy versions" mt="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Number</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Published</Table.Th>
                <Table.Th>Content hash</Table.Th>
                <Table.Th>Changes</Table.Th>
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
                          current
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{v.status === 'PUBLISHED' ? 'Published' : 'Draft'}</Table.Td>
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
