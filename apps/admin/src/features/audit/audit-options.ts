import type { TFunction } from 'i18next';

const ACTIONS_SUBTREE = 'audit:actions';

/** Every action the `audit` catalogue names (`actions.<area>.<verb>`, nested), as `{ value: code, label }`. */
export function auditActionOptions(t: TFunction): { value: string; label: string }[] {
  // The whole subtree, not one message (the catalogue check reads literal keys of messages).
  const tree: unknown = t(ACTIONS_SUBTREE, { returnObjects: true });
  const out: { value: string; label: string }[] = [];
  const walk = (node: unknown, path: string[]) => {
    if (typeof node === 'string') out.push({ value: path.join('.'), label: node });
    else if (node && typeof node === 'object')
      for (const [key, child] of Object.entries(node as Record<string, unknown>)) walk(child, [...path, key]);
  };
  walk(tree, []);
  return out.sort((a, b) => a.label.localeCompare(b.label));
}

/** A detail key's label (`audit:detailKeys.<key>`), else the key made readable (`policyVersion` → Policy version). */
export function auditDetailLabel(t: TFunction, key: string): string {
  const label: unknown = /^[A-Za-z]+$/.test(key) ? t(`audit:detailKeys.${key}`, { defaultValue: '' }) : '';
  if (typeof label === 'string' && label) return label;
  const words = key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A date input's value (YYYY-MM-DD, the browser's day) as the start of that day, ISO. */
export function dayStart(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const d = new Date(`${value}T00:00:00`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** The day after a date input's day, ISO: "until" includes the whole day chosen. */
export function dayEnd(value: string): string | null {
  const start = dayStart(value);
  return start ? new Date(new Date(start).getTime() + 86_400_000).toISOString() : null;
}
