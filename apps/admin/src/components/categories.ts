import { DATA_CATEGORY_INFO } from '@steward/policy-core';
import type { DataCategory } from '@steward/schema';

/** The English label of a data category, from policy-core's vocabulary. */
export function categoryLabel(category: DataCategory): string {
  return DATA_CATEGORY_INFO[category]?.label.en ?? category;
}
