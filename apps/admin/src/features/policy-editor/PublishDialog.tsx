import { Alert, Button, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import type { PolicyVersionFullFragment } from '@steward/schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, MessagesAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { ContactDriftList } from '../organisation-settings/ContactDriftAlert.js';
import { ImpactSummary, PurposeChangeList } from './PolicyChangeViews.js';
import { messagesOf } from './policy-draft-form.js';
import { usePolicyDraftMutations, usePolicyImpact } from './use-policy-editor.js';

/** The typed confirmation of clause 7's "effective immediately": the impact, then the version number. */
export function PublishDialog({
  draft,
  onClose,
  onPublished,
}: {
  draft: PolicyVersionFullFragment;
  onClose: () => void;
  onPublished: () => void;
}) {
  const { t } = useTranslation('policy-editor');
  const { impact, error: impactError } = usePolicyImpact(draft.id, false);
  const { publish, fetching } = usePolicyDraftMutations();
  const [typed, setTyped] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  // The text names other contact details than the settings: publishing asks for one more confirmation.
  const drifting = draft.contactDrift.length > 0;
  const [driftConfirmed, setDriftConfirmed] = useState(false);
  async function confirm() {
    const res = await publish(draft.id, draft.version, Number(typed));
    if (res.error) setErrors(messagesOf(res.error));
    else onPublished();
  }
  return (
    <Modal opened onClose={onClose} title={t('publish.title', { number: draft.number })} size="lg">
      <Stack gap="sm">
        <Text size="sm">{t('publish.effect', { number: draft.number })}</Text>
        {(draft.changeSummaryJa || draft.changeSummaryEn) && (
          <Text size="sm" component="div">
            <Text span fw={600}>
              {t('publish.changeSummary')}{' '}
            </Text>
            <Text span lang="ja">
              {draft.changeSummaryJa}
            </Text>
            {draft.changeSummaryJa && draft.changeSummaryEn && ' / '}
            {draft.changeSummaryEn}
          </Text>
        )}
        {drifting && (
          <Alert color="orange" variant="light" title={t('contact:drift.publishTitle')} role="alert">
            <Stack gap="xs">
              <ContactDriftList drift={draft.contactDrift} />
              <Checkbox
                label={t('contact:drift.publishConfirm')}
                checked={driftConfirmed}
                onChange={(e) => setDriftConfirmed(e.currentTarget.checked)}
              />
            </Stack>
          </Alert>
        )}
        <ErrorAlert error={impactError} />
        {impact ? (
          <>
            <PurposeChangeList changes={impact.purposeChanges} purposes={draft.purposes} />
            <ImpactSummary impact={impact} />
          </>
        ) : (
          <Loading label={t('impact.computing')} />
        )}
        <TextInput
          label={t('publish.typeToConfirm', { number: draft.number })}
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
          inputMode="numeric"
          data-autofocus
        />
        <MessagesAlert title={t('publish.refused')} messages={errors} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button
            color="red"
            disabled={typed !== String(draft.number) || (drifting && !driftConfirmed)}
            loading={fetching}
            onClick={() => void confirm()}
          >
            {t('publish.confirm', { number: draft.number })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
