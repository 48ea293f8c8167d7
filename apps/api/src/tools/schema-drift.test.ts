import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { printStewardSchema } from './print-schema.js';

const committed = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../packages/schema/schema.graphql');

describe('the committed GraphQL contract', () => {
  it('is exactly the schema the API serves (run `npm run emit-schema -w @steward/api` after changing it)', async () => {
    expect(readFileSync(committed, 'utf8')).toBe(await printStewardSchema());
  });
});
