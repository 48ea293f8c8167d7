import { Button } from '@mantine/core';
import { downloadText } from '../../components/download.js';
import { OneTimeValue } from '../../components/OneTimeValue.js';
import { ACCOUNT_TEXT } from './account-texts.js';

const T = ACCOUNT_TEXT.codes;

/** Ten recovery codes, shown once: copy, download as text, then "stored" closes them for good. */
export function RecoveryCodes({ codes, onDone }: { codes: readonly string[]; onDone: () => void }) {
  const text = codes.join('\n');
  return (
    <OneTimeValue
      value={text}
      name={T.name}
      warning={T.warning}
      copyLabel={T.copy}
      actions={
        <>
          <Button variant="light" onClick={() => downloadText(T.fileName, `${text}\n`, 'text/plain')}>
            {T.download}
          </Button>
          <Button onClick={onDone}>{T.done}</Button>
        </>
      }
    >
      {T.explain}
    </OneTimeValue>
  );
}
