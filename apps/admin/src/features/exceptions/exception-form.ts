import type {
  CreateExceptionInput,
  DataCategory,
  ExceptionFieldsFragment,
  ExceptionKind,
  MeetingKind,
} from '@steward/schema';
import { EXCEPTION_TITLE_MAX_LENGTH, validateText } from '@steward/policy-core';
import type { TFunction } from 'i18next';
import type { FieldErrors } from '../../components/errors.js';
import { unstatedKeys, unstatedKeysError } from '../vocabulary/purpose-keys.js';

/**
 * The exception form's values. Field keys are the API's issue paths (without `input.`), so a
 * server issue such as `input.evidence.outsourcing.contractReference` lands on the field with the
 * same key, with no mapping table to drift.
 */
export type ExceptionFormValues = {
  kind: ExceptionKind;
  title: string;
  law: { statute: string; article: string; requestingAuthority: string; documentReference: string; issuedOn: string };
  providerAgreement: { consentEventIds: string; summary: string };
  outsourcing: {
    recipientId: string;
    contractReference: string;
    servesPurposeKey: string;
    categories: DataCategory[];
    supervisionRecord: string;
  };
  boardApproval: {
    meetingKind: MeetingKind | '';
    meetingDate: string;
    resolutionNumber: string;
    legitimateReason: string;
    minutesReference: string;
  };
  scope: {
    purposeKeys: string[];
    categories: DataCategory[];
    allProviders: boolean;
    /** Chosen in the provider picker (ids). */
    providerIds: string[];
    recipientId: string;
  };
  validFrom: string;
  validUntil: string;
};

export const EVIDENCE_PART = {
  LAW: 'law',
  PROVIDER_AGREEMENT: 'providerAgreement',
  OUTSOURCING: 'outsourcing',
  BOARD_APPROVAL: 'boardApproval',
} as const satisfies Record<ExceptionKind, string>;

export function initialExceptionForm(kind: ExceptionKind = 'OUTSOURCING'): ExceptionFormValues {
  return {
    kind,
    title: '',
    law: { statute: '', article: '', requestingAuthority: '', documentReference: '', issuedOn: '' },
    providerAgreement: { consentEventIds: '', summary: '' },
    outsourcing: {
      recipientId: '',
      contractReference: '',
      servesPurposeKey: '',
      categories: [],
      supervisionRecord: '',
    },
    boardApproval: {
      meetingKind: '',
      meetingDate: '',
      resolutionNumber: '',
      legitimateReason: '',
      minutesReference: '',
    },
    scope: { purposeKeys: [], categories: [], allProviders: false, providerIds: [], recipientId: '' },
    validFrom: '',
    validUntil: '',
  };
}

const day = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : '');

/** The form values of an existing draft (to edit it). */
export function formFromException(e: ExceptionFieldsFragment): ExceptionFormValues {
  const base = initialExceptionForm(e.kind);
  const { law, providerAgreement, outsourcing, boardApproval } = e.evidence;
  return {
    ...base,
    title: e.title,
    law: law
      ? {
          statute: law.statute ?? '',
          article: law.article ?? '',
          requestingAuthority: law.requestingAuthority ?? '',
          documentReference: law.documentReference ?? '',
          issuedOn: day(law.issuedOn as string | null),
        }
      : base.law,
    providerAgreement: providerAgreement
      ? {
          consentEventIds: (providerAgreement.consentEventIds ?? []).join('\n'),
          summary: providerAgreement.summary ?? '',
        }
      : base.providerAgreement,
    outsourcing: outsourcing
      ? {
          recipientId: outsourcing.recipientId ?? '',
          contractReference: outsourcing.contractReference ?? '',
          servesPurposeKey: outsourcing.servesPurposeKey ?? '',
          categories: [...(outsourcing.categories ?? [])],
          supervisionRecord: outsourcing.supervisionRecord ?? '',
        }
      : base.outsourcing,
    boardApproval: boardApproval
      ? {
          meetingKind: boardApproval.meetingKind ?? '',
          meetingDate: day(boardApproval.meetingDate as string | null),
          resolutionNumber: boardApproval.resolutionNumber ?? '',
          legitimateReason: boardApproval.legitimateReason ?? '',
          minutesReference: boardApproval.minutesReference ?? '',
        }
      : base.boardApproval,
    scope: {
      purposeKeys: [...e.scope.purposeKeys],
      categories: [...e.scope.categories],
      allProviders: e.scope.allProviders,
      providerIds: [...e.scope.providerIds],
      recipientId: e.scope.recipient?.id ?? '',
    },
    validFrom: day(e.validFrom as string),
    validUntil: day(e.validUntil as string | null),
  };
}

