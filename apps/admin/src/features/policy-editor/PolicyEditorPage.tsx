import { Badge, Button, Card, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import type { ErrorLike } from '../../components/errors.js';
import { formatDateTime } from '../../components/format.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useCanWrite } from '../session/session-context.js';
import { DraftEditor } from './DraftEditor.js';
import { PolicyImpactPanel } from './PolicyChangeViews.js';
import { usePolicyDraftMutations, usePolicyEditor } from './use-policy-editor.js';

/** Drafting, comparing and publishing the next policy version (clauses 5 and 7). */
export function PolicyEditorPage() {
  const { t } = useTranslation('policy-editor');
  const { current, draft, fetching, error, refetch } = usePolicyEditor();
  const { createDraft, fetching: creating } = usePolicyDraftMutations();
  const canWrite = useCanWrite();
  const [createError, setCreateError] = useState<ErrorLike | undefined>();

  if (!current) return fetching ? <Loading label={t('loading')} /> : <ErrorAlert error={error} onRetry={refetch} />;

  return (
    <>
      <PageHeader
        title={t('title')}
        badges={
          <>
            <Badge variant="light" color="teal">
              {t('inForce', { number: current.number })}
            </Badge>
            {draft && <Badge variant="light">{t('draftBadge', { number: draft.number })}</Badge>}
          </>
        }
        description={t('description', { number: current.number, date: formatDateTime(current.publishedAt) })}
        actions={
          <Button component={Link} to="/privacy" variant="default" size="xs" target="_blank">
            {t('publicPage')}
          </Button>
        }
      />
      <ErrorAlert error={error ?? createError} onRetry={refetch} />
      {draft ? (
        <DraftEditor key={draft.id} draft={draft} current={current} onChanged={refetch} />
      ) : (
        <>
          <Card withBorder padding="md">
            <Text size="sm" mb="sm">
              {t('noDraft', { number: current.number })}
            </Text>
            {canWrite && (
              <Button
                loading={creating}
                onClick={() =>
                  void createDraft().then((res) => {
                    setCreateError(res.error);
                    refetch();
                  })
                }
              >
                {t('start', { number: current.number + 1 })}
              </Button>
            )}
          </Card>
          {current.number > 1 && (
            <Card
              withBorder
              padding="md"
              mt="md"
              component="section"
              aria-label={t('stillToAsk', { number: current.number })}
            >
              <Text fw={600} mb="xs">
                {t('stillToAsk', { number: current.number })}
              </Text>
              <PolicyImpactPanel versionId={current.id} purposes={current.purposes} />
            </Card>
          )}
        </>
      )}
    </>
  );
}
