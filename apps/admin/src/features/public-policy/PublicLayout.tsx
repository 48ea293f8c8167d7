import { Container, Group, SegmentedControl } from '@mantine/core';
import type { PolicyLanguage } from '@steward/schema';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { Brand } from '../../components/Brand.js';
import { languageOf } from './public-texts.js';

/** The public pages' frame: no sign-in, no navigation, a language switch kept in `?lang=`. */
export function usePublicLanguage(): [PolicyLanguage, (l: PolicyLanguage) => void] {
  const [params, setParams] = useSearchParams();
  return [languageOf(params.get('lang')), (l) => setParams(l === 'ja' ? {} : { lang: l }, { replace: true })];
}

export function PublicLayout({ children }: { children: ReactNode }) {
  const [language, setLanguage] = usePublicLanguage();
  return (
    <Container size="md" py="lg" lang={language}>
      <style>{'@media print { .no-print { display: none !important; } }'}</style>
      <Group justify="space-between" mb="lg" className="no-print">
        <Brand />
        <SegmentedControl
          aria-label="Language"
          size="xs"
          value={language}
          onChange={(v) => setLanguage(languageOf(v))}
          data={[
            { value: 'ja', label: '日本語' },
            { value: 'en', label: 'English' },
          ]}
        />
      </Group>
      {children}
    </Container>
  );
}
