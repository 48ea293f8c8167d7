import type { SqlEntityManager } from '@mikro-orm/knex';
import {
  refusedOrWithdrawnSince,
  EXCEPTION_KINDS,
  FIELD_LIMITS,
  validateActivation,
  validatePurposeKey,
  validateText,
  type AgreementEventFact,
  type ExceptionKind,
  type Issue,
  type PurposeFact,
} from '@steward/policy-core';
import { BadInputError } from '../common/errors.js';
import { citedConsentEventRows, existingIds } from './exception.queries.js';
import type { Actor, AppDeps } from '../context.js';
import { loadPurposeFacts } from '../purposes/purpose-facts.js';
import { Recipient } from '../recipients/recipient.entity.js';
import {
  EVIDENCE_FIELD,
  evidenceToStore,
  purposeFacts,
  toDraft,
  withInputPaths,
  type ExceptionShape,
} from './exception-facts.js';
import type { CreateExceptionInput } from './exception.inputs.js';
import { PermittedException, type StoredEvidence } from './permitted-exception.entity.js';
import { isUuid } from '../common/ids.js';

/** Issues that only say the exception is not approved yet (or name the approver): not a draft's problem. */
const NOT_A_DRAFT_PROBLEM = new Set(['status', 'approverId', 'approverRole', 'at']);

/** What a draft holds once checked: the columns the input sets. */
export interface DraftValues {
  kind: ExceptionKind;
  title: string;
  evidence: StoredEvidence;
  purposeKeys: string[];
  categories: PermittedException['categories'];
  allProviders: boolean;
  providerIds: string[];
  recipient: Recipient | null;
  validFrom: Date;
  validUntil: Date | null;
}

/** The well-formed consent event ids an agreement's evidence cites, once each. */
export function citedIds(evidence: StoredEvidence): string[] {
  const cited = evidence.consentEventIds;
  return Array.isArray(cited)
    ? [...new Set(cited.filter((id): id is string => typeof id === 'string' && isUuid(id)))]
    : [];
}
/**
 * The checks a draft exception passes before it is stored (create and update) and the consent
 * events an agreement cites (for the checks, approval and the withdrawn-provider list). The rules are
 * policy-core's; this reads the facts they need.
 */
export class ExceptionDraftChecks {
  constructor(
    private readonly em: SqlEntityManager,
    private readonly deps: AppDeps,
  ) {}

  /** A draft's input checked against the rules and the stored rows it names; every problem at once. */
  async check(input: CreateExceptionInput, existing: PermittedException | null, author: Actor): Promise<DraftValues> {
    const issues: Issue[] = [];
    const kind = input.kind;
    const title = input.title.trim();
    const titleIssue = validateText(title, { field: 'title', maxLength: FIELD_LIMITS.source, required: true });
    if (titleIssue) issues.push(titleIssue);

    // Exactly one part of the evidence, the one for this kind.
    const expected = EVIDENCE_FIELD[kind];
    for (const other of EXCEPTION_KINDS) {
      const field = EVIDENCE_FIELD[other];
      if (other !== kind && input.evidence[field] != null) {
        issues.push({
          field: `evidence.${field}`,
          code: 'INVALID_VALUE',
          message: `Evidence for ${other} does not belong to a ${kind} exception.`,
        });
      }
    }
    if (input.evidence[expected] == null) {
      issues.push({
        field: `evidence.${expected}`,
        code: 'REQUIRED',
        message: `Give the evidence for ${kind} (it may be incomplete in a draft).`,
      });
    }
    const evidence = evidenceToStore(kind, input.evidence);

    const scope = input.scope;
    const purposeKeys = scope.purposeKeys.map((k) => k.trim());
    purposeKeys.forEach((key, i) => {
      // Stated or not (an exception may name a purpose outside the stated ones), keyed as policy-core keys purposes.
      const problem = validatePurposeKey(key, `scope.purposeKeys[${i}]`);
      if (problem) issues.push(problem);
    });
    const providerIds = scope.allProviders ? [] : [...new Set(scope.providerIds.map((p) => p.trim()))];
    if (scope.allProviders && scope.providerIds.length) {
      issues.push({
        field: 'scope.providerIds',
        code: 'INVALID_VALUE',
        message: 'Name providers or choose all providers, not both.',
      });
    }
    issues.push(...(await this.unknownIds('provider', providerIds, 'scope.providerIds', 'No such provider')));

    const recipientId = scope.recipientId?.trim() || null;
    const recipient = recipientId && isUuid(recipientId) ? await this.em.findOne(Recipient, { id: recipientId }) : null;
    if (recipientId && !recipient)
      issues.push({ field: 'scope.recipientId', code: 'INVALID_VALUE', message: 'No such recipient.' });
    if (kind === 'OUTSOURCING' && typeof evidence.recipientId === 'string' && evidence.recipientId !== recipientId) {
      const known = await this.unknownIds(
        'recipient',
        [evidence.recipientId],
        `evidence.${expected}.recipientId`,
        'No such recipient',
      );
      issues.push(...known.map((i) => ({ ...i, field: `evidence.${expected}.recipientId` })));
    }

    const now = this.deps.now();
    const values: DraftValues = {
      kind,
      title,
      evidence,
      purposeKeys,
      categories: [...scope.categories],
      allProviders: scope.allProviders,
      providerIds,
      recipient,
      validFrom: input.validFrom ?? existing?.validFrom ?? now,
      validUntil: input.validUntil ?? null,
    };
    const shape: ExceptionShape = {
      id: existing?.id ?? 'new',
      ...values,
      recipientId,
      status: 'DRAFT',
      authorId: author.userId,
      approvedById: null,
      approvedAt: null,
      revokedAt: null,
    };
    const purposes: PurposeFact[] = purposeFacts(await loadPurposeFacts(this.em));
    const validation = validateActivation({
      exception: toDraft(shape),
      approverId: '',
      approverRole: 'OWNER',
      at: now,
      purposes,
      consentEvents: await this.citedConsentEvents(kind, evidence),
    });
    if (!validation.ok) {
      // Incomplete evidence and evidence of what is still to happen are for the approval to refuse.
      const draftProblems = validation.issues.filter(
        (i) => i.code !== 'REQUIRED' && i.code !== 'NOT_YET_HAPPENED' && !NOT_A_DRAFT_PROBLEM.has(i.field),
      );
      issues.push(...withInputPaths(kind, draftProblems));
    }
    if (issues.length) throw new BadInputError(dedupe(issues));
    return values;
  }

