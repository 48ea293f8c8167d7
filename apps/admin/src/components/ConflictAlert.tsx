import { Alert, Button, Text } from '@mantine/core';

/** Shown after a CONFLICT (optimistic lock): someone saved the same record first. */
export function ConflictAlert({ onReload, what = 'this provider' }: { onReload: () => void; what?: string }) {
  return (
    <Alert color="yellow" variant="light" title="Changed by someone else" role="alert">
      <Text size="sm" mb="xs">
        Someone else changed {what} while you were working — reload to see the current version, then try again. What you
        entered here is kept.
      </Text>
      <Button size="xs" variant="default" onClick={onReload}>
        Reload
      </Button>
    </Alert>
  );
}
