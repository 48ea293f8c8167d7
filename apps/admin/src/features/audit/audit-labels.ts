import type { TFunction } from 'i18next';

// What the API writes as an audit action (`auth.mfa_failed`, `policy.draft.create`) and entity type
// (`ProviderRequest`); anything else is shown as it came, made readable.
const ACTION_NAME = /^[a-z_]+(\.[a-z_]+)+$/;
const ENTITY_TYPE = /^[A-Z][A-Za-z]+$/;

/** `cookie_site.create` → `Cookie site · create`: an action the catalogues do not know yet, still legible. */
export function readableAction(action: string): string {
  const words = action
    .split('.')
    .map((part) => part.replace(/_/g, ' ').trim())
    .filter(Boolean)
    .join(' · ');
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : action;
}

/** The audit action's label in the language shown (the `audit` catalogue's `actions.<action>`), else readableAction. */
export function auditActionLabel(t: TFunction, action: string): string {
  if (!ACTION_NAME.test(action)) return readableAction(action);
  const label: unknown = t(`audit:actions.${action}`, { defaultValue: '', returnObjects: true });
  return typeof label === 'string' && label !== '' ? label : readableAction(action);
}

/** The entity type's label (`ProviderRequest` → Provider request / 開示等の請求), else the type as written. */
export function auditEntityLabel(t: TFunction, entityType: string): string {
  if (!ENTITY_TYPE.test(entityType)) return entityType;
  const label: unknown = t(`audit:entities.${entityType}`, { defaultValue: '', returnObjects: true });
  return typeof label === 'string' && label !== '' ? label : entityType;
}
