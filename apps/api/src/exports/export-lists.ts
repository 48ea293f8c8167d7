import type { SqlEntityManager } from '@mikro-orm/knex';
import type { EffectiveExceptionStatus, ExceptionKind, ExportList } from '@steward/policy-core';
import { AuditLogService } from '../audit/audit-log.service.js';
import type { AuditEntryType, AuditLogFilter } from '../audit/audit.type.js';
import type { Actor, AppDeps } from '../context.js';
import { ExceptionService } from '../exceptions/exception.service.js';
import type { PermittedExceptionType } from '../exceptions/exception.type.js';
import type { InquiryFilter } from '../inquiries/inquiry.inputs.js';
import { InquiryService } from '../inquiries/inquiry.service.js';
import type { InquirySummaryType } from '../inquiries/inquiry.type.js';
import { LedgerExplorerService } from '../ledger/ledger-explorer.service.js';
import type { LedgerEntryFilter, LedgerEntryType } from '../ledger/ledger-explorer.type.js';
import { ProviderService } from '../providers/provider.service.js';
import type { ProviderFilter, ProviderType } from '../providers/provider.type.js';
import { presentRecipient } from '../recipients/recipient.presenter.js';
import { RecipientService } from '../recipients/recipient.service.js';
import type { RecipientType } from '../recipients/recipient.type.js';
import type { ProviderRequestFilter } from '../requests/request.inputs.js';
import { RequestService } from '../requests/request.service.js';
import type { ProviderRequestType } from '../requests/request.type.js';
import type { ExportNames, NameRefs } from './export-names.js';
import type { ExportKey, ExportText } from './export-text.js';

/** What a list is read with: the asker as the actor, so the list's own rules and audit apply as on their screen. */
export interface ExportSource {
  em: SqlEntityManager;
  actor: Actor;
  deps: AppDeps;
}

/** A cell: text (neutralised when written), a number, or empty. */
export type ExportCell = string | number | null;

/** One column: its header (the exports catalogue) and its cell, worded for the asker. */
export interface ExportColumn<Row> {
  header: ExportKey;
  cell(row: Row, text: ExportText, names: ExportNames): ExportCell;
}

/** One page of rows and the cursor of the next (null: the last page). */
interface RowPage<Row> {
  rows: Row[];
  after: string | null;
}

/**
 * One exportable list: how to read a page of it with the admin's filter — through the list's own
 * service, so the filter means exactly what it means on screen and no query exists twice — and
 * its columns. A new list is one of these and one value of policy-core's EXPORT_LISTS.
 */
interface ExportListDefinition<Row, Filter> {
  list: ExportList;
  page(source: ExportSource, filter: Filter, after: string | null, first: number): Promise<RowPage<Row>>;
  columns: readonly ExportColumn<Row>[];
  /** The ids of the page to name (ExportNames). */
  refs?(rows: readonly Row[]): NameRefs;
  /** The providers a row names: what the export's audit entries list. */
  providerIds(row: Row): readonly (string | null | undefined)[];
}

/** A list definition with its row type closed over: what the export job runs. */
export interface ExportListRunner {
  list: ExportList;
  headers: readonly ExportKey[];
  page(
    source: ExportSource,
    filter: Record<string, unknown>,
    after: string | null,
    first: number,
    text: ExportText,
    names: ExportNames,
  ): Promise<{ cells: ExportCell[][]; providerIds: string[]; after: string | null }>;
}

function defineList<Row, Filter>(def: ExportListDefinition<Row, Filter>): ExportListRunner {
  return {
    list: def.list,
    headers: def.columns.map((c) => c.header),
    async page(source, filter, after, first, text, names) {
      const page = await def.page(source, filter as Filter, after, first);
      if (def.refs) await names.load(def.refs(page.rows));
      return {
        cells: page.rows.map((row) => def.columns.map((c) => c.cell(row, text, names))),
        providerIds: page.rows.flatMap((row) => def.providerIds(row).filter((id): id is string => !!id)),
        after: page.after,
      };
    },
  };
}

/** A connection's page as rows and the next cursor. */
function fromConnection<N>(connection: {
  edges: { node: N }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}): RowPage<N> {
  return {
    rows: connection.edges.map((e) => e.node),
    after: connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null,
  };
}

