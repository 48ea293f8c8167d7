import { Alert } from '@mantine/core';

export function ReadOnlyNotice({ what = 'Your role can read but not change anything.' }: { what?: string }) {
  return (
    <Alert color="gray" title="Read-only access" role="alert">
      {what}
    </Alert>
  );
}
