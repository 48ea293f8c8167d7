import type { PolicyLanguage, ProviderKind, UpdateProviderInput } from '@steward/schema';
import type { ProviderDetail } from './use-provider.js';

/** Only what changed is sent; `null` when nothing did. */
export function providerUpdateInput(
  provider: Pick<ProviderDetail, 'id' | 'version' | 'kind' | 'reference' | 'language'>,
  values: { kind: ProviderKind; reference: string; language: PolicyLanguage },
): UpdateProviderInput | null {
  const input: UpdateProviderInput = { id: provider.id, expectedVersion: provider.version };
  if (values.kind !== provider.kind) input.kind = values.kind;
  const reference = values.reference.trim();
  if (reference !== provider.reference) input.reference = reference;
  if (values.language !== provider.language) input.language = values.language;
  return input.kind === undefined && input.reference === undefined && input.language === undefined ? null : input;
}
