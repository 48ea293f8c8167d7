import { Badge, Button, Card, Text } from '@mantine/core';
import { useState } from 'react';
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
  const { current, draft, fetching, error, refetch } = usePolicyEditor();
  const { createDraft, fetching: creating } = usePolicyDraftMutations();
  const canWrite = useCanWrite();
  const [createError, setCreateError] = useState<ErrorLike | undefined>();

  if (!current)
    return fetching ? <Loading label="Loading the policy" /> : <ErrorAlert error={error} onRetry={refetch} />;

  return (
    <>
      <PageHeader
        title="Policy editor"
        badges={
          <>
            <Badge variant="light" color="teal">
              In force: version {current.number}
            </Badge>
            {draft && <Badge variant="light">Draft: version {draft.number}</Badge>}
          </>
        }
        description={`Version ${current.number} published ${formatDateTime(current.publishedAt)}. A new version takes effect as soon as it is published.`}
        actions={
          <Button component={Link} to="/privacy" variant="default" size="xs" target="_blank">
            Public page
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
              There is no draft. A draft starts as a copy of version {current.number}: edit its clauses (Japanese and
              English), its purposes of use and the change summary, check the changes and who must be asked for consent
              again, then publish.
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
                Start version {current.number + 1}
              </Button>
            )}
          </Card>
          {current.number > 1 && (
            <Card
              withBorder
              padding="md"
              mt="md"
              component="section"
              aria-label={`Still to ask for version ${current.number}`}
            >
              <Text fw={600} mb="xs">
                Still to ask for version {current.number}
              </Text>
              <PolicyImpactPanel versionId={current.id} />
            </Card>
          )}
        </>
      )}
    </>
  );
}
