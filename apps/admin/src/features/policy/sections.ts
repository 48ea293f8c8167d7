import type { PolicySectionFieldsFragment } from '@steward/schema';

/** Sections in clause order (1–8), whatever order the API sends them in. */
export function orderedSections<T extends Pick<PolicySectionFieldsFragment, 'number'>>(sections: readonly T[]): T[] {
  return [...sections].sort((a, b) => a.number - b.number);
}

/** Body text split into paragraphs (blank lines) for rendering. */
export function paragraphs(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}
