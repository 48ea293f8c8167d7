import { Card, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ConflictAlert } from '../../components/ConflictAlert.js';
import { MessagesAlert } from '../../components/ErrorAlert.js';

/** What a change to the provider's data under a request (amendment, cessation) is given. */
export type ProviderChangeProps = {
  requestId: string;
  providerId: string;
  /** Called once the change is applied, to reload the request. */
  onApplied: () => void;
};

/**
 * The card around a change to the provider's data under a request: its title and what it does, the
 * version conflict (with a reload), the API's refusal and, once applied, what was done.
 */
export function ProviderChangeCard({
  title,
  description,
  conflict,
  onReload,
  refusedTitle,
  messages,
  done,
  children,
}: {
  title: string;
  description: ReactNode;
  /** The provider changed since it was read: offer to reload it. */
  conflict: boolean;
  onReload: () => void;
  /** The refusal's title, e.g. "Nothing was stopped". */
  refusedTitle: string;
  messages: string[];
  /** What was done, announced as a status; null before. */
  done: string | null;
  children: ReactNode;
}) {
  return (
    <Card withBorder radius="md">
      <Text fw={600}>{title}</Text>
      <Text size="xs" c="dimmed" mb="sm">
        {description}
      </Text>
      {conflict && <ConflictAlert onReload={onReload} />}
      <MessagesAlert title={refusedTitle} messages={messages} />
      {done && (
        <Text size="sm" c="green" role="status" mb="xs">
          {done}
        </Text>
      )}
      {children}
    </Card>
  );
}
