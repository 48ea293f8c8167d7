import type { SqlEntityManager } from '@mikro-orm/knex';
import {
  DATA_CATEGORIES,
  currentConsents,
  validateRequestWork,
  type ConsentAction,
  type ConsentMethod,
  type ConsentState,
  type DataCategory,
} from '@steward/policy-core';
import { createHash, randomUUID } from 'node:crypto';
import { AuditService } from '../audit/audit.service.js';
import { canonicalJson } from '../common/canonical-json.js';
import { BadInputError, DomainError } from '../common/errors.js';
import { fromDbBoolean, fromDbDate, isSqlite, leanRows, placeholders, type Row } from '../common/lean-sql.js';
import type { Actor, AppDeps } from '../context.js';
import type { LedgerEntryType } from '../ledger/ledger-explorer.type.js';
import { organisationContact } from '../organisation/organisation.service.js';
import { currentPolicyFacts } from '../policy/policy.service.js';
import { revealSealed } from '../providers/provider.presenter.js';
import { flushOrConflict } from '../providers/provider.service.js';
import { loadPurposeFacts } from '../purposes/purpose-facts.js';
import { DISCLOSURE_SECTIONS } from './disclosure-extensions.js';
import { changeSealContext, type DataItemChangeAction } from './data-item-change.entity.js';
import { type ProviderRequest } from './provider-request.entity.js';
import { openRequester, presentActors } from './request.presenter.js';
import { RequestService } from './request.service.js';
import type {
  DataItemChangeType,
  DisclosedActorType,
  DisclosurePackageType,
  ProviderCessationType,
} from './request.type.js';

/**
 * Bumped when the package's shape changes, so a stored hash names the format it covers.
 * 2: `actors` describes who acted in the ledger entries.
 */
export const DISCLOSURE_FORMAT_VERSION = 2;

/** A well-formed UUID (actor references carry one after their prefix). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const json = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

/**
 * The disclosure package (clause 4): everything held about one provider, for a disclosure request
 * whose requester's identity was verified. Read with one lean query per kind of record (the
 * ledger through its (provider_id, sequence) index), values decrypted in one pass; producing it
 * is audited and marks the request with the package's SHA-256.
 */
export class DisclosureService {
  constructor(
    private readonly em: SqlEntityManager,
    private readonly actor: Actor | null,
    private readonly deps: AppDeps,
  ) {}

  produce(requestId: string): Promise<DisclosurePackageType> {
    return this.em.transactional(async (tx) => {
      const em = tx as SqlEntityManager;
      const actor = this.actor;
      if (!actor) throw new DomainError('UNAUTHENTICATED', 'Sign in to continue');
      const request = await new RequestService(em, actor, this.deps).load(requestId);
      const work = validateRequestWork(
        {
          kind: request.kind,
          status: request.status,
          providerLinked: request.provider !== null,
          identityVerified: request.verifiedAt !== null,
        },
        'DISCLOSURE',
      );
      if (!work.ok) throw new BadInputError(work.issues, '');
      const pkg = await buildDisclosurePackage(em, this.deps, request, this.deps.now());
      request.packageProducedAt = pkg.producedAt;
      request.packageHash = pkg.sha256;
      new AuditService(em, actor, this.deps).record({
        action: 'request.disclose',
        entityType: 'ProviderRequest',
        subject: request.id,
        providerIds: [pkg.provider.id],
        detail: {
          reference: request.reference,
          sha256: pkg.sha256,
          categories: [...new Set(pkg.dataItems.map((i) => i.category))],
          counts: {
            dataItems: pkg.dataItems.length,
            ledger: pkg.ledgerCount,
            consentEvents: pkg.consentEvents.length,
            requests: pkg.requests.length,
          },
        },
      });
      await flushOrConflict(em, 'Request');
      return pkg;
    });
  }
}

/**
 * canonicalJson of the package, fast for its bulk: the ledger entries are flat records with one key
 * set (the basis is already a JSON string), so each is written in sorted-key order directly instead
 * of through the generic key sort (the difference is ~100 ms for 10,000 entries). The output is
 * byte-identical to canonicalJson(body).
 */
export function canonicalPackageJson(body: { ledger: readonly object[] } & Record<string, unknown>): string {
  const placeholder = `@@ledger-${randomUUID()}@@`;
  const outer = canonicalJson({ ...body, ledger: placeholder });
  return outer.replace(JSON.stringify(placeholder), () => canonicalFlatRecords(body.ledger));
}

/**
 * A JSON array of flat records (values: primitives, Dates, arrays of primitives) with sorted keys:
 * each record is copied with its keys inserted in sorted order, and the native JSON.stringify,
 * which keeps insertion order, writes them all at once.
 */
