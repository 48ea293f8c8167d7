import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KNOWN_OPERATIONS } from './known-operations.js';

const operationsDir = join(dirname(fileURLToPath(import.meta.url)), '../../../../packages/schema/operations');

describe('the operation names metrics label by name', () => {
  it('are exactly those of the operation documents Steward ships', () => {
    const names = new Set<string>();
    for (const file of readdirSync(operationsDir).filter((f) => f.endsWith('.graphql'))) {
      const text = readFileSync(join(operationsDir, file), 'utf8');
      for (const m of text.matchAll(/^(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/gm)) names.add(m[1]!);
    }
    expect([...KNOWN_OPERATIONS].sort()).toEqual([...names].sort());
  });
});
