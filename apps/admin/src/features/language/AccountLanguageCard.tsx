import { Card, Select, Stack, Text, Title } from '@mantine/core';
import { OrganisationLanguageDocument, type Language } from '@steward/schema';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useSessionUser } from '../session/session-context.js';
import { toUiLanguage } from './language-codes.js';
import { useSetMyLanguage } from './use-language.js';

/** The Select's value for "no choice of my own". */
const ORGANISATION = 'ORGANISATION';

/** The account page's language: the member's own, or the organisation's default; a change applies at once. */
export function AccountLanguageCard() {
  const { t } = useTranslation('language');
  const user = useSessionUser();
  const [org] = useQuery({ query: OrganisationLanguageDocument });
  const { setMyLanguage, fetching, error } = useSetMyLanguage();
  const fallback = org.data?.organisation.defaultLanguage;
  const name = (language: Language) => t(`common:language.${toUiLanguage(language)}`);

  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('account.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('account.description')}
        </Text>
        <ErrorAlert error={error} title={t('account.refused')} />
        <Select
          label={t('account.label')}
          allowDeselect={false}
          disabled={fetching}
          value={user.language ?? ORGANISATION}
          data={[
            {
              value: ORGANISATION,
              label: fallback ? t('account.follow', { language: name(fallback) }) : t('account.followUnknown'),
            },
            { value: 'JA', label: name('JA') },
            { value: 'EN', label: name('EN') },
          ]}
          onChange={(value) => {
            if (!value) return;
            void setMyLanguage(value === 'JA' || value === 'EN' ? value : null);
          }}
        />
      </Stack>
    </Card>
  );
}
