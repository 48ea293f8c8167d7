import type { EntityManager } from '@mikro-orm/core';
import {
  normalizeLineBreaks,
  orderCategories,
  POLICY_CLAUSES,
  type DataCategory,
  type PolicySections,
  type PurposeFact,
  bilingualFromLegacy,
  rewriteContactClause,
  type BilingualText,
  type ContactDetails,
} from '@steward/policy-core';
import { createHash } from 'node:crypto';
import { NotFoundError } from '../common/errors.js';
import { fromDbDate } from '../common/sql/dialect.js';
import { canonicalJson } from '../common/canonical-json.js';
import { currentPolicyRow } from './policy.queries.js';
import { type PurposeFields } from '../purposes/purpose-facts.js';
import type { PolicyPurposeInput, PolicySectionInput } from './policy.inputs.js';
import { PolicyVersion, type PolicyPurposeData, type PolicySectionData } from './policy-version.entity.js';

// The text and purposes of a policy version: the version in force, its content hash, and the
// normalised shapes a draft is stored in and compared by.

/** The version in force: the newest published one governs all data, whenever it was collected (clause 7). */
export async function currentPolicy(em: EntityManager): Promise<PolicyVersion> {
  const v = await em.findOne(PolicyVersion, { status: 'PUBLISHED' }, { orderBy: { number: 'desc' } });
  if (!v) throw new NotFoundError('Published policy version');
  return v;
}

/** Number, content hash and publication (its effective date) of the version in force: one lean query (no sections to hydrate) for the write paths. */
export async function currentPolicyFacts(
  em: EntityManager,
): Promise<{ number: number; contentHash: string; publishedAt: Date | null }> {
  const row = await currentPolicyRow(em);
  if (!row) throw new NotFoundError('Published policy version');
  return {
    number: Number(row.number),
    contentHash: row.content_hash,
    publishedAt: row.published_at == null ? null : fromDbDate(row.published_at),
  };
}

/** Clause 8 (inquiries) of a version, in Japanese and English: what the secretariat's contact is compared with. */
export function inquiriesClause(sections: readonly PolicySectionData[]): BilingualText {
  const s = sections.find((x) => x.clause === 'INQUIRIES');
  return { ja: s?.bodyJa ?? '', en: s?.bodyEn ?? '' };
}

/** The sections with clause 8's text in both languages naming `contact` (policy-core's rewriteContactClause). */
export function withContactUpdated(
  sections: readonly PolicySectionData[],
  contact: ContactDetails,
): PolicySectionData[] {
  return sections.map((s) =>
    s.clause === 'INQUIRIES'
      ? {
          ...s,
          bodyJa: rewriteContactClause(s.bodyJa, contact, 'ja'),
          bodyEn: rewriteContactClause(s.bodyEn, contact, 'en'),
        }
      : { ...s },
  );
}

/**
 * A version's change summary in both languages: its own fields, or — for a version written before
 * them — the one-language text placed in the language it is written in (read, never rewritten).
 */
export function changeSummaryOf(v: {
  changeSummary: string;
  changeSummaryJa: string | null;
  changeSummaryEn: string | null;
}): BilingualText {
  if (v.changeSummaryJa === null && v.changeSummaryEn === null) return bilingualFromLegacy(v.changeSummary);
  return { ja: v.changeSummaryJa ?? '', en: v.changeSummaryEn ?? '' };
}

export function policyContentHash(sections: readonly PolicySectionData[]): string {
  return createHash('sha256').update(canonicalJson(sections)).digest('hex');
}

/** A version's text as policy-core's diff reads it: per clause and language, the title line then the body. */
export function sectionsForDiff(sections: readonly PolicySectionData[]): PolicySections {
  const out: Record<string, { ja: string; en: string }> = {};
  for (const s of sections) out[s.clause] = { ja: `${s.titleJa}\n${s.bodyJa}`, en: `${s.titleEn}\n${s.bodyEn}` };
  return out as PolicySections;
}

/** A purpose as policy-core compares them. */
export function purposeFact(p: { key: string; categories: readonly DataCategory[]; retired: boolean }): PurposeFact {
  return { key: p.key, categories: [...p.categories], retired: p.retired };
}

/** Normalised sections in clause order: titles trimmed, line breaks LF, trailing space of bodies removed. */
export function normalizeSections(sections: readonly PolicySectionInput[]): PolicySectionData[] {
  return sections.map((s) => ({
    clause: s.clause,
    titleEn: s.titleEn.trim(),
    titleJa: s.titleJa.trim(),
    bodyEn: normalizeLineBreaks(s.bodyEn).trim(),
    bodyJa: normalizeLineBreaks(s.bodyJa).trim(),
  }));
}

export function inClauseOrder(sections: readonly PolicySectionData[]): PolicySectionData[] {
  const order = new Map<string, number>(POLICY_CLAUSES.map((c, i) => [c, i]));
  return [...sections].sort((a, b) => (order.get(a.clause) ?? 99) - (order.get(b.clause) ?? 99));
}

export function normalizePurposes(purposes: readonly PolicyPurposeInput[]): PolicyPurposeData[] {
  return purposes.map((p) => ({
    key: p.key.trim(),
    titleEn: p.titleEn.trim(),
    titleJa: p.titleJa.trim(),
    description: normalizeLineBreaks(p.description).trim(),
    descriptionJa: normalizeLineBreaks(p.descriptionJa).trim(),
    categories: orderCategories(p.categories),
    retired: p.retired,
  }));
}

/** What the purposes of a version look like as stored data (the live table, or a version's snapshot). */
export function purposeData(p: PurposeFields): PolicyPurposeData {
  return {
    key: p.key,
    titleEn: p.titleEn,
    titleJa: p.titleJa,
    description: p.description,
    descriptionJa: p.descriptionJa ?? '',
    categories: orderCategories(p.categories),
    retired: p.retired,
  };
}

/** Whether anything a provider reads about the purposes differs (wording included, not only categories). */
export function purposesDiffer(current: readonly PolicyPurposeData[], next: readonly PolicyPurposeData[]): boolean {
  // A snapshot taken before purposes had a Japanese description reads as an empty one.
  const key = (list: readonly PolicyPurposeData[]) =>
    canonicalJson(
      [...list]
        .map((p) => ({ ...p, descriptionJa: p.descriptionJa ?? '' }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    );
  return key(current) !== key(next);
}
