import { Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { PurposesDocument, RecipientsDocument } from '@steward/schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { fieldErrorsFromGraphQLError } from '../../components/errors.js';
import { useLocale } from '../../i18n/locale.js';
import { useProvider } from '../providers/use-provider.js';
import { usePurposeTitle } from '../vocabulary/use-purpose-title.js';
import { ProviderChangeCard, type ProviderChangeProps } from './ProviderChangeCard.js';
import { useApplyCessation } from './use-requests.js';

/** Cessation of use: stop using for purposes (consent is withdrawn too) and/or providing to recipients. */
export function CessationForm({ requestId, providerId, onApplied }: ProviderChangeProps) {
  const { t } = useTranslation('requests');
  const { language } = useLocale();
  const { provider, reload } = useProvider(providerId);
  const [purposes] = useQuery({ query: PurposesDocument, variables: { includeRetired: false } });
  const [recipients] = useQuery({ query: RecipientsDocument });
  const { apply, fetching } = useApplyCessation();
  const purposeTitle = usePurposeTitle();
  const [stopUse, setStopUse] = useState<string[]>([]);
  const [stopTo, setStopTo] = useState<string[]>([]);
  const [stopAll, setStopAll] = useState(false);
  const [messages, setMessages] = useState<string[]>([]);
  const [conflict, setConflict] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  async function onApply() {
    if (!provider) return;
    setMessages([]);
    const res = await apply({
      requestId,
      expectedProviderVersion: provider.version,
      stopUsePurposeKeys: stopUse,
      stopProvisionRecipientIds: stopAll ? [] : stopTo,
      stopAllProvision: stopAll,
    });
    if (res.error) {
      const summary = fieldErrorsFromGraphQLError(res.error);
      setConflict(summary.conflict !== null);
      setMessages(summary.conflict ? [] : [...summary.messages, ...Object.values(summary.fieldErrors)]);
      return;
    }
    const r = res.data!.applyCessation;
    setDone(
      r.withdrawnPurposeKeys.length
        ? t('cessation.doneWithdrawn', {
            count: r.cessations.length,
            purposes: r.withdrawnPurposeKeys.map(purposeTitle).join(t('cessation.separator')),
          })
        : t('cessation.done', { count: r.cessations.length }),
    );
    reload();
    onApplied();
  }

  const toggle = (list: string[], set: (v: string[]) => void, value: string, on: boolean) =>
    set(on ? [...list, value] : list.filter((v) => v !== value));

  return (
    <ProviderChangeCard
      title={t('cessation.title')}
      description={t('cessation.description')}
      conflict={conflict}
      onReload={() => {
        setConflict(false);
        reload();
      }}
      refusedTitle={t('cessation.refused')}
      messages={messages}
      done={done}
    >
      <Group align="flex-start" grow>
        <Stack gap={4} aria-label={t('cessation.stopUsing')}>
          <Text size="sm" fw={500}>
            {t('cessation.stopUsing')}
          </Text>
          {(purposes.data?.purposes ?? []).map((p) => (
            <Checkbox
              key={p.key}
              label={language === 'ja' ? p.titleJa : p.titleEn}
              checked={stopUse.includes(p.key)}
              onChange={(e) => toggle(stopUse, setStopUse, p.key, e.currentTarget.checked)}
            />
          ))}
        </Stack>
        <Stack gap={4} aria-label={t('cessation.stopProviding')}>
          <Text size="sm" fw={500}>
            {t('cessation.stopProviding')}
          </Text>
          <Checkbox
            label={t('cessation.anyone')}
            checked={stopAll}
            onChange={(e) => setStopAll(e.currentTarget.checked)}
          />
          {(recipients.data?.recipients ?? []).map((r) => (
            <Checkbox
              key={r.id}
              label={r.name}
              disabled={stopAll}
              checked={stopAll || stopTo.includes(r.id)}
              onChange={(e) => toggle(stopTo, setStopTo, r.id, e.currentTarget.checked)}
            />
          ))}
        </Stack>
      </Group>
      <Group justify="flex-end" mt="sm">
        <Button
          color="red"
          onClick={() => void onApply()}
          loading={fetching}
          disabled={!provider || (!stopUse.length && !stopTo.length && !stopAll)}
        >
          {t('cessation.stop')}
        </Button>
      </Group>
    </ProviderChangeCard>
  );
}