function canonicalFlatRecords(records: readonly object[]): string {
  if (!records.length) return '[]';
  const keys = Object.keys(records[0]!).sort();
  const sorted = new Array<Record<string, unknown>>(records.length);
  for (let r = 0; r < records.length; r++) {
    const record = records[r] as Record<string, unknown>;
    const copy: Record<string, unknown> = {};
    for (const key of keys) copy[key] = record[key];
    sorted[r] = copy;
  }
  return JSON.stringify(sorted);
}

/** Runs the thunks one after another, like Promise.all over their results. */
async function inSequence<const T extends readonly (() => Promise<unknown>)[]>(
  thunks: T,
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const results: unknown[] = [];
  for (const thunk of thunks) results.push(await thunk());
  return results as { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
}

/** One ledger entry as the aggregate query returns it (dates as stored, JSON columns parsed). */
interface AggregatedEntry {
  sequence: number;
  id: string;
  recordedAt: number | string;
  kind: LedgerEntryType['kind'];
  actor: string;
  purposeKey: string | null;
  recipientId: string | null;
  categories: string[] | null;
  outcome: LedgerEntryType['outcome'];
  basis: Record<string, unknown> | null;
  policyVersion: number;
  hash: string;
}

/**
 * Every ledger entry about a provider, through its (provider_id, sequence) index, aggregated into
 * one JSON value by the database: one row crosses the driver instead of 10,000 (the per-row cost
 * of the driver dominated the package), and one native JSON.parse builds them all.
 */
async function ledgerAbout(em: SqlEntityManager, providerId: string): Promise<LedgerEntryType[]> {
  const fields =
    "'sequence', sequence, 'id', id, 'recordedAt', recorded_at, 'kind', kind, 'actor', actor, 'purposeKey', purpose_key, " +
    "'recipientId', recipient_id, 'outcome', outcome, 'policyVersion', policy_version, 'hash', hash";
  const sql = isSqlite(em)
    ? `select json_group_array(json_object(${fields}, 'categories', json(categories), 'basis', json(basis))) as entries` +
      ' from (select * from ledger_entry where provider_id = ? order by sequence)'
    : `select coalesce(json_agg(json_build_object(${fields}, 'categories', categories, 'basis', basis) order by sequence), '[]')::text as entries` +
      ' from ledger_entry where provider_id = ?';
  const [row] = await leanRows<{ entries: string | null }>(em, sql, [providerId]);
  const entries = JSON.parse(row?.entries ?? '[]') as AggregatedEntry[];
  // SQLite aggregates in the subquery's order in practice; the order is checked, never assumed.
  for (let i = 1; i < entries.length; i++) {
    if (entries[i]!.sequence < entries[i - 1]!.sequence) {
      entries.sort((a, b) => a.sequence - b.sequence);
      break;
    }
  }
  return entries.map((e) => {
    const basis = e.basis ?? null;
    const exceptionId = typeof basis?.exceptionId === 'string' ? basis.exceptionId : null;
    const kind = basis?.kind;
    return {
      sequence: Number(e.sequence),
      id: e.id,
      recordedAt: fromDbDate(e.recordedAt),
      kind: e.kind,
      actor: e.actor,
      providerId,
      purposeKey: e.purposeKey ?? null,
      recipientId: e.recipientId ?? null,
      categories: e.categories ?? [],
      outcome: e.outcome,
      basisKind:
        kind === 'CONSENT' || kind === 'PUBLICLY_AVAILABLE' || kind === 'EXCEPTION'
          ? kind
          : exceptionId
            ? 'EXCEPTION'
            : null,
      exceptionId,
      exceptionKind: typeof basis?.exceptionKind === 'string' ? basis.exceptionKind : null,
      basis: basis === null ? null : JSON.stringify(basis),
      policyVersion: Number(e.policyVersion),
      hash: e.hash,
    };
  });
}

/** Loads who the ledger's actor references name, and describes them (presentActors). */
async function describeActors(em: SqlEntityManager, refs: readonly string[]): Promise<DisclosedActorType[]> {
  const ids = (prefix: string) =>
    refs.filter((r) => r.startsWith(prefix) && UUID.test(r.slice(prefix.length))).map((r) => r.slice(prefix.length));
  const adminIds = ids('admin:');
  const credentialIds = ids('partner:');
  const systemKeyIds = ids('system:');
  const admins = adminIds.length
    ? await leanRows<Row>(
        em,
        `select id, display_name, role from admin_user where id in (${placeholders(adminIds.length)})`,
        adminIds,
      )
    : [];
  const partners = credentialIds.length
    ? await leanRows<Row>(
        em,
        `select c.id, r.name from partner_credential c join recipient r on r.id = c.recipient_id where c.id in (${placeholders(credentialIds.length)})`,
        credentialIds,
      )
    : [];
  const systems = systemKeyIds.length
    ? await leanRows<Row>(
        em,
        `select id, system_name from system_credential where id in (${placeholders(systemKeyIds.length)})`,
        systemKeyIds,
      )
    : [];
  return presentActors(refs, {
    admins: admins.map((a) => ({ id: String(a.id), displayName: String(a.display_name), role: String(a.role) })),
    partnerKeys: partners.map((p) => ({ id: String(p.id), recipientName: String(p.name) })),
    systemKeys: systems.map((k) => ({ id: String(k.id), systemName: String(k.system_name) })),
  });
}

/** Builds the package for the request's provider as of `at` (no writes). */
export async function buildDisclosurePackage(
  em: SqlEntityManager,
  deps: AppDeps,
  request: ProviderRequest,
  at: Date,
): Promise<DisclosurePackageType> {
  const providerId = request.provider!.id;
  const cipher = deps.cipher;
  // One after another: inside the transaction they share one connection (concurrent queries on one
  // PostgreSQL client are deprecated in node-postgres, and gain nothing).
  const [
    providerRows,
    itemRows,
    collectionRows,
    eventRows,
    ledgerRows,
    requestRows,
    changeRows,
    cessationRows,
    purposes,
    policy,
    org,
  ] = await inSequence([
    () => leanRows<Row>(em, 'select id, reference, kind, created_at from provider where id = ?', [providerId]),
    () =>
      leanRows<Row>(
        em,
        'select id, category, value_sealed, source, channel, collected_at, collection_id, publicly_available, public_provenance from personal_data_item where provider_id = ? order by collected_at desc, id desc',
        [providerId],
      ),
    () =>
      leanRows<Row>(
        em,
        'select id, channel, consent_method, collected_at, policy_version, purposes, categories, source, note, receipt_id, receipt_hash from collection_record where provider_id = ? order by collected_at desc, id desc',
        [providerId],
      ),
    () =>
      leanRows<Row>(
        em,
        'select ce.id, pu.key as purpose_key, ce.action, ce.method, ce.policy_version, ce.occurred_at, ce.sequence, ce.receipt_id, ce.note from consent_event ce join purpose pu on pu.id = ce.purpose_id where ce.provider_id = ? order by ce.sequence',
        [providerId],
      ),
    () => ledgerAbout(em, providerId),
    () =>
      leanRows<Row>(
        em,
        'select id, reference, kind, channel, status, received_at, due_at, completed_at from provider_request where provider_id = ? order by id',
        [providerId],
      ),
    () =>
      leanRows<Row>(
        em,
        'select c.id, c.item_id, c.category, c.action, c.before_sealed, c.after_sealed, c.changed_at, c.changed_by_name, r.reference from data_item_change c left join provider_request r on r.id = c.request_id where c.provider_id = ? order by c.changed_at, c.id',
        [providerId],
      ),
    () =>
      leanRows<Row>(
        em,
        'select c.id, c.action, c.purpose_key, c.recipient_id, c.since, c.recorded_by_name, r.reference from provider_cessation c left join provider_request r on r.id = c.request_id where c.provider_id = ? order by c.since, c.id',
        [providerId],
      ),
    () => loadPurposeFacts(em),
    () => currentPolicyFacts(em),
    () => organisationContact(em),
  ]);
  const provider = providerRows[0]!;

  const rank = new Map<string, number>(DATA_CATEGORIES.map((c, i) => [c, i]));
  const dataItems = itemRows
    .map((r) => ({
      id: String(r.id),
      category: r.category as DataCategory,
      value: revealSealed(cipher, String(r.id), r.category as DataCategory, String(r.value_sealed)),
      source: (r.source as string | null) ?? null,
      channel: r.channel as DisclosurePackageType['dataItems'][number]['channel'],
      collectedAt: fromDbDate(r.collected_at),
      collectionId: (r.collection_id as string | null) ?? null,
      publiclyAvailable: fromDbBoolean(r.publicly_available),
      publicProvenance: (r.public_provenance as string | null) ?? null,
    }))
    .sort((a, b) => (rank.get(a.category) ?? 0) - (rank.get(b.category) ?? 0));

  const events = eventRows.map((r) => ({
    id: String(r.id),
    purposeKey: String(r.purpose_key),
    action: r.action as ConsentAction,
    method: r.method as ConsentMethod,
    policyVersion: Number(r.policy_version),
    occurredAt: fromDbDate(r.occurred_at),
    sequence: Number(r.sequence),
    receiptId: (r.receipt_id as string | null) ?? null,
    note: (r.note as string | null) ?? null,
  }));
  const states = currentConsents(events);
  const titles = new Map(purposes.map((p) => [p.key, p.titleEn]));
  const consents = [...states.values()]
    .map((s) => ({
      purposeKey: s.purposeKey,
      purposeTitle: titles.get(s.purposeKey) ?? s.purposeKey,
      state: s.state as ConsentState,
      since: s.since,
      policyVersion: s.policyVersion,
    }))
    .sort((a, b) => (a.purposeKey < b.purposeKey ? -1 : 1));

  const ledger = ledgerRows;
  const recipientIds = [
    ...new Set(
      [...ledger.map((e) => e.recipientId), ...cessationRows.map((c) => c.recipient_id as string | null)].filter(
        (x): x is string => !!x,
      ),
    ),
  ];
  const recipients = recipientIds.length
    ? await leanRows<{ id: string; name: string; kind: string }>(
        em,
        `select id, name, kind from recipient where id in (${placeholders(recipientIds.length)}) order by name`,
        recipientIds,
      )
    : [];
  const recipientNames = new Map(recipients.map((r) => [String(r.id), String(r.name)]));
  const actors = await describeActors(em, [...new Set(ledger.map((e) => e.actor))]);

  const amendments: DataItemChangeType[] = changeRows.map((r) => {
    const id = String(r.id);
    const category = r.category as DataCategory;
    return {
      id,
      itemId: String(r.item_id),
      category,
      action: r.action as DataItemChangeAction,
      before:
        r.before_sealed == null
          ? null
          : cipher.decrypt(String(r.before_sealed), changeSealContext(id, category, 'before')),
      after:
        r.after_sealed == null
          ? null
          : cipher.decrypt(String(r.after_sealed), changeSealContext(id, category, 'after')),
      changedAt: fromDbDate(r.changed_at),
      changedBy: String(r.changed_by_name),
      requestReference: (r.reference as string | null) ?? null,
    };
  });
  const cessations: ProviderCessationType[] = cessationRows.map((r) => ({
    id: String(r.id),
    action: r.action as ProviderCessationType['action'],
    purposeKey: (r.purpose_key as string | null) ?? null,
    recipientId: (r.recipient_id as string | null) ?? null,
    recipientName: r.recipient_id ? (recipientNames.get(String(r.recipient_id)) ?? null) : null,
    since: fromDbDate(r.since),
    recordedBy: String(r.recorded_by_name),
    requestReference: (r.reference as string | null) ?? null,
  }));

  const requester = openRequester(cipher, request.id, request.requesterSealed);
  const sections = [];
  for (const source of DISCLOSURE_SECTIONS) {
    const records = await source.collect(em, deps, { providerId, cookieConsentIds: requester.cookieConsentIds });
    sections.push({ key: source.key, title: source.title, count: records.length, records });
  }

  const body = {
    formatVersion: DISCLOSURE_FORMAT_VERSION,
    requestId: request.id,
    requestReference: request.reference,
    producedAt: at,
    controller: `${org.name} (${org.secretariatName}, ${org.email}, ${org.telephone})`,
    policyVersion: policy.number,
    provider: {
      id: String(provider.id),
      reference: String(provider.reference),
      kind: provider.kind as DisclosurePackageType['provider']['kind'],
      createdAt: fromDbDate(provider.created_at),
    },
    dataItems,
    collections: collectionRows.map((r) => ({
      id: String(r.id),
      channel: r.channel as DisclosurePackageType['collections'][number]['channel'],
      consentMethod: r.consent_method as ConsentMethod,
      collectedAt: fromDbDate(r.collected_at),
      policyVersion: Number(r.policy_version),
      purposes: (json(r.purposes) as { purposeKey: string; granted: boolean }[]).map((p) => ({
        purposeKey: p.purposeKey,
        granted: p.granted,
      })),
      categories: json(r.categories) as DataCategory[],
      source: (r.source as string | null) ?? null,
      note: (r.note as string | null) ?? null,
      receiptId: String(r.receipt_id),
      receiptHash: String(r.receipt_hash),
    })),
    consents,
    consentEvents: events.map(({ sequence: _sequence, ...e }) => e),
    ledgerCount: ledger.length,
    ledger,
    recipients: recipients.map((r) => ({ id: String(r.id), name: String(r.name), kind: String(r.kind) })),
    actors,
    requests: requestRows.map((r) => ({
      reference: String(r.reference),
      kind: r.kind as DisclosurePackageType['requests'][number]['kind'],
      channel: r.channel as DisclosurePackageType['requests'][number]['channel'],
      status: r.status as DisclosurePackageType['requests'][number]['status'],
      receivedAt: fromDbDate(r.received_at),
      dueAt: fromDbDate(r.due_at),
      completedAt: r.completed_at == null ? null : fromDbDate(r.completed_at),
    })),
    amendments,
    cessations,
    sections: sections.map((s) => ({ key: s.key, title: s.title, count: s.count, records: s.records })),
  };
  const text = canonicalPackageJson(body);
  const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  return {
    ...body,
    sections: sections.map((s) => ({ key: s.key, title: s.title, count: s.count, json: canonicalJson(s.records) })),
    json: text,
    sha256,
  };
}
