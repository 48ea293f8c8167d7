import { Alert, Button, Card, Grid, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { FIELD_LIMITS } from '@steward/policy-core';
import { useState, type FormEvent } from 'react';
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
import { InviteStaffCard, RoleSelect } from './InviteStaffCard.js';
import { StaffTable } from './StaffTable.js';
import { MfaRequirementCard, PendingInvitations } from './StaffSettingsCards.js';
import { STAFF_TEXT } from './staff-texts.js';
import { useAdminUsers, useCreateAdminUser } from './use-admin-users.js';

/** The staff page (owners): accounts with their actions, invitations, and the second-factor rule. */
export function AdminUsersPage() {
  const { users, ...query } = useAdminUsers();
  return (
    <>
      <PageHeader title={STAFF_TEXT.title} description={STAFF_TEXT.description} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <StaffTable users={users} query={query} />
            <PendingInvitations />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <InviteStaffCard />
            <MfaRequirementCard />
            <CreateAdminUserForm />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

function CreateAdminUserForm() {
  const { createAdminUser, fetching } = useCreateAdminUser();
  const [values, setValues] = useState<AdminUserFormValues>(EMPTY_ADMIN_USER_FORM);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [server, setServer] = useState<ErrorSummary | null>(null);
  const [created, setCreated] = useState<string | null>(null);

  function set<K extends keyof AdminUserFormValues>(key: K, value: AdminUserFormValues[K]) {
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
    const found = validateAdminUserForm(values);
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
      <form onSubmit={submit} noValidate aria-label="Create admin user">
        <Stack gap="sm">
          <Text fw={600}>Create admin user</Text>
          {created && (
            <Alert color="teal" variant="light" role="status">
              {created} can now sign in.
            </Alert>
          )}
          <MessagesAlert
            title="Not created"
            messages={messagesOutside(server, (f) => (ADMIN_USER_FIELDS as readonly string[]).includes(f))}
          />
          <TextInput
            label="Email"
            type="email"
            autoComplete="off"
            required
            maxLength={FIELD_LIMITS.email}
            value={values.email}
            onChange={(e) => set('email', e.currentTarget.value)}
            error={errors['email']}
          />
          <TextInput
            label="Display name"
            required
            maxLength={FIELD_LIMITS.displayName}
            value={values.displayName}
            onChange={(e) => set('displayName', e.currentTarget.value)}
            error={errors['displayName']}
          />
          <RoleSelect value={values.role} onChange={(role) => set('role', role)} error={errors['role']} />
          <PasswordInput
            label="Initial password"
            description={`At least ${FIELD_LIMITS.password.min} characters; share it through a separate channel.`}
            autoComplete="new-password"
            required
            value={values.password}
            onChange={(e) => set('password', e.currentTarget.value)}
            error={errors['password']}
          />
          <Button type="submit" loading={fetching}>
            Create user
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
