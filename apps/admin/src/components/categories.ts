import type { DataCategory } from '@steward/schema';
import { DATA_CATEGORY_LABEL } from './labels.js';

/** A data category's label in the language on screen (policy-core's catalogue); the code itself if unknown. */
export function categoryLabel(category: DataCategory): string {
  return DATA_CATEGORY_LABEL[category] ?? category;
}
