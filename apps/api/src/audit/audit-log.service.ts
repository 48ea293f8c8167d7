import type { SqlEntityManager } from '@mikro-orm/knex';
import type { AdminRole } from '@steward/policy-core';
import { TOTAL_COUNT_CAP, exactTotal, toTotal, withTotal } from '../common/connection.js';
import { badInput } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { pageSize, toKeysetPage } from '../common/pagination.js';
import { fromDbDate, fromDbJson } from '../common/sql/dialect.js';
import { decodeSortCursor, encodeSortCursor, type Sort } from '../common/sorting.js';
import { presentAuditEntry } from './audit.presenter.js';
import {
  auditActorRows,
  auditCountUpTo,
  auditPageRows,
  auditProviderIdByReference,
  auditSubjectNames,
  type AuditListFilter,
} from './audit.queries.js';
import type { AuditActorType, AuditEntryConnection, AuditLogFilter } from './audit.type.js';

interface AuditPageRow {
  id: string;
  at: unknown;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  subject: string | null;
  provider_ids: unknown;
  detail: unknown;
  actor_name: string | null;
  actor_role: AdminRole | null;
}

/** The audit trail as the admin reads it: newest first (or oldest), in keyset pages, filtered. */
export class AuditLogService {
  constructor(private readonly em: SqlEntityManager) {}

  async list(args: {
    first: number;
    after: string | null;
    filter: AuditLogFilter | null;
    sort: Sort<'AT'> | null;
  }): Promise<AuditEntryConnection> {
    const limit = pageSize(args.first);
    const direction = args.sort?.direction ?? 'DESC';
    const sortName = `AT_${direction}`;
    const afterId = args.after ? decodeSortCursor(args.after, sortName).id : null;
    const f = args.filter ?? {};
    for (const field of ['actorId', 'providerId'] as const) {
      if (f[field] && !isUuid(f[field])) throw badInput(`filter.${field}`, 'INVALID_FORMAT', 'Not an id', '');
    }
    if (f.from && f.to && f.from >= f.to) throw badInput('filter.to', 'INVALID_VALUE', 'Must be after `from`', '');
    let providerId = f.providerId?.toLowerCase() ?? null;
    const reference = f.providerReference?.trim();
    if (reference) {
      const found = await auditProviderIdByReference(this.em, reference);
      // An unknown reference matches nothing (an empty page), never "every provider".
      if (!found || (providerId && providerId !== found)) {
        return withTotal(
          toKeysetPage(
            [] as never[],
            limit,
            args.after ?? null,
            () => null as never,
            () => '',
          ),
          async () => exactTotal(0),
        );
      }
      providerId = found;
    }
    const filter: AuditListFilter = {
      actorId: f.actorId?.toLowerCase() ?? null,
      action: f.action?.trim() || null,
      providerId,
      from: f.from ?? null,
      to: f.to ?? null,
    };
    const rows = await auditPageRows<AuditPageRow>(this.em, { ...filter, direction, afterId, rows: limit + 1 });
    const records = rows.map((r) => ({
      id: r.id,
      at: fromDbDate(r.at),
      actorId: r.actor_id,
      actorLabel: r.actor_label,
      action: r.action,
      entityType: r.entity_type,
      subject: r.subject,
      providerIds: fromDbJson<string[]>(r.provider_ids) ?? [],
      detail: r.detail === null ? null : fromDbJson<Record<string, unknown>>(r.detail),
      actorName: r.actor_name,
      actorRole: r.actor_role,
    }));
    const shown = records.slice(0, limit);
    const names = await auditSubjectNames(
      this.em,
      [
        ...new Set(
          shown.flatMap((e) => [...e.providerIds, ...(e.entityType === 'Provider' && e.subject ? [e.subject] : [])]),
        ),
      ],
      [...new Set(shown.flatMap((e) => (e.entityType === 'AdminUser' && e.subject ? [e.subject] : [])))],
    );
    return withTotal(
      toKeysetPage(
        records,
        limit,
        args.after ?? null,
        (e) => presentAuditEntry(e, names),
        (e) => encodeSortCursor(sortName, e.id, e.id),
      ),
      async () => toTotal(await auditCountUpTo(this.em, filter, TOTAL_COUNT_CAP)),
    );
  }

  /** Every staff account by name and role (the actor filter's choices). */
  async actors(): Promise<AuditActorType[]> {
    return (await auditActorRows(this.em)).map((r) => ({ id: r.id, name: r.display_name, role: r.role as AdminRole }));
  }
}
