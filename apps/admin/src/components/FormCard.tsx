import { Card, Stack, Text } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { MessagesAlert } from './ErrorAlert.js';
import { fieldErrorsFromGraphQLError, messagesOutside, type ErrorLike, type FieldErrors } from './errors.js';

/**
 * A form's error state: issues on its own fields, and messages for the rest. `report` puts an API
 * refusal where it belongs (the fields `isField` accepts, the other issues as messages).
 */
export function useFormErrors(isField: (field: string) => boolean) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [messages, setMessages] = useState<string[]>([]);
  return {
    errors,
    setErrors,
    messages,
    setMessages,
    /** Clears one field's issue, e.g. as it is edited. */
    clearField: (field: string) => setErrors((x) => ({ ...x, [field]: '' })),
    report(error: ErrorLike | null | undefined) {
      const summary = fieldErrorsFromGraphQLError(error);
      setErrors(summary.fieldErrors);
      setMessages(messagesOutside(summary, isField));
    },
  };
}

/** A small form in a card beside a list: its title, the API's refusal (under `refusedTitle`), then its fields. */
export function FormCard({
  label,
  title,
  refusedTitle,
  messages,
  onSubmit,
  children,
}: {
  /** The form's accessible name. */
  label: string;
  title: string;
  refusedTitle: string;
  messages: string[];
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  return (
    <Card withBorder radius="md" padding="md">
      <form onSubmit={onSubmit} noValidate aria-label={label}>
        <Stack gap="sm">
          <Text fw={600}>{title}</Text>
          <MessagesAlert title={refusedTitle} messages={messages} />
          {children}
        </Stack>
      </form>
    </Card>
  );
}
