import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  /** The key just issued, or null when the modal is closed. It lives only in the caller's state. */
  issued: { key: string; label: string } | null;
  /** e.g. "New partner key". */
  title: string;
  /** What the key is called, e.g. "Partner key" (the key's accessible name). */
  keyName: string;
  /** Where the key goes, e.g. "Copy it now and hand it to Yamato Courier over a secure channel." */
  handOver: ReactNode;
  onClose: () => void;
};

/** An API key shown this once, with a warning and a copy button: Steward keeps only a hash of it. */
export function IssuedKeyModal({ issued, title, keyName, handOver, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={issued !== null} onClose={onClose} title={title} size="lg" closeOnClickOutside={false}>
      {issued && (
        <Stack gap="sm">
          <Alert color="orange" variant="light" title={t('keys.issued.warning')} role="alert">
            {t('keys.issued.hashOnly')} {handOver}
          </Alert>
          <Text size="sm" fw={500}>
            {t('keys.issued.keyFor', { label: issued.label })}
          </Text>
          <Code block aria-label={keyName} data-testid="issued-key" style={{ wordBreak: 'break-all' }}>
            {issued.key}
          </Code>
          <Group justify="flex-end">
            <CopyButton value={issued.key}>
              {({ copied, copy }) => (
                <Button variant="light" color={copied ? 'teal' : 'blue'} onClick={copy}>
                  {copied ? t('actions.copied') : t('keys.issued.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>{t('keys.issued.stored')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
