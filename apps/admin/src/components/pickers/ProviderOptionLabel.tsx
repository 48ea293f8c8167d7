import { Group, Text } from '@mantine/core';
import type { ComboboxLikeRenderOptionInput, ComboboxItem } from '@mantine/core';
import type { ProviderOption } from './use-provider-options.js';

/** One provider in a picker's list: reference in monospace, then the name where the API sent one. */
export function ProviderOptionLabel({ option }: { option: ProviderOption }) {
  return (
    <Group gap={8} wrap="nowrap">
      <Text size="sm" ff="monospace">
        {option.reference}
      </Text>
      {option.displayName && (
        <Text size="sm" truncate>
          {option.displayName}
        </Text>
      )}
    </Group>
  );
}

/** A picker's `renderOption`: the provider's reference and name, once known. */
export function renderProviderOption(optionOf: (id: string) => ProviderOption | undefined) {
  return function ProviderOptionItem({ option }: ComboboxLikeRenderOptionInput<ComboboxItem>) {
    const o = optionOf(option.value);
    return o ? <ProviderOptionLabel option={o} /> : option.label;
  };
}
