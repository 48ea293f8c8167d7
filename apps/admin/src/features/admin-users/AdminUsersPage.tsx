import { Alert, Button, Card, Grid, PasswordInput, Stack, Text } from '@mantine/core';
import { FIELD_LIMITS } from '@steward/policy-core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MessagesAlert } from '../../components/ErrorAlert.js';
import {
  fieldErrorsFromGraphQLError,
  messagesOutside,
  type ErrorSummary,
  type FieldErrors,
} from '../../components/errors.js';
import { PageHeader } from '../../components/PageHeader.js';
import {
  ADMIN_USER_FIELDS,
  EMPTY_ADMIN_USER_FORM,
  toCreateAdminUserInput,
  validateAdminUserForm,
  type AdminUserFormValues,
} from './admin-user-form.js';
import { InviteStaffCard, StaffIdentityFields } from './InviteStaffCard.js';
import { StaffTable } from './StaffTable.js';
import { MfaRequirementCard, PendingInvitations } from './StaffSettingsCards.js';
import { useAdminUsers, useCreateAdminUser } from './use-admin-users.js';

/** The staff page (owners): accounts with their actions, invitations, and the second-factor rule. */
export function AdminUsersPage() {
  const { t } = useTranslation('staff');
  const { users, ...query } = useAdminUsers();
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      {/* Both tables take the page's width: actions, last sign-in and expiry stay in view without sideways scrolling. */}
      <Stack gap="md">
        <StaffTable users={users} query={query} />
        <PendingInvitations />
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 6, xl: 4 }}>
            <InviteStaffCard />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6, xl: 4 }}>
            <CreateAdminUserForm />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6, xl: 4 }}>
            <MfaRequirementCard />
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}

/** An account with a password the owner chooses (the invitation is the main path: the member chooses it). */
function CreateAdminUserForm() {
  const { t } = useTranslation('staff');
  const { createAdminUser, fetching } = useCreateAdminUser();
  const [values, setValues] = useState<AdminUserFormValues>(EMPTY_ADMIN_USER_FORM);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [server, setServer] = useState<ErrorSummary | null>(null);
  const [created, setCreated] = useState<string | null>(null);

  function set(key: keyof AdminUserFormValues, value: string) {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => {
      const { [key]: _removed, ...rest } = e;
      return rest;
    });
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    setServer(null);
    const found = validateAdminUserForm(values, t);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const result = await createAdminUser(toCreateAdminUserInput(values));
    if (result.data) {
      setCreated(result.data.createAdminUser.email);
      setValues(EMPTY_ADMIN_USER_FORM);
      return;
    }
    const summary = fieldErrorsFromGraphQLError(result.error);
    setErrors(summary.fieldErrors);
    setServer(summary);
  }

  return (
    <Card withBorder radius="md" padding="md">
      <form onSubmit={submit} noValidate aria-label={t('create.form')}>
        <Stack gap="sm">
          <Text fw={600}>{t('create.title')}</Text>
          {created && (
            <Alert color="teal" variant="light" role="status">
              {t('create.created', { email: created })}
            </Alert>
          )}
          <MessagesAlert
            title={t('create.refused')}
            messages={messagesOutside(server, (f) => (ADMIN_USER_FIELDS as readonly string[]).includes(f))}
          />
          <StaffIdentityFields values={values} set={set} errors={errors} />
          <PasswordInput
            label={t('create.password')}
            description={t('create.passwordHint', { min: FIELD_LIMITS.password.min })}
            autoComplete="new-password"
            required
            value={values.password}
            onChange={(e) => set('password', e.currentTarget.value)}
            error={errors['password']}
          />
          <Button type="submit" loading={fetching}>
            {t('create.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
