import { Alert, Badge, Button, Card, Grid, NativeSelect, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { ADMIN_ROLES, FIELD_LIMITS } from '@steward/policy-core';
import type { AdminRole, AdminUserFieldsFragment } from '@steward/schema';
import { useState, type FormEvent } from 'react';
import { DataTable, type DataColumn } from '../../components/DataTable.js';
import { MessagesAlert } from '../../components/ErrorAlert.js';
import {
  fieldErrorsFromGraphQLError,
  messagesOutside,
  type ErrorSummary,
  type FieldErrors,
} from '../../components/errors.js';
import { formatDateTime } from '../../components/format.js';
import { ROLE_LABEL } from '../../components/labels.js';
import { PageHeader } from '../../components/PageHeader.js';
import {
  ADMIN_USER_FIELDS,
  EMPTY_ADMIN_USER_FORM,
  toCreateAdminUserInput,
  validateAdminUserForm,
  type AdminUserFormValues,
} from './admin-user-form.js';
import { useAdminUsers, useCreateAdminUser } from './use-admin-users.js';

const ROLE_DESCRIPTION: Record<AdminRole, string> = {
  OWNER: 'Everything, including admin users',
  PRIVACY_OFFICER: 'Records collections and consents',
  VIEWER: 'Reads only',
};

const COLUMNS: DataColumn<AdminUserFieldsFragment>[] = [
  {
    id: 'name',
    header: 'Name',
    value: (u) => u.displayName,
    bold: true,
  },
  { id: 'email', header: 'Email', value: (u) => u.email },
  {
    id: 'role',
    header: 'Role',
    value: (u) => ROLE_LABEL[u.role],
    cell: (u) => (
      <Badge variant="light" color={u.role === 'VIEWER' ? 'gray' : 'blue'} size="sm">
        {ROLE_LABEL[u.role]}
      </Badge>
    ),
  },
  { id: 'createdAt', header: 'Created', value: (u) => u.createdAt, cell: (u) => formatDateTime(u.createdAt) },
  {
    id: 'lastLoginAt',
    header: 'Last sign-in',
    value: (u) => u.lastLoginAt,
    cell: (u) => (u.lastLoginAt ? formatDateTime(u.lastLoginAt) : 'Never'),
  },
];

export function AdminUsersPage() {
  const { users, ...query } = useAdminUsers();
  return (
    <>
      <PageHeader title="Admin users" description="Who may use Steward, and with which role." />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <DataTable
            label="Admin users"
            columns={COLUMNS}
            rows={users}
            empty="No admin users."
            query={query}
            loadingLabel="Loading admin users"
            minWidth={600}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <CreateAdminUserForm />
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
          <NativeSelect
            label="Role"
            required
            value={values.role}
            onChange={(e) => set('role', e.currentTarget.value as AdminRole | '')}
            data={[
              { value: '', label: 'Choose…', disabled: true },
              ...ADMIN_ROLES.map((r) => ({ value: r, label: `${ROLE_LABEL[r]} — ${ROLE_DESCRIPTION[r]}` })),
            ]}
            error={errors['role']}
          />
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