  /**
   * The stored consent events among those a PROVIDER_AGREEMENT exception's evidence cites, for
   * policy-core's agreementIssues (an id with none is unknown; malformed ids name none).
   */
  async citedConsentEvents(kind: ExceptionKind, evidence: StoredEvidence): Promise<AgreementEventFact[] | undefined> {
    if (kind !== 'PROVIDER_AGREEMENT') return undefined;
    return this.consentEventFacts(citedIds(evidence));
  }

  /** The stored consent events among `ids`, with whether their provider withdrew or refused since (policy-core's rule). */
  async consentEventFacts(ids: readonly string[]): Promise<AgreementEventFact[]> {
    if (!ids.length) return [];
    const rows = await citedConsentEventRows<{
      id: string;
      provider_id: string;
      purpose_id: string;
      purpose_key: string;
      sequence: unknown;
      action: AgreementEventFact['action'];
    }>(this.em, ids);
    const order = (r: (typeof rows)[number]) => ({
      id: String(r.id),
      purpose: String(r.purpose_id),
      sequence: Number(r.sequence),
      action: r.action,
    });
    const byPair = new Map<string, ReturnType<typeof order>[]>();
    for (const r of rows) {
      const pair = `${r.provider_id}|${r.purpose_id}`;
      const events = byPair.get(pair);
      if (events) events.push(order(r));
      else byPair.set(pair, [order(r)]);
    }
    // PostgreSQL returns uuids in lower case; a cited id may have been typed in upper case.
    const cited = new Set(ids.map((id) => id.toLowerCase()));
    return rows
      .filter((r) => cited.has(String(r.id).toLowerCase()))
      .map((r) => ({
        id: String(r.id),
        providerId: String(r.provider_id),
        purposeKey: r.purpose_key,
        action: r.action,
        withdrawnSince: refusedOrWithdrawnSince(order(r), byPair.get(`${r.provider_id}|${r.purpose_id}`) ?? []),
      }));
  }

  /** Issues for ids that name no row of `table` (malformed ids included), with `field[i]` paths. */
  private async unknownIds(
    table: 'provider' | 'recipient',
    ids: readonly string[],
    field: string,
    message: string,
  ): Promise<Issue[]> {
    if (!ids.length) return [];
    const wellFormed = [...new Set(ids.filter((id) => isUuid(id)))];
    const found = wellFormed.length
      ? new Set((await existingIds(this.em, table, wellFormed)).map((r) => String(r.id)))
      : new Set<string>();
    return ids.flatMap((id, i) =>
      found.has(id) ? [] : [{ field: `${field}[${i}]`, code: 'INVALID_VALUE' as const, message: `${message}.` }],
    );
  }
}

export function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.field}|${i.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What the audit keeps about a scope: references and categories, never values. */
export function auditScope(values: DraftValues): Record<string, unknown> {
  return {
    kind: values.kind,
    purposeKeys: values.purposeKeys,
    categories: values.categories,
    allProviders: values.allProviders,
    recipientId: values.recipient?.id ?? null,
    validFrom: values.validFrom.toISOString(),
    validUntil: values.validUntil?.toISOString() ?? null,
  };
}
