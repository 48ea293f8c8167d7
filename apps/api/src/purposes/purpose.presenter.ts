import type { DataCategoryEntity } from './data-category.entity.js';
import type { PurposeFields } from './purpose-facts.js';
import type { DataCategoryInfoType, PurposeType } from './purpose.type.js';

export function presentPurpose(p: PurposeFields): PurposeType {
  return {
    id: p.id,
    key: p.key,
    titleEn: p.titleEn,
    titleJa: p.titleJa,
    description: p.description,
    descriptionJa: p.descriptionJa,
    categories: [...p.categories],
    introducedInVersion: p.introducedInVersion,
    retired: p.retired,
  };
}

export function presentDataCategory(c: DataCategoryEntity): DataCategoryInfoType {
  return { key: c.key, labelEn: c.labelEn, labelJa: c.labelJa, description: c.description, sensitivity: c.sensitivity };
}