const PROVIDERS = defineList<ProviderType, ProviderFilter>({
  list: 'PROVIDERS',
  async page({ em, actor, deps }, filter, after, first) {
    return fromConnection(await new ProviderService(em, actor, deps).list({ first, after, filter }));
  },
  columns: [
    { header: 'column.reference', cell: (p) => p.reference },
    { header: 'column.name', cell: (p) => p.displayName },
    { header: 'column.kind', cell: (p, t) => t.label('providerKind', p.kind) },
    { header: 'column.language', cell: (p, t) => t.label('language', p.language) },
    { header: 'column.createdAt', cell: (p, t) => t.dateTime(p.createdAt) },
  ],
  providerIds: (p) => [p.id],
});

const PROVIDER_REQUESTS = defineList<ProviderRequestType, ProviderRequestFilter>({
  list: 'PROVIDER_REQUESTS',
  async page({ em, actor, deps }, filter, after, first) {
    return fromConnection(await new RequestService(em, actor, deps).list({ first, after, filter }));
  },
  columns: [
    { header: 'column.reference', cell: (r) => r.reference },
    { header: 'column.kind', cell: (r, t) => t.label('requestKind', r.kind) },
    { header: 'column.channel', cell: (r, t) => t.label('requestChannel', r.channel) },
    { header: 'column.status', cell: (r, t) => t.label('requestStatus', r.status) },
    { header: 'column.urgency', cell: (r, t) => t.label('requestUrgency', r.urgency) },
    { header: 'column.requester', cell: (r) => r.requester.name },
    { header: 'column.provider', cell: (r) => r.provider?.reference ?? null },
    { header: 'column.receivedAt', cell: (r, t) => t.dateTime(r.receivedAt) },
    { header: 'column.dueAt', cell: (r, t) => t.day(r.dueAt) },
    { header: 'column.completedAt', cell: (r, t) => t.dateTime(r.completedAt) },
  ],
  providerIds: (r) => [r.provider?.id],
});

const INQUIRIES = defineList<InquirySummaryType, InquiryFilter>({
  list: 'INQUIRIES',
  async page({ em, actor, deps }, filter, after, first) {
    return fromConnection(await new InquiryService(em, actor, deps).list(filter, first, after));
  },
  columns: [
    { header: 'column.reference', cell: (i) => i.reference },
    // Inquiry channels are worded as request channels (policy-core's catalogue).
    { header: 'column.channel', cell: (i, t) => t.label('requestChannel', i.channel) },
    { header: 'column.status', cell: (i, t) => t.label('inquiryStatus', i.status) },
    { header: 'column.receivedAt', cell: (i, t) => t.dateTime(i.receivedAt) },
    { header: 'column.assignee', cell: (i) => i.assignee?.displayName ?? null },
    { header: 'column.provider', cell: (i) => i.providerReference },
  ],
  providerIds: (i) => [i.providerId],
});

/** The exceptions list's filters (its query's arguments). */
export interface ExceptionListFilter {
  status?: EffectiveExceptionStatus | null;
  kind?: ExceptionKind | null;
}

const PERMITTED_EXCEPTIONS = defineList<PermittedExceptionType, ExceptionListFilter>({
  list: 'PERMITTED_EXCEPTIONS',
  // The list is one answer (no pages): all of it on the first read.
  async page({ em, actor, deps }, filter) {
    const rows = await new ExceptionService(em, actor, deps).list({
      status: filter.status ?? null,
      kind: filter.kind ?? null,
    });
    return { rows, after: null };
  },
  columns: [
    { header: 'column.title', cell: (e) => e.title },
    { header: 'column.kind', cell: (e, t) => t.label('exceptionKind', e.kind) },
    { header: 'column.status', cell: (e, t) => t.label('exceptionStatus', e.status) },
    { header: 'column.recipient', cell: (e) => e.scope.recipient?.name ?? null },
    { header: 'column.validFrom', cell: (e, t) => t.day(e.validFrom) },
    { header: 'column.validUntil', cell: (e, t) => t.day(e.validUntil) },
    { header: 'column.authoredBy', cell: (e) => e.authoredBy },
    { header: 'column.approvedBy', cell: (e) => e.approvedBy },
    { header: 'column.approvedAt', cell: (e, t) => t.dateTime(e.approvedAt) },
    { header: 'column.revokedAt', cell: (e, t) => t.dateTime(e.revokedAt) },
  ],
  // The file names no provider: the scope's providers are not among its columns.
  providerIds: () => [],
});

