import { Button, Code, CopyButton, type ButtonProps } from '@mantine/core';

/** A button that copies `value` and says so: "Copied" once clicked, `label` before. */
export function CopyValueButton({ value, label = 'Copy', ...button }: { value: string; label?: string } & ButtonProps) {
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Button {...button} onClick={copy}>
          {copied ? 'Copied' : label}
        </Button>
      )}
    </CopyButton>
  );
}

/** A hash (or any long token) in full, breaking anywhere, with a small copy button after it. */
export function CopyableHash({ value, label }: { value: string; /** Its accessible name. */ label: string }) {
  return (
    <>
      <Code style={{ wordBreak: 'break-all' }} aria-label={label}>
        {value}
      </Code>
      <CopyValueButton value={value} size="compact-xs" variant="subtle" />
    </>
  );
}
