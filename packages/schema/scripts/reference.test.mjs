import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REFERENCE_FILE, renderReference, SCHEMA_FILE } from './reference.mjs';

describe('REFERENCE.md', () => {
  it('is the reference of the committed schema.graphql (run `npm run codegen` after changing the schema)', () => {
    const expected = renderReference(readFileSync(SCHEMA_FILE, 'utf8'));
    expect(readFileSync(REFERENCE_FILE, 'utf8') === expected, 'REFERENCE.md is stale: run npm run codegen').toBe(true);
  });
});
