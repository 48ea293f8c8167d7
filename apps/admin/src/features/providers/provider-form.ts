import type { ProviderKind, UpdateProviderInput } from '@steward/schema';
import type { ProviderDetail } from './use-provider.js';

/** Only what changed is sent; `null` when nothing did. */
export function providerUpdateInput(
  provider: Pick<ProviderDetail, 'id' | 'version' | 'kind' | 'reference'>,
  values: { kind: ProviderKind; reference: string },
): UpdateProviderInput | null {
  const input: UpdateProviderInput = { id: provider.id, expectedVersion: provider.version };
  if (values.kind !== provider.kind) input.kind = values.kind;
  const reference = values.reference.trim();
  if (reference !== provider.reference) input.reference = reference;
  return input.kind === undefined && input.reference === undefined ? null : input;
}
