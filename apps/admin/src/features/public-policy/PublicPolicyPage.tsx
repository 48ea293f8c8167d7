import { Anchor, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDate } from '../../components/format.js';
import { Loading } from '../../components/Loading.js';
import { paragraphs } from '../policy/sections.js';
import { PublicLayout, usePublicLanguage } from './PublicLayout.js';
import { PUBLIC_TEXT } from './public-texts.js';
import { usePublicPolicy } from './use-public-policy.js';

function PolicyBody() {
  const [language] = usePublicLanguage();
  const t = PUBLIC_TEXT[language];
  const { policy, fetching, error, refetch } = usePublicPolicy(language);
  if (!policy) return fetching ? <Loading label="Loading" /> : <ErrorAlert error={error} onRetry={refetch} />;
  const inquiryHref = `/privacy/inquiry${language === 'en' ? '?lang=en' : ''}`;
  return (
    <Stack gap="lg">
      <div>
        <Text c="dimmed" size="sm">
          {policy.organisationName}
        </Text>
        <Title order={1} fz="h2">
          {t.title}
        </Title>
        <Group gap="md" mt={4}>
          <Text size="sm" aria-label="Policy version">
            {t.version(policy.number)}
          </Text>
          <Text size="sm" c="dimmed">
            {t.published}: {formatDate(policy.publishedAt)}
          </Text>
          <Button size="compact-xs" variant="subtle" className="no-print" onClick={() => window.print()}>
            {t.print}
          </Button>
        </Group>
      </div>

      {policy.sections.map((s) => (
        <section key={s.clause} aria-label={`Clause ${s.number}`}>
          <Title order={2} fz="h4" mb={6}>
            {language === 'ja' ? `（${s.number}）` : `(${s.number}) `}
            {s.title}
          </Title>
          <Stack gap={6}>
            {paragraphs(s.body).map((p, i) => (
              <Text key={i} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {p}
              </Text>
            ))}
          </Stack>
        </section>
      ))}

      {policy.websiteUse && (
        <Card withBorder padding="md" component="aside" aria-label={t.websiteUse}>
          <Text fw={600} size="sm" mb={4}>
            {t.websiteUse}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {policy.websiteUse.body}
          </Text>
        </Card>
      )}

      <Card withBorder padding="md" component="section" aria-label={t.contact}>
        <Text fw={600} mb={4}>
          {t.contact}
        </Text>
        <Text size="sm" fw={500}>
          {policy.secretariat.name}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {policy.secretariat.postalAddress}
        </Text>
        {policy.secretariat.officeHours && (
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {t.officeHours}: {policy.secretariat.officeHours}
          </Text>
        )}
        <Text size="sm">
          {t.tel} {policy.secretariat.telephone} / {t.fax} {policy.secretariat.fax}
        </Text>
        <Text size="sm">
          {t.email}: <Anchor href={`mailto:${policy.secretariat.email}`}>{policy.secretariat.email}</Anchor>
        </Text>
        <Anchor
          component={Link}
          to={inquiryHref}
          size="sm"
          mt="xs"
          className="no-print"
          style={{ display: 'inline-block' }}
        >
          {t.inquiryLink}
        </Anchor>
      </Card>

      <section aria-label={t.changeLog}>
        <Title order={2} fz="h4" mb={6}>
          {t.changeLog}
        </Title>
        <Table>
          <Table.Tbody>
            {policy.changeLog.map((c) => (
              <Table.Tr key={c.number}>
                <Table.Td w={110}>{t.version(c.number)}</Table.Td>
                <Table.Td w={130}>{formatDate(c.publishedAt)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }} lang={c.changeSummaryLanguage}>
                  {c.changeSummary}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </section>
    </Stack>
  );
}

/** The public, read-only privacy policy: anyone may read it, no sign-in (clauses 5 and 7). */
export function PublicPolicyPage() {
  return (
    <PublicLayout>
      <PolicyBody />
    </PublicLayout>
  );
}
