import { Alert, Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, type ErrorLike } from './errors.js';

type Props = {
  error: ErrorLike | null | undefined;
  /** Overrides the title derived from the error code. */
  title?: string;
  /** e.g. a "Reload" button. */
  action?: ReactNode;
  onRetry?: () => void;
};

/** An operation's error, titled by its `extensions.code`; nothing when there is no error. */
export function ErrorAlert({ error, title, action, onRetry }: Props) {
  const { t } = useTranslation();
  if (!error) return null;
  const description = describeError(error);
  return (
    <Alert color="red" variant="light" title={title ?? description.title} role="alert">
      <Text size="sm">{description.message}</Text>
      {(action || onRetry) && (
        <Group mt="xs" gap="xs">
          {action}
          {onRetry && (
            <Button size="xs" variant="default" onClick={onRetry}>
              {t('actions.retry')}
            </Button>
          )}
        </Group>
      )}
    </Alert>
  );
}

/** A list of messages (e.g. form-level errors) as one alert. */
export function MessagesAlert({ title, messages }: { title: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      {messages.length === 1 ? (
        <Text size="sm">{messages[0]}</Text>
      ) : (
        <ul style={{ margin: 0, paddingInlineStart: '1.2em' }}>
          {messages.map((m) => (
            <li key={m}>
              <Text size="sm">{m}</Text>
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
