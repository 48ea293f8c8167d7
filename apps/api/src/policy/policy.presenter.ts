import { POLICY_CLAUSE_INFO, textFor, type PolicyLanguage, type PurposeChanges } from '@steward/policy-core';
import type { Organisation } from '../organisation/organisation.entity.js';
import { presentSecretariat } from '../organisation/organisation.presenter.js';
import { changeSummaryOf } from './policy-text.js';
import type { ChangeLogEntry } from './policy.service.js';
import type { PolicySectionData, PolicyVersion } from './policy-version.entity.js';
import type { PolicyDiff, PolicyImpact } from './policy-impact.service.js';
import type {
  PolicyDiffType,
  PolicyImpactType,
  PublicPolicySectionType,
  PublicPolicyType,
  PurposeChangesType,
} from './policy-change.type.js';
import type { PolicyVersionType } from './policy.type.js';

export function presentPurposeChanges(c: PurposeChanges): PurposeChangesType {
  return {
    added: [...c.added],
    widened: c.widened.map((w) => ({ key: w.key, categories: [...w.addedCategories] })),
    narrowed: c.narrowed.map((n) => ({ key: n.key, categories: [...n.removedCategories] })),
    retired: [...c.retired],
  };
}

export function presentDiff(version: PolicyVersion, diff: PolicyDiff): PolicyDiffType {
  return {
    base: diff.base ? presentPolicyVersion(diff.base) : null,
    version: presentPolicyVersion(version),
    sections: diff.sections.map((s) => ({
      ...s,
      lines: s.lines.map((l) => ({
        kind: l.kind,
        text: l.text,
        oldLine: l.kind === 'ADDED' ? null : l.oldLine,
        newLine: l.kind === 'REMOVED' ? null : l.newLine,
      })),
    })),
    purposeChanges: presentPurposeChanges(diff.purposeChanges),
  };
}

export function presentImpact(impact: PolicyImpact): PolicyImpactType {
  return {
    nextVersion: impact.nextVersion,
    providers: impact.providers,
    providersToAsk: impact.providersToAsk,
    consentsMissing: impact.consentsMissing,
    purposeChanges: presentPurposeChanges(impact.changes),
    purposes: impact.purposes.map((p) => ({ ...p, addedCategories: [...p.addedCategories] })),
  };
}

function publicSection(s: PolicySectionData, language: PolicyLanguage): PublicPolicySectionType {
  return {
    clause: s.clause,
    number: POLICY_CLAUSE_INFO[s.clause].number,
    title: language === 'ja' ? s.titleJa : s.titleEn,
    body: language === 'ja' ? s.bodyJa : s.bodyEn,
  };
}

/** The public page: the version in force in one language, the change log and the secretariat. Nothing else leaves. */
export function presentPublicPolicy(
  version: PolicyVersion,
  changeLog: ChangeLogEntry[],
  org: Organisation,
  language: PolicyLanguage,
): PublicPolicyType {
  const sections = version.sections.map((s) => publicSection(s, language));
  return {
    language,
    organisationName: textFor({ ja: org.nameJa, en: org.name }, language).text,
    number: version.number,
    publishedAt: version.publishedAt ?? version.createdAt,
    contentHash: version.contentHash,
    sections,
    websiteUse: sections.find((s) => s.clause === 'WEBSITE_USE') ?? null,
    changeLog: changeLog.map((c) => {
      const summary = textFor(c.changeSummary, language);
      return {
        number: c.number,
        publishedAt: c.publishedAt,
        changeSummary: summary.text,
        changeSummaryLanguage: summary.language,
      };
    }),
    secretariat: presentSecretariat(org, language),
  };
}

export function presentPolicyVersion(v: PolicyVersion): PolicyVersionType {
  const summary = changeSummaryOf(v);
  return {
    id: v.id,
    number: v.number,
    status: v.status,
    publishedAt: v.publishedAt,
    changeSummary: v.changeSummary,
    changeSummaryJa: summary.ja,
    changeSummaryEn: summary.en,
    contentHash: v.contentHash,
    sections: v.sections.map((s) => ({ ...s, number: POLICY_CLAUSE_INFO[s.clause].number })),
    version: v.version,
    purposes: v.purposes
      ? v.purposes.map((p) => ({ ...p, descriptionJa: p.descriptionJa ?? '', categories: [...p.categories] }))
      : null,
  };
}
