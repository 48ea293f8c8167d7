import {
  EXCEPTION_KIND_INFO,
  normalizeLineBreaks,
  type ExceptionKind,
  type Issue,
  type PermittedExceptionDraft,
  type PurposeFact,
} from '@steward/policy-core';
import { fromDbBoolean, fromDbDate, fromDbJson } from '../common/sql/dialect.js';
import type { PurposeFields } from '../purposes/purpose-facts.js';
import type { ExceptionEvidenceInput } from './exception.inputs.js';
import type { PermittedException, StoredEvidence } from './permitted-exception.entity.js';

/** The part of the evidence input (and output) that belongs to each kind. */
export const EVIDENCE_FIELD = {
  LAW: 'law',
  PROVIDER_AGREEMENT: 'providerAgreement',
  OUTSOURCING: 'outsourcing',
  BOARD_APPROVAL: 'boardApproval',
} as const satisfies Record<ExceptionKind, keyof ExceptionEvidenceInput>;

/** Evidence keys that hold dates (stored as ISO strings, Dates for policy-core). */
const DATE_KEYS = new Set(['issuedOn', 'meetingDate']);
/** Evidence keys that hold lists. */
const LIST_KEYS = new Set(['consentEventIds', 'categories']);

/**
 * The kind's part of an evidence input, as stored: only the kind's evidence keys, text trimmed
 * (line breaks normalised), blanks dropped, dates as ISO strings. Nothing is judged here.
 */
export function evidenceToStore(kind: ExceptionKind, input: ExceptionEvidenceInput): StoredEvidence {
  const part = (input[EVIDENCE_FIELD[kind]] ?? {}) as Record<string, unknown>;
  const stored: StoredEvidence = {};
  for (const key of EXCEPTION_KIND_INFO[kind].requiredEvidence) {
    const value = part[key];
    if (value == null) continue;
    if (value instanceof Date) stored[key] = value.toISOString();
    else if (Array.isArray(value)) stored[key] = value.map((v) => String(v).trim());
    else if (typeof value === 'string') {
      const text = normalizeLineBreaks(value).trim();
      if (text) stored[key] = text;
    }
  }
  return stored;
}

/** Stored evidence as policy-core's facts (dates revived). */
export function evidenceFacts(stored: StoredEvidence): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored)) {
    out[key] = DATE_KEYS.has(key) && typeof value === 'string' ? new Date(value) : value;
  }
  return out;
}

/** Evidence in the kind's output shape: every key present (null / empty list when missing). */
export function evidenceForOutput(kind: ExceptionKind, stored: StoredEvidence): Record<string, unknown> {
  const facts = evidenceFacts(stored);
  return Object.fromEntries(
    EXCEPTION_KIND_INFO[kind].requiredEvidence.map((key) => [key, facts[key] ?? (LIST_KEYS.has(key) ? [] : null)]),
  );
}

export interface ExceptionShape {
  id: string;
  /** How reasons name it (policy-core's `title` fact). */
  title: string;
  kind: ExceptionKind;
  evidence: StoredEvidence;
  purposeKeys: string[];
  categories: PermittedException['categories'];
  allProviders: boolean;
  providerIds: string[];
  recipientId: string | null;
  validFrom: Date;
  validUntil: Date | null;
  status: PermittedException['status'];
  authorId: string;
  approvedById: string | null;
  approvedAt: Date | null;
  revokedAt: Date | null;
}

export function shapeOf(e: PermittedException): ExceptionShape {
  return {
    id: e.id,
    title: e.title,
    kind: e.kind,
    evidence: e.evidence,
    purposeKeys: e.purposeKeys,
    categories: e.categories,
    allProviders: e.allProviders,
    providerIds: e.providerIds,
    recipientId: e.recipient?.id ?? null,
    validFrom: e.validFrom,
    validUntil: e.validUntil,
    status: e.status,
    authorId: e.authoredBy.id,
    approvedById: e.approvedBy?.id ?? null,
    approvedAt: e.approvedAt,
    revokedAt: e.revokedAt,
  };
}

/** An exception as policy-core reads it (the evidence may be incomplete). */
export function toDraft(e: ExceptionShape): PermittedExceptionDraft {
  return {
    id: e.id,
    title: e.title,
    kind: e.kind,
    evidence: evidenceFacts(e.evidence),
    scope: {
      purposeKeys: [...e.purposeKeys],
      categories: [...e.categories],
      providerIds: e.allProviders ? 'ALL' : [...e.providerIds],
      recipientId: e.recipientId,
    },
    validFrom: e.validFrom,
    validUntil: e.validUntil,
    status: e.status,
    authorId: e.authorId,
    approvedById: e.approvedById,
    approvedAt: e.approvedAt,
    revokedAt: e.revokedAt,
  } as PermittedExceptionDraft;
}

export function purposeFacts(purposes: readonly PurposeFields[]): PurposeFact[] {
  return purposes.map((p) => ({ key: p.key, categories: p.categories, retired: p.retired }));
}

/**
 * policy-core's `evidence.<key>` paths in the shape of the GraphQL input:
 * `evidence.contractReference` → `evidence.outsourcing.contractReference`.
 */
export function withInputPaths(kind: ExceptionKind, issues: readonly Issue[]): Issue[] {
  return issues.map((i) =>
    i.field.startsWith('evidence.')
      ? { ...i, field: `evidence.${EVIDENCE_FIELD[kind]}.${i.field.slice('evidence.'.length)}` }
      : i,
  );
}

const jsonColumn = fromDbJson;
const nullableDate = (value: unknown): Date | null => (value == null ? null : fromDbDate(value));

/** The `permitted_exception` columns policy-core's facts are made of (exceptionShapeOf reads them). */
export const EXCEPTION_FACT_COLUMNS = [
  'id',
  'title',
  'kind',
  'evidence',
  'purpose_keys',
  'categories',
  'provider_ids',
  'all_providers',
  'recipient_id',
  'valid_from',
  'valid_until',
  'status',
  'authored_by_id',
  'approved_by_id',
  'approved_at',
  'revoked_at',
] as const;

/** A `permitted_exception` row (columns as stored, or as aggregated to JSON) as policy-core's facts read it. */
export function exceptionShapeOf(r: Record<string, unknown>): ExceptionShape {
  return {
    id: r.id as string,
    title: r.title as string,
    kind: r.kind as ExceptionKind,
    evidence: jsonColumn<StoredEvidence>(r.evidence),
    purposeKeys: jsonColumn<string[]>(r.purpose_keys),
    categories: jsonColumn<PermittedException['categories']>(r.categories),
    allProviders: fromDbBoolean(r.all_providers),
    providerIds: jsonColumn<string[]>(r.provider_ids),
    recipientId: (r.recipient_id as string | null) ?? null,
    validFrom: fromDbDate(r.valid_from),
    validUntil: nullableDate(r.valid_until),
    status: r.status as PermittedException['status'],
    authorId: r.authored_by_id as string,
    approvedById: (r.approved_by_id as string | null) ?? null,
    approvedAt: nullableDate(r.approved_at),
    revokedAt: nullableDate(r.revoked_at),
  };
}
