import type { ExceptionFieldsFragment, PurposeFieldsFragment } from '@steward/schema';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fieldErrorsFromGraphQLError, type FieldErrors } from '../../components/errors.js';
import {
  buildExceptionInput,
  exceptionFormFields,
  formFromException,
  initialExceptionForm,
  toExceptionFormErrors,
  validateExceptionForm,
  type ExceptionFormValues,
} from './exception-form.js';
import { useCreateException, useUpdateException } from './use-exceptions.js';

/** Sets one part of the form (a whole value, or a patch of an object part) and clears the server's errors for `errorKeys`. */
export type SetExceptionField = <K extends keyof ExceptionFormValues>(
  key: K,
  patch: Partial<ExceptionFormValues[K]> | ExceptionFormValues[K],
  errorKeys: string[],
) => void;

/**
 * The exception form's state and submission: the values, the errors to show (the server's, then the
 * form's own once a submit was attempted), and submit, which creates or updates the draft and opens it.
 */
export function useExceptionForm(purposes: readonly PurposeFieldsFragment[], existing: ExceptionFieldsFragment | null) {
  const { t } = useTranslation('exceptions');
  const navigate = useNavigate();
  const { createException, fetching: creating } = useCreateException();
  const { updateException, fetching: updating } = useUpdateException();
  const [values, setValues] = useState<ExceptionFormValues>(() =>
    existing ? formFromException(existing) : initialExceptionForm(),
  );
  const [attempted, setAttempted] = useState(false);
  const [server, setServer] = useState<{ fieldErrors: FieldErrors; messages: string[] }>({
    fieldErrors: {},
    messages: [],
  });

  const clientErrors = attempted ? validateExceptionForm(t, values, purposes) : {};
  const errors: FieldErrors = { ...server.fieldErrors, ...clientErrors };

  function clear(keys: string[]) {
    setServer((s) => {
      const fieldErrors = { ...s.fieldErrors };
      for (const k of keys) delete fieldErrors[k];
      return { ...s, fieldErrors };
    });
  }
  function set<K extends keyof ExceptionFormValues>(
    key: K,
    patch: Partial<ExceptionFormValues[K]> | ExceptionFormValues[K],
    errorKeys: string[],
  ) {
    setValues((v) => ({
      ...v,
      [key]:
        typeof patch === 'object' && patch !== null && !Array.isArray(patch)
          ? { ...(v[key] as object), ...patch }
          : patch,
    }));
    clear(errorKeys);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempted(true);
    setServer({ fieldErrors: {}, messages: [] });
    if (Object.keys(validateExceptionForm(t, values, purposes)).length > 0) return;
    const input = buildExceptionInput(values);
    const result = existing
      ? await updateException({ ...input, id: existing.id, expectedVersion: existing.version })
      : await createException(input);
    const saved =
      result.data && ('createException' in result.data ? result.data.createException : result.data.updateException);
    if (saved) {
      void navigate(`/exceptions/${encodeURIComponent(saved.id)}`);
      return;
    }
    const summary = fieldErrorsFromGraphQLError(result.error);
    const fieldErrors = toExceptionFormErrors(summary.fieldErrors);
    const shown = new Set(exceptionFormFields(values.kind));
    const messages = [...summary.messages];
    if (summary.conflict) messages.unshift(t('form.conflict'));
    for (const [field, message] of Object.entries(fieldErrors))
      if (!shown.has(field)) messages.push(t('form.issue', { field, message }));
    setServer({ fieldErrors, messages });
  }

  return { values, set, errors, server, submit, saving: creating || updating };
}
