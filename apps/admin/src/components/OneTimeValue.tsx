import { Alert, Code, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { CopyValueButton } from './CopyValue.js';

type Props = {
  /** The value, shown this once: it lives only in the caller's state. */
  value: string;
  /** Its accessible name, e.g. "Invitation link". */
  name: string;
  /** The warning's title, e.g. "You will not see this password again". */
  warning: string;
  /** Where the value goes and for how long it works. */
  children?: ReactNode;
  copyLabel: string;
  /** More buttons beside Copy (a download, "Done"). */
  actions?: ReactNode;
};

/** A secret or one-time value the API returned once (a link, a password, recovery codes), with a copy button. */
export function OneTimeValue({ value, name, warning, children, copyLabel, actions }: Props) {
  return (
    <Stack gap="sm">
      <Alert color="orange" variant="light" title={warning}>
        {children}
      </Alert>
      <Code block aria-label={name} style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
        {value}
      </Code>
      <Group justify="flex-end" gap="xs">
        <CopyValueButton value={value} label={copyLabel} variant="light" />
        {actions}
      </Group>
    </Stack>
  );
}