const RECIPIENTS = defineList<RecipientType, Record<string, never>>({
  list: 'RECIPIENTS',
  async page({ em, actor, deps }) {
    const rows = await new RecipientService(em, actor, deps).list();
    return { rows: rows.map((r) => presentRecipient(r.recipient, r.credentials)), after: null };
  },
  columns: [
    { header: 'column.name', cell: (r) => r.name },
    { header: 'column.kind', cell: (r, t) => t.label('recipientKind', r.kind) },
    { header: 'column.contact', cell: (r) => r.contact },
    { header: 'column.createdAt', cell: (r, t) => t.dateTime(r.createdAt) },
  ],
  providerIds: () => [],
});

/** The audit log's filter as the job keeps it (JSON: its times are ISO strings). */
type StoredAuditLogFilter = Omit<AuditLogFilter, 'from' | 'to'> & { from?: string | null; to?: string | null };

const AUDIT_LOG = defineList<AuditEntryType, StoredAuditLogFilter>({
  list: 'AUDIT_LOG',
  async page({ em }, { from, to, ...filter }, after, first) {
    const times = { from: from ? new Date(from) : null, to: to ? new Date(to) : null };
    return fromConnection(
      await new AuditLogService(em).list({ first, after, filter: { ...filter, ...times }, sort: null }),
    );
  },
  columns: [
    { header: 'column.at', cell: (e, t) => t.dateTime(e.at) },
    { header: 'column.actor', cell: (e) => e.actorName ?? e.actor },
    { header: 'column.action', cell: (e) => e.action },
    { header: 'column.entityType', cell: (e) => e.entityType },
    { header: 'column.providers', cell: (e, _t, n) => e.providerIds.map((id) => n.provider(id)).join(', ') || null },
    { header: 'column.detail', cell: (e) => e.detail },
  ],
  refs: (rows) => ({ providers: rows.flatMap((e) => e.providerIds) }),
  providerIds: (e) => e.providerIds,
});

const LEDGER_ENTRIES = defineList<LedgerEntryType, LedgerEntryFilter>({
  list: 'LEDGER_ENTRIES',
  async page({ em }, filter, after, first) {
    return fromConnection(await new LedgerExplorerService(em).entries(first, after, filter));
  },
  columns: [
    { header: 'column.sequence', cell: (e) => e.sequence },
    { header: 'column.recordedAt', cell: (e, t) => t.dateTime(e.recordedAt) },
    { header: 'column.kind', cell: (e, t) => t.label('ledgerKind', e.kind) },
    { header: 'column.actor', cell: (e, _t, n) => n.actor(e.actor) },
    { header: 'column.provider', cell: (e, _t, n) => n.provider(e.providerId) },
    { header: 'column.purpose', cell: (e, _t, n) => n.purpose(e.purposeKey) },
    { header: 'column.recipient', cell: (e, _t, n) => n.recipient(e.recipientId) },
    { header: 'column.categories', cell: (e, t) => e.categories.map((c) => t.label('dataCategory', c)).join(', ') },
    { header: 'column.outcome', cell: (e, t) => t.label('ledgerOutcome', e.outcome) },
    { header: 'column.basis', cell: (e, t) => t.label('useBasis', e.basisKind) },
    { header: 'column.exception', cell: (e, _t, n) => n.exception(e.exceptionId) },
    { header: 'column.policyVersion', cell: (e) => e.policyVersion },
  ],
  refs: (rows) => ({
    providers: rows.map((e) => e.providerId),
    recipients: rows.map((e) => e.recipientId),
    exceptions: rows.map((e) => e.exceptionId),
    purposes: rows.map((e) => e.purposeKey),
    actors: rows.map((e) => e.actor),
  }),
  providerIds: (e) => [e.providerId],
});

/** Every exportable list, by policy-core's EXPORT_LISTS value. */
export const EXPORT_LIST_RUNNERS: Readonly<Record<ExportList, ExportListRunner>> = {
  PROVIDERS,
  PROVIDER_REQUESTS,
  INQUIRIES,
  PERMITTED_EXCEPTIONS,
  RECIPIENTS,
  AUDIT_LOG,
  LEDGER_ENTRIES,
};
