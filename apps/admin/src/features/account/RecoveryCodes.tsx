import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { downloadText } from '../../components/download.js';
import { OneTimeValue } from '../../components/OneTimeValue.js';

/** The downloaded file's name (not translated: it names a file, not a thing to read). */
const FILE_NAME = 'steward-recovery-codes.txt';

/** Ten recovery codes, shown once: copy, download as text, then "stored" closes them for good. */
export function RecoveryCodes({ codes, onDone }: { codes: readonly string[]; onDone: () => void }) {
  const { t } = useTranslation('account');
  const text = codes.join('\n');
  return (
    <OneTimeValue
      value={text}
      name={t('codes.name')}
      warning={t('codes.warning')}
      copyLabel={t('codes.copy')}
      actions={
        <>
          <Button variant="light" onClick={() => downloadText(FILE_NAME, `${text}\n`, 'text/plain')}>
            {t('codes.download')}
          </Button>
          <Button onClick={onDone}>{t('codes.done')}</Button>
        </>
      }
    >
      {t('codes.explain')}
    </OneTimeValue>
  );
}