const text = (v: string): string | null => (v.trim() === '' ? null : v.trim());
const date = (v: string): string | null => (v.trim() === '' ? null : new Date(`${v.trim()}T00:00:00Z`).toISOString());
const lines = (v: string): string[] =>
  v
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The API input: only the evidence part of the chosen kind is sent. */
export function buildExceptionInput(v: ExceptionFormValues): CreateExceptionInput {
  const evidence: CreateExceptionInput['evidence'] = {};
  switch (v.kind) {
    case 'LAW':
      evidence.law = {
        statute: text(v.law.statute),
        article: text(v.law.article),
        requestingAuthority: text(v.law.requestingAuthority),
        documentReference: text(v.law.documentReference),
        issuedOn: date(v.law.issuedOn),
      };
      break;
    case 'PROVIDER_AGREEMENT':
      evidence.providerAgreement = {
        consentEventIds: lines(v.providerAgreement.consentEventIds),
        summary: text(v.providerAgreement.summary),
      };
      break;
    case 'OUTSOURCING':
      evidence.outsourcing = {
        recipientId: text(v.outsourcing.recipientId),
        contractReference: text(v.outsourcing.contractReference),
        servesPurposeKey: text(v.outsourcing.servesPurposeKey),
        categories: v.outsourcing.categories,
        supervisionRecord: text(v.outsourcing.supervisionRecord),
      };
      break;
    case 'BOARD_APPROVAL':
      evidence.boardApproval = {
        meetingKind: v.boardApproval.meetingKind === '' ? null : v.boardApproval.meetingKind,
        meetingDate: date(v.boardApproval.meetingDate),
        resolutionNumber: text(v.boardApproval.resolutionNumber),
        legitimateReason: text(v.boardApproval.legitimateReason),
        minutesReference: text(v.boardApproval.minutesReference),
      };
      break;
  }
  return {
    kind: v.kind,
    title: v.title.trim(),
    evidence,
    scope: {
      purposeKeys: v.scope.purposeKeys,
      categories: v.scope.categories,
      allProviders: v.scope.allProviders,
      providerIds: v.scope.allProviders ? [] : [...v.scope.providerIds],
      recipientId: text(v.scope.recipientId),
    },
    validFrom: date(v.validFrom),
    validUntil: date(v.validUntil),
  };
}

/**
 * Client checks before sending: only what the API would refuse outright (the rest is evidence).
 * Scope purposes that no stated purpose has (`stated`) must be well-formed keys (policy-core's rule),
 * reported at `scope.otherPurposeKeys`, the field where they are typed.
 */
export function validateExceptionForm(
  t: TFunction,
  v: ExceptionFormValues,
  stated: readonly { key: string }[] = [],
): FieldErrors {
  const errors: FieldErrors = {};
  if (v.title.trim() === '') errors['title'] = t('exceptions:form.titleRequired');
  else {
    // The characters and length the API takes (policy-core's validateText: the input boundary's rule).
    const title = validateText(v.title.trim(), { field: 'title', maxLength: EXCEPTION_TITLE_MAX_LENGTH });
    if (title) errors['title'] = title.message;
  }
  const otherKeys = unstatedKeysError(unstatedKeys(v.scope.purposeKeys, stated));
  if (otherKeys) errors['scope.otherPurposeKeys'] = otherKeys;
  if (v.validFrom && v.validUntil && v.validUntil <= v.validFrom)
    errors['validUntil'] = t('exceptions:form.untilAfterFrom');
  return errors;
}

/** The fields the form renders for a kind (server issues on other paths are shown above the form). */
export function exceptionFormFields(kind: ExceptionKind): string[] {
  const part = EVIDENCE_PART[kind];
  const evidence: Record<ExceptionKind, string[]> = {
    LAW: ['statute', 'article', 'requestingAuthority', 'documentReference', 'issuedOn'],
    PROVIDER_AGREEMENT: ['consentEventIds', 'summary'],
    OUTSOURCING: ['recipientId', 'contractReference', 'servesPurposeKey', 'categories', 'supervisionRecord'],
    BOARD_APPROVAL: ['meetingKind', 'meetingDate', 'resolutionNumber', 'legitimateReason', 'minutesReference'],
  };
  return [
    'title',
    'kind',
    ...evidence[kind].map((f) => `evidence.${part}.${f}`),
    'scope.purposeKeys',
    'scope.otherPurposeKeys',
    'scope.categories',
    'scope.allProviders',
    'scope.providerIds',
    'scope.recipientId',
    'validFrom',
    'validUntil',
  ];
}

/** Server issue paths → form keys: list indices fold onto their list field (`scope.providerIds[2]`). */
export function toExceptionFormErrors(fieldErrors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, message] of Object.entries(fieldErrors)) {
    const folded = key.replace(/\[\d+\]$/, '');
    out[folded] = out[folded] ? `${out[folded]}; ${message}` : message;
  }
  return out;
}
