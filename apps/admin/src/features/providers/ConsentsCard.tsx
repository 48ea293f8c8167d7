import { Button, Card, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { CONSENT_METHODS, FIELD_LIMITS } from '@steward/policy-core';
import type { ConsentAction, ConsentMethod } from '@steward/schema';
import { useState } from 'react';
import { ConflictAlert } from '../../components/ConflictAlert.js';
import { ConsentStateBadge } from '../../components/ConsentStateBadge.js';
import { MessagesAlert } from '../../components/ErrorAlert.js';
import { fieldErrorsFromGraphQLError, messagesOutside, type ErrorSummary } from '../../components/errors.js';
import { formatDate } from '../../components/format.js';
import { CONSENT_METHOD_LABEL } from '../../components/labels.js';
import { availableConsentActions, CONSENT_ACTION_BUTTON } from './consent-actions.js';
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
  const [target, setTarget] = useState<Target | null>(null);

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="consents-heading">
      <Text fw={600} id="consents-heading" mb="xs">
        Current consent
      </Text>
      {consents.length === 0 && (
        <Text size="sm" c="dimmed">
          No active purposes.
        </Text>
      )}
      <Stack gap={0}>
        {consents.map((consent, index) => (
          <Group
            key={consent.purpose.key}
            justify="space-between"
            align="flex-start"
            wrap="nowrap"
            py={8}
            style={index > 0 ? { borderTop: '1px solid var(--mantine-color-gray-2)' } : undefined}
            role="group"
            aria-label={`Consent for ${consent.purpose.titleEn}`}
          >
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text size="sm" fw={500}>
                {consent.purpose.titleEn}
              </Text>
              <Text size="xs" c="dimmed" lang="ja">
                {consent.purpose.titleJa}
              </Text>
              <Text size="xs" c="dimmed">
                {consent.since ? `since ${formatDate(consent.since)}` : 'never asked'}
                {consent.policyVersion != null && ` · policy v${consent.policyVersion}`}
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
                      color={CONSENT_ACTION_BUTTON[action].color}
                      onClick={() => setTarget({ consent, action })}
                      aria-label={`${CONSENT_ACTION_BUTTON[action].label} consent for ${consent.purpose.titleEn}`}
                    >
                      {CONSENT_ACTION_BUTTON[action].label}
                    </Button>
                  ))}
                </Group>
              )}
            </Stack>
          </Group>
        ))}
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
        fieldErrors: { method: 'Choose how the provider expressed this.' },
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

  const button = target ? CONSENT_ACTION_BUTTON[target.action] : null;

  return (
    <Modal
      opened={target !== null}
      onClose={close}
      title={target && button ? `${button.label} consent — ${target.consent.purpose.titleEn}` : ''}
    >
      {target && button && (
        <Stack gap="sm">
          <Text size="sm">
            Record that <b>{provider.reference}</b> {button.verb} consent to “{target.consent.purpose.titleEn}”. The
            consent history keeps every change; nothing is overwritten.
          </Text>
          <NativeSelect
            label="Method"
            description="How the provider expressed this"
            value={method}
            onChange={(e) => setMethod(e.currentTarget.value as ConsentMethod | '')}
            data={[
              { value: '', label: 'Choose…', disabled: true },
              ...CONSENT_METHODS.map((m) => ({ value: m, label: CONSENT_METHOD_LABEL[m] })),
            ]}
            error={errors?.fieldErrors['method']}
            required
          />
          <Textarea
            label="Note"
            description="Optional: e.g. the letter or e-mail this refers to"
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
            <MessagesAlert title="Not recorded" messages={messagesOutside(errors, (f) => CONSENT_FIELDS.has(f))} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color={button.color} onClick={submit} loading={fetching}>
              {button.label}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
