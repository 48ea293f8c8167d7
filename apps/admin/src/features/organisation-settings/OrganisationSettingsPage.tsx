import { Alert, Button, Card, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { validateSecretariat, type SecretariatDraft } from '@steward/policy-core';
import {
  OrganisationSettingsDocument,
  UpdateOrganisationDocument,
  type OrganisationSettingsQuery,
} from '@steward/schema';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ConflictAlert } from '../../components/ConflictAlert.js';
import { ErrorAlert, MessagesAlert } from '../../components/ErrorAlert.js';
import { fieldErrorsFromGraphQLError } from '../../components/errors.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { DefaultLanguageSelect } from '../language/DefaultLanguageSelect.js';
import { useSessionUser } from '../session/session-context.js';
import { ResponsePeriodCard } from './ResponsePeriodCard.js';
import { ContactDriftAlert } from './ContactDriftAlert.js';

type Org = OrganisationSettingsQuery['organisation'];
type Form = Required<SecretariatDraft>;

const toForm = (o: Org): Form => ({
  name: o.name,
  nameJa: o.nameJa,
  secretariatName: o.secretariat.nameEn,
  secretariatNameJa: o.secretariat.nameJa,
  postalAddress: o.secretariat.postalAddressEn,
  postalAddressJa: o.secretariat.postalAddressJa,
  officeHoursEn: o.secretariat.officeHoursEn,
  officeHoursJa: o.secretariat.officeHoursJa,
  telephone: o.secretariat.telephone,
  fax: o.secretariat.fax,
  email: o.secretariat.email,
});

function SettingsForm({ org, onSaved }: { org: Org; onSaved: () => void }) {
  const { t } = useTranslation('organisation-settings');
  const isOwner = useSessionUser().role === 'OWNER';
  const [form, setForm] = useState<Form>(() => toForm(org));
  const [defaultLanguage, setDefaultLanguage] = useState(org.defaultLanguage);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [messages, setMessages] = useState<string[]>([]);
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState(false);
  const [state, update] = useMutation(UpdateOrganisationDocument);
  const set = (k: keyof Form) => (e: { currentTarget: { value: string } }) =>
    setForm({ ...form, [k]: e.currentTarget.value });

  async function save() {
    setSaved(false);
    const local = validateSecretariat(form);
    if (!local.ok) {
      setErrors(Object.fromEntries(local.issues.map((i) => [i.field, i.message])));
      return;
    }
    const res = await update({ input: { expectedVersion: org.version, ...form, defaultLanguage } });
    if (res.error) {
      const summary = fieldErrorsFromGraphQLError(res.error);
      setConflict(summary.conflict !== null);
      setErrors(summary.fieldErrors);
      setMessages(summary.conflict ? [] : summary.messages);
      return;
    }
    setErrors({});
    setMessages([]);
    setSaved(true);
    onSaved();
  }

  const field = (k: keyof Form, label: string, multiline = false, description?: string) =>
    multiline ? (
      <Textarea
        label={label}
        description={description}
        autosize
        minRows={2}
        value={form[k]}
        onChange={set(k)}
        error={errors[k]}
        readOnly={!isOwner}
        lang={k.endsWith('Ja') ? 'ja' : undefined}
      />
    ) : (
      <TextInput
        label={label}
        description={description}
        value={form[k]}
        onChange={set(k)}
        error={errors[k]}
        readOnly={!isOwner}
        lang={k.endsWith('Ja') ? 'ja' : undefined}
      />
    );
  // Japanese beside English, one row per text people read.
  const pair = (ja: keyof Form, en: keyof Form, label: string, multiline = false, hint?: string) => (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      {field(ja, t('contact:pairLabel', { label, language: t('contact:inJapanese') }), multiline, hint)}
      {field(en, t('contact:pairLabel', { label, language: t('contact:inEnglish') }), multiline)}
    </SimpleGrid>
  );

  const fields = [
    pair('nameJa', 'name', t('contact:organisationName')),
    pair('secretariatNameJa', 'secretariatName', t('contact:secretariatName'), false, t('contact:optionalJa')),
    pair('postalAddressJa', 'postalAddress', t('contact:postalAddress'), true, t('contact:optionalJa')),
    pair('officeHoursJa', 'officeHoursEn', t('contact:officeHours'), true, t('contact:optionalHours')),
    field('telephone', t('contact:field.telephone')),
    field('fax', t('contact:field.fax')),
    field('email', t('contact:field.email')),
  ].map((element, index) => <Fragment key={index}>{element}</Fragment>);

  return (
    <Card withBorder padding="md" maw={960}>
      <Stack gap="sm">
        {!isOwner && (
          <Alert color="gray" title={t('common:readOnly.title')}>
            {t('readOnly')}
          </Alert>
        )}
        {conflict && <ConflictAlert what={t('conflictWhat')} onReload={onSaved} />}
        <MessagesAlert title={t('notSaved')} messages={messages} />
        {saved && (
          <Alert color="teal" variant="light" title={t('saved')} role="status">
            {t('savedMessage')}
          </Alert>
        )}
        {fields}
        <DefaultLanguageSelect value={defaultLanguage} onChange={setDefaultLanguage} readOnly={!isOwner} />
        {isOwner && (
          <Button w="fit-content" loading={state.fetching} onClick={() => void save()}>
            {t('common:actions.save')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}

/** The organisation and the secretariat's contact details (clause 8), published with the policy. */
export function OrganisationSettingsPage() {
  const { t } = useTranslation('organisation-settings');
  const [result, reexecute] = useQuery({ query: OrganisationSettingsDocument, requestPolicy: 'cache-and-network' });
  const org = result.data?.organisation;
  const refetch = () => reexecute({ requestPolicy: 'network-only' });
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <Stack gap="lg">
        <ContactDriftAlert drift={org?.contactDrift} />
        {org ? (
          <SettingsForm key={org.version} org={org} onSaved={refetch} />
        ) : result.fetching ? (
          <Loading label={t('loading')} />
        ) : (
          <ErrorAlert error={result.error} onRetry={refetch} />
        )}
        <ResponsePeriodCard />
      </Stack>
    </>
  );
}
