// Every README example is a file in examples/ (the README's blocks are generated from them, see
// scripts/readme-examples.mjs): each runs here against the built package, imported by its name as a
// developer would, and prints exactly what its closing "// Output:" comment says.
// After changing an example: UPDATE_EXAMPLES=1 npx vitest run test/examples.test.ts rewrites the
// comments from what the examples print (read the diff), then npm run readme:examples.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const examplesDir = join(packageDir, 'examples');
const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.ts'))
  .sort();

/** The lines after "// Output:" at the end of an example, without their "// " prefix. */
function expectedOutput(source: string): string {
  const marker = source.lastIndexOf('\n// Output:\n');
  if (marker < 0) throw new Error('An example ends with an "// Output:" comment holding what it prints.');
  return source
    .slice(marker + '\n// Output:\n'.length)
    .trimEnd()
    .split('\n')
    .map((line) => line.replace(/^\/\/ ?/u, ''))
    .join('\n');
}

describe('README examples', () => {
  afterEach(() => vi.restoreAllMocks());

  it('has examples', () => {
    expect(examples.length).toBeGreaterThan(10);
  });

  it.each(examples)('%s prints its expected output', async (file) => {
    const source = readFileSync(join(examplesDir, file), 'utf8');
    expect(source).toMatch(/from '@steward\/policy-core'/u);
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      printed.push(format(...args));
    });
    await import(join(examplesDir, file));
    if (process.env['UPDATE_EXAMPLES'] === '1') {
      const head = source.slice(0, source.lastIndexOf('\n// Output:\n'));
      const comment = printed
        .join('\n')
        .split('\n')
        .map((line) => (line ? `// ${line}` : '//'));
      writeFileSync(join(examplesDir, file), `${head}\n// Output:\n${comment.join('\n')}\n`);
      return;
    }
    expect(printed.join('\n')).toBe(expectedOutput(source));
  });

  it('README code blocks are the example files', () => {
    const check = spawnSync(process.execPath, ['../../scripts/readme-examples.mjs', 'README.md'], {
      cwd: packageDir,
      encoding: 'utf8',
    });
    expect(check.stderr + check.stdout).toBe('');
    expect(check.status).toBe(0);
  });
});
