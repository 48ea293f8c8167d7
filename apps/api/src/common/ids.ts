import { v7 } from 'uuid';

/** Time-ordered UUIDs (v7): primary keys sort by creation, so keyset pagination can use the id alone. */
export function newId(): string {
  return v7();
}
