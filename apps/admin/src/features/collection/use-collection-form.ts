import { validateDataItemValue } from '@steward/policy-core';
import type { CollectionFormOptionsQuery, ProviderKind } from '@steward/schema';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fieldErrorsFromGraphQLError, type FieldErrors } from '../../components/errors.js';
import {
  buildCollectionInput,
  emptyItemRow,
  initialCollectionForm,
  isCollectionFormField,
  offeredCategories,
  toFormErrors,
  validateCollectionForm,
  type CollectionContext,
  type CollectionFormValues,
  type CollectionTarget,
  type ItemRow,
  type PurposeChoice,
} from './collection-form.js';
import { useRecordCollection } from './use-record-collection.js';

export type Policy = CollectionFormOptionsQuery['currentPolicy'];
export type Purpose = CollectionFormOptionsQuery['purposes'][number];
export type ProviderSummary = {
  id: string;
  reference: string;
  displayName: string | null;
  kind: ProviderKind;
  version: number;
};

type ServerState = { fieldErrors: FieldErrors; messages: string[]; conflict: boolean };
const NO_SERVER_ERRORS: ServerState = { fieldErrors: {}, messages: [], conflict: false };

type Options = {
  policy: Policy;
  purposes: readonly Purpose[];
  provider: ProviderSummary | null;
  onReloadPolicy: () => void;
};

/**
 * The collection form's state and submission: values, client checks (policy-core's, through
 * collection-form.ts) merged with the API's field errors, and the navigation once recorded.
 */
export function useCollectionForm({ policy, purposes, provider, onReloadPolicy }: Options) {
  const { t } = useTranslation('collection');
  const navigate = useNavigate();
  const { recordCollection, fetching } = useRecordCollection();
  const nextItemId = useRef(2);
  const [values, setValues] = useState<CollectionFormValues>(() => initialCollectionForm('item-1'));
  // The version shown is pinned when the form opens; "Reload current policy" follows the API again.
  const [pinnedPolicyVersion, setPinnedPolicyVersion] = useState<number | null>(policy.number);
  const policyVersionShown = pinnedPolicyVersion ?? policy.number;
  const [attempted, setAttempted] = useState(false);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [server, setServer] = useState<ServerState>(NO_SERVER_ERRORS);

  const target: CollectionTarget = provider
    ? { type: 'existing', providerId: provider.id, providerKind: provider.kind, providerVersion: provider.version }
    : { type: 'new' };
  const ctx: CollectionContext = { target, purposes, policyVersionShown, currentPolicyVersion: policy.number };
  const offered = offeredCategories(values, purposes);
  const clientErrors = attempted ? validateCollectionForm(values, ctx, t) : {};
  const errors: FieldErrors = { ...server.fieldErrors, ...clientErrors };

  // Before the first submit, a value is checked once the admin leaves its field.
  const itemValueError = (row: ItemRow, index: number): string | undefined => {
    const key = `items[${index}].value`;
    if (errors[key]) return errors[key];
    if (!touched.has(row.id) || !row.category || row.value.trim() === '') return undefined;
    return validateDataItemValue(row.category, row.value.trim(), key)?.message;
  };

  function change(patch: Partial<CollectionFormValues>, clearKeys: readonly string[] = []) {
    setValues((v) => ({ ...v, ...patch }));
    if (clearKeys.length > 0) {
      setServer((s) => {
        const fieldErrors = { ...s.fieldErrors };
        for (const key of clearKeys) delete fieldErrors[key];
        return { ...s, fieldErrors };
      });
    }
  }

  function setPurpose(key: string, patch: Partial<PurposeChoice>) {
    const current = values.purposes[key] ?? { selected: false, granted: null };
    change({ purposes: { ...values.purposes, [key]: { ...current, ...patch } } }, [`purpose:${key}`, 'purposes']);
  }

  function setItem(index: number, patch: Partial<ItemRow>) {
    const items = values.items.map((row, i) => (i === index ? { ...row, ...patch } : row));
    change(
      { items },
      Object.keys(patch).map((field) => `items[${index}].${field}`),
    );
  }

  function addItem() {
    const id = `item-${nextItemId.current++}`;
    const unused = offered.find((c) => !values.items.some((row) => row.category === c)) ?? '';
    change({ items: [...values.items, emptyItemRow(id, unused)] }, ['items']);
  }

  function removeItem(index: number) {
    setValues((v) => ({ ...v, items: v.items.filter((_, i) => i !== index) }));
    // Indices shift: server errors about items no longer point at the right rows.
    setServer((s) => ({
      ...s,
      fieldErrors: Object.fromEntries(Object.entries(s.fieldErrors).filter(([k]) => !k.startsWith('items'))),
    }));
  }

  const touchItem = (rowId: string) => setTouched((t) => new Set(t).add(rowId));

  function reloadPolicy() {
    onReloadPolicy();
    setPinnedPolicyVersion(null);
    change({}, ['policyVersionShown']);
  }

  const clearServerErrors = () => setServer(NO_SERVER_ERRORS);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempted(true);
    setServer(NO_SERVER_ERRORS);
    const found = validateCollectionForm(values, ctx, t);
    if (Object.keys(found).length > 0) return;
    const { input, purposeKeys } = buildCollectionInput(values, ctx);
    const result = await recordCollection(input);
    const recorded = result.data?.recordCollection;
    if (recorded) {
      void navigate(
        `/providers/${encodeURIComponent(recorded.provider.id)}?recorded=${encodeURIComponent(recorded.collection.id)}`,
      );
      return;
    }
    const summary = fieldErrorsFromGraphQLError(result.error);
    const fieldErrors = toFormErrors(summary.fieldErrors, purposeKeys);
    const messages = [...summary.messages];
    for (const [key, message] of Object.entries(fieldErrors)) {
      if (!isCollectionFormField(key)) messages.push(message);
    }
    setServer({ fieldErrors, messages, conflict: summary.conflict !== null });
  }

  return {
    values,
    errors,
    errorCount: Object.keys(errors).filter(isCollectionFormField).length,
    serverMessages: server.messages,
    conflict: server.conflict,
    offered,
    policyVersionShown,
    submitting: fetching,
    change,
    setPurpose,
    setItem,
    addItem,
    removeItem,
    touchItem,
    itemValueError,
    reloadPolicy,
    clearServerErrors,
    submit,
  };
}

export type CollectionFormState = ReturnType<typeof useCollectionForm>;
