import { Button, Code, CopyButton, type ButtonProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A button that copies `value` and says so: "Copied" once clicked, `label` before. */
export function CopyValueButton({ value, label, ...button }: { value: string; label?: string } & ButtonProps) {
  const { t } = useTranslation();
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Button {...button} onClick={copy}>
          {copied ? t('actions.copied') : (label ?? t('actions.copy'))}
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
