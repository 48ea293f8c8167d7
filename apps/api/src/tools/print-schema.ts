import { lexicographicSortSchema, printSchema } from 'graphql';
import { stewardSchema } from '../schema.js';

const HEADER =
  '# Emitted by apps/api (npm run emit-schema -w @steward/api). Do not edit: a test fails when it drifts.\n\n';

export async function printStewardSchema(): Promise<string> {
  return HEADER + printSchema(lexicographicSortSchema(await stewardSchema())) + '\n';
}
