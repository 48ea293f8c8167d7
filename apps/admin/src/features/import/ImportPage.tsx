import { Button, Card, FileInput, Group, Stack, Text } from '@mantine/core';
import type { ImportColumnInput, ProviderKind } from '@steward/schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal.js';
import { ErrorAlert, MessagesAlert } from '../../components/ErrorAlert.js';
import { formatNumber } from '../../components/format.js';
import { Loading } from '../../components/Loading.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ImportMapping } from './ImportMapping.js';
import { ImportPreview } from './ImportPreview.js';
import { ImportProgress } from './ImportProgress.js';
import { mappingFromGuesses } from './import-view.js';
import { uploadImportFile, useImportDryRun, useImportFile, useStartImport } from './use-import.js';

/** The upload route's refusals the page words itself; any other code is shown as "other". */
const UPLOAD_ERRORS = [
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'EMPTY',
  'UNREADABLE',
  'TOO_MANY_COLUMNS',
  'TOO_MANY_ROWS',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'NETWORK',
];

/**
 * Importing existing members (owners and privacy officers): upload a CSV or xlsx file, map its
 * columns to Steward's fields, read the dry run (nothing is written), then confirm and follow the
 * MEMBER_IMPORT job to its result. Each step below the one before, so what was chosen stays in view.
 */
export function ImportPage() {
  const { t } = useTranslation('import');
  const [picked, setPicked] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [fileId, setFileId] = useState<string | null>(null);
  // The mapping as edited for one file; until then, the API's guesses for it.
  const [edited, setEdited] = useState<{ fileId: string; mapping: ImportColumnInput[] } | null>(null);
  const [providerKind, setProviderKind] = useState<ProviderKind>('RELATED_PERSONNEL');
  const [confirming, setConfirming] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const { file, fetching: fileLoading, error: fileError } = useImportFile(fileId);
  const dryRun = useImportDryRun();
  const starter = useStartImport();

  const mapping = file && edited?.fileId === file.id ? edited.mapping : file ? mappingFromGuesses(file.columns) : [];
  const setMapping = (next: ImportColumnInput[]) => file && setEdited({ fileId: file.id, mapping: next });

  async function upload() {
    if (!picked) return;
    setUploading(true);
    setUploadError(null);
    const result = await uploadImportFile(picked);
    setUploading(false);
    if ('error' in result) return setUploadError(result.error);
    dryRun.reset();
    setJobId(null);
    setFileId(result.id);
  }

  const settings = fileId ? { fileId, mapping, providerKind } : null;
  // A changed mapping or kind makes the preview stale: it is run again before an import.
  const change =
    <T,>(set: (v: T) => void) =>
    (value: T) => {
      set(value);
      dryRun.reset();
    };

  async function start() {
    if (!settings) return;
    const result = await starter.start(settings);
    setConfirming(false);
    if (result.data) setJobId(result.data.startImport.id);
  }

  return (
    <Stack gap="md">
      <PageHeader title={t('title')} description={t('description')} />
      <Card withBorder>
        <Stack gap="sm">
          <Text fw={600}>{t('upload.title')}</Text>
          <Group align="flex-end">
            <FileInput
              label={t('upload.file')}
              description={t('upload.hint')}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={picked}
              onChange={setPicked}
              clearable
              miw={280}
              disabled={jobId !== null}
            />
            <Button onClick={() => void upload()} loading={uploading} disabled={!picked || jobId !== null}>
              {t('upload.send')}
            </Button>
          </Group>
          <MessagesAlert
            title={t('upload.refused')}
            messages={
              uploadError
                ? [
                    t(`upload.errors.${UPLOAD_ERRORS.includes(uploadError) ? uploadError : 'other'}`, {
                      code: uploadError,
                    }),
                  ]
                : []
            }
          />
          {file && (
            <Text size="sm" data-testid="import-file">
              {t('upload.stored', { rows: file.rowCount, columns: file.columns.length, sha: file.sha256.slice(0, 12) })}
            </Text>
          )}
        </Stack>
      </Card>
      <ErrorAlert error={fileError} />
      {fileId && fileLoading && !file && <Loading label={t('upload.reading')} />}
      {file && settings && (
        <ImportMapping
          columns={file.columns}
          mapping={mapping}
          providerKind={providerKind}
          onMappingChange={change(setMapping)}
          onProviderKindChange={change(setProviderKind)}
          onDryRun={() => void dryRun.load(settings, 0)}
          checking={dryRun.fetching && !dryRun.run}
        />
      )}
      <ErrorAlert error={dryRun.error} />
      {file && settings && dryRun.run && (
        <ImportPreview
          run={dryRun.run}
          headers={file.columns.map((c) => c.header)}
          page={dryRun.page}
          onPage={(page) => void dryRun.load(settings, page)}
          fetching={dryRun.fetching}
          onImport={() => setConfirming(true)}
        />
      )}
      <ErrorAlert error={starter.error} />
      {jobId && <ImportProgress jobId={jobId} />}
      <ConfirmModal
        opened={confirming && jobId === null}
        title={t('confirm.title')}
        confirmLabel={t('confirm.action', { count: dryRun.run?.ready ?? 0 })}
        loading={starter.fetching}
        onConfirm={() => void start()}
        onCancel={() => setConfirming(false)}
      >
        {t('confirm.body', {
          ready: formatNumber(dryRun.run?.ready ?? 0),
          existing: formatNumber(dryRun.run?.existing ?? 0),
          invalid: formatNumber(dryRun.run?.invalid ?? 0),
        })}
      </ConfirmModal>
    </Stack>
  );
}
