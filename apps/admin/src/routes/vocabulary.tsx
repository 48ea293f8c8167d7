import { DataCategoriesPage } from '../features/vocabulary/DataCategoriesPage.js';
import { PurposesPage } from '../features/vocabulary/PurposesPage.js';

export function PurposesRoute() {
  return <PurposesPage />;
}

export function DataCategoriesRoute() {
  return <DataCategoriesPage />;
}
