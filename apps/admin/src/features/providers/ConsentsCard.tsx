import { Button, Card, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { CONSENT_METHODS, FIELD_LIMITS } from '@steward/policy-core';
import type { ConsentAction, ConsentMethod } from '@steward/schema';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ConflictAlert } from '../../components/ConflictAlert.js';
import { ConsentStateBadge } from '../../components/ConsentStateBadge.js';
import { MessagesAlert } from '../../components/ErrorAlert.js';
import { fieldErrorsFromGraphQLError, messagesOutside, type ErrorSummary } from '../../components/errors.js';
import { formatDate } from '../../components/format.js';
import { CONSENT_METHOD_LABEL } from '../../components/labels.js';
import { useLocale } from '../../i18n/locale.js';
import { inLanguage, purposeTitle } from '../vocabulary/localized-title.js';
import { availableConsentActions, CONSENT_ACTION_COLOR } from './consent-actions.js';
import type { ProviderDetail } from './use-provider.js';
import { useRecordConsent } from './use-record-consent.js';

type Consent = ProviderDetail['consents'][number];
type Target = { consent: Consent; action: ConsentAction };

type Props = {
  provider: Pick<ProviderDetail, 'id' | 'version' | 'reference'>;
  consents: readonly Consent[];
  writable: boolean;
  onReload: () => void;
};

export function ConsentsCard({ provider, consents, writable, onReload }: Props) {
  const { t } = useTranslation('providers');
  const { language } = useLocale();
  const [target, setTarget] = useState<Target | null>(null);

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="consents-heading">
      <Text fw={600} id="consents-heading" mb="xs">
        {t('consents.title')}
      </Text>
      {consents.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('consents.empty')}
        </Text>
      )}
      <Stack gap={0}>
        {consents.map((consent, index) => {
          const title = inLanguage(language, consent.purpose.titleEn, consent.purpose.titleJa);
          return (
            <Group
              key={consent.purpose.key}
              justify="space-between"
              align="flex-start"
              wrap="nowrap"
              py={8}
              style={index > 0 ? { borderTop: '1px solid var(--mantine-color-gray-2)' } : undefined}
              role="group"
              aria-label={t('consents.group', { purpose: title.shown })}
            >
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text size="sm" fw={500}>
                  {title.shown}
                </Text>
                <Text size="xs" c="dimmed" lang={language === 'ja' ? 'en' : 'ja'}>
                  {title.other}
                </Text>
                <Text size="xs" c="dimmed">
                  {consent.since ? t('consents.since', { date: formatDate(consent.since) }) : t('consents.neverAsked')}
                  {consent.policyVersion != null && ` · ${t('policyVersion', { version: consent.policyVersion })}`}
                </Text>
              </Stack>
              <Stack gap={6} align="flex-end">
                <ConsentStateBadge state={consent.state} />
                {writable && (
                  <Group gap={4} wrap="nowrap">
                    {availableConsentActions(consent.state).map((action) => (
                      <Button
                        key={action}
                        size="compact-xs"
                        variant="light"
                        color={CONSENT_ACTION_COLOR[action]}
                        onClick={() => setTarget({ consent, action })}
                        aria-label={t('consents.actionLabel', { action, purpose: title.shown })}
                      >
                        {t('consents.action', { action })}
                      </Button>
                    ))}
                  </Group>
                )}
              </Stack>
            </Group>
          );
        })}
      </Stack>
      {writable && (
        <ConsentActionModal provider={provider} target={target} onClose={() => setTarget(null)} onReload={onReload} />
      )}
    </Card>
  );
}

const CONSENT_FIELDS = new Set(['method', 'note']);

function ConsentActionModal({
  provider,
  target,
  onClose,
  onReload,
}: {
  provider: Props['provider'];
  target: Target | null;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation('providers');
  const { language } = useLocale();
  const { recordConsent, fetching } = useRecordConsent();
  const [method, setMethod] = useState<ConsentMethod | ''>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<ErrorSummary | null>(null);

  function close() {
    setMethod('');
    setNote('');
    setErrors(null);
    onClose();
  }

  async function submit() {
    if (!target) return;
    if (!method) {
      setErrors({
        code: 'BAD_USER_INPUT',
        fieldErrors: { method: t('consents.modal.methodRequired') },
        messages: [],
        conflict: null,
      });
      return;
    }
    const result = await recordConsent({
      providerId: provider.id,
      purposeKey: target.consent.purpose.key,
      action: target.action,
      method,
      note: note.trim() || null,
      expectedProviderVersion: provider.version,
    });
    if (result.error) setErrors(fieldErrorsFromGraphQLError(result.error));
    else close();
  }

  const purpose = target ? purposeTitle(target.consent.purpose, language) : '';

  return (
    <Modal
      opened={target !== null}
      onClose={close}
      title={target ? t('consents.modal.title', { action: target.action, purpose }) : ''}
    >
      {target && (
        <Stack gap="sm">
          <Text size="sm">
            <Trans
              t={t}
              i18nKey="consents.modal.body"
              values={{ reference: provider.reference, action: target.action, purpose }}
              components={{ b: <b /> }}
            />
          </Text>
          <NativeSelect
            label={t('consents.modal.method')}
            description={t('consents.modal.methodDescription')}
            value={method}
            onChange={(e) => setMethod(e.currentTarget.value as ConsentMethod | '')}
            data={[
              { value: '', label: t('choose'), disabled: true },
              ...CONSENT_METHODS.map((m) => ({ value: m, label: CONSENT_METHOD_LABEL[m] })),
            ]}
            error={errors?.fieldErrors['method']}
            required
          />
          <Textarea
            label={t('consents.modal.note')}
            description={t('consents.modal.noteDescription')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={FIELD_LIMITS.note}
            error={errors?.fieldErrors['note']}
            autosize
            minRows={2}
          />
          {errors?.conflict ? (
            <ConflictAlert
              onReload={() => {
                onReload();
                setErrors(null);
              }}
            />
          ) : (
            <MessagesAlert
              title={t('consents.modal.notRecorded')}
              messages={messagesOutside(errors, (f) => CONSENT_FIELDS.has(f))}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button color={CONSENT_ACTION_COLOR[target.action]} onClick={submit} loading={fetching}>
              {t('consents.action', { action: target.action })}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
