import { Alert, Button, Card, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { EXCEPTION_KINDS } from '@steward/policy-core';
import type {
  ExceptionFieldsFragment,
  ExceptionKind,
  PurposeFieldsFragment,
  RecipientFieldsFragment,
} from '@steward/schema';
import { Link } from 'react-router';
import { MessagesAlert } from '../../components/ErrorAlert.js';
import { EvidenceFields } from './EvidenceFields.js';
import { exceptionFormFields } from './exception-form.js';
import { EXCEPTION_KIND_LABEL } from './exception-labels.js';
import { ScopeFields } from './ScopeFields.js';
import { useExceptionForm } from './use-exception-form.js';

type FormProps = {
  purposes: readonly PurposeFieldsFragment[];
  recipients: readonly RecipientFieldsFragment[];
  existing: ExceptionFieldsFragment | null;
};

/** The exception's kind and title, its evidence and its scope; creates a draft or saves one. */
export function ExceptionForm({ purposes, recipients, existing }: FormProps) {
  const { values, set, errors, err, server, submit, saving } = useExceptionForm(purposes, existing);

  const fieldCount = Object.keys(errors).filter((k) => exceptionFormFields(values.kind).includes(k)).length;
  return (
    <form onSubmit={submit} noValidate aria-label="Exception">
      <Stack gap="md">
        {fieldCount > 0 && (
          <Alert color="red" variant="light" title="The exception was not saved" role="alert">
            Correct the {fieldCount === 1 ? 'field' : `${fieldCount} fields`} marked below.
          </Alert>
        )}
        <MessagesAlert title="The API refused the exception" messages={server.messages} />

        <Card withBorder radius="md" padding="md">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <NativeSelect
              label="Kind"
              required
              value={values.kind}
              disabled={existing !== null}
              onChange={(e) => set('kind', e.currentTarget.value as ExceptionKind, ['kind'])}
              data={EXCEPTION_KINDS.map((k) => ({ value: k, label: EXCEPTION_KIND_LABEL[k] }))}
              error={err('kind')}
            />
            <TextInput
              label="Title"
              required
              placeholder="Journal delivery by courier"
              value={values.title}
              onChange={(e) => set('title', e.currentTarget.value, ['title'])}
              error={err('title')}
            />
          </SimpleGrid>
        </Card>

        <EvidenceFields values={values} set={set} err={err} purposes={purposes} recipients={recipients} />

        <ScopeFields values={values} set={set} err={err} purposes={purposes} recipients={recipients} />

        <Group justify="flex-end">
          <Button
            component={Link}
            to={existing ? `/exceptions/${encodeURIComponent(existing.id)}` : '/exceptions'}
            variant="default"
          >
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            {existing ? 'Save draft' : 'Create draft'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
