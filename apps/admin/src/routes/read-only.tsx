import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Who may use a screen the signed-in role may not: a key of `readOnly` in the `common` catalogue. */
export type ReadOnlyReason =
  | 'adminUsers'
  | 'audit'
  | 'decisionTester'
  | 'draftExceptions'
  | 'editExceptions'
  | 'import'
  | 'inquiries'
  | 'jobs'
  | 'ledger'
  | 'ledgerEntries'
  | 'outbox'
  | 'systems';

/** A screen the signed-in role may not use, and who may (without a reason: this role only reads). */
export function ReadOnlyNotice({ reason }: { reason?: ReadOnlyReason }) {
  const { t } = useTranslation();
  return (
    <Alert color="gray" title={t('readOnly.title')} role="alert">
      {reason ? t(`readOnly.${reason}`) : t('readOnly.default')}
    </Alert>
  );
}
