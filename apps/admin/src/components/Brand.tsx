import { Group, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function Brand({ size = 'md' }: { size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  const lg = size === 'lg';
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size={lg ? 36 : 28} radius="md" variant="filled" aria-hidden>
        <Text fw={800} fz={lg ? 20 : 16} lh={1} c="white">
          S
        </Text>
      </ThemeIcon>
      <Text fw={700} fz={lg ? 24 : 18} lh={1}>
        {t('appName')}
      </Text>
    </Group>
  );
}
