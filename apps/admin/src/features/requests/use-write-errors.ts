import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsFromGraphQLError, hasErrorCode, type ErrorLike } from '../../components/errors.js';
import type { ProviderRequest } from './use-requests.js';

/** Messages for a failed write; CONFLICT is shown as the reload alert instead. */
export function useWriteErrors() {
  const { t } = useTranslation('requests');
  const [messages, setMessages] = useState<string[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState(false);
  return {
    messages,
    fieldErrors,
    conflict,
    clear() {
      setMessages([]);
      setFieldErrors({});
      setConflict(false);
    },
    report(error: ErrorLike) {
      const summary = fieldErrorsFromGraphQLError(error);
      setConflict(summary.conflict !== null);
      setFieldErrors(summary.fieldErrors);
      const list = summary.conflict ? [] : [...summary.messages];
      for (const [field, message] of Object.entries(summary.fieldErrors))
        if (!['reason', 'note'].includes(field)) list.push(message);
      if (hasErrorCode(error, 'FORBIDDEN') && list.length === 0) list.push(t('errors.forbidden'));
      setMessages(list);
    },
  };
}

export type WriteErrors = ReturnType<typeof useWriteErrors>;

/** A card of the request page that writes: the request, and where its failed writes are reported. */
export type RequestCardProps = { request: ProviderRequest; errors: WriteErrors };
