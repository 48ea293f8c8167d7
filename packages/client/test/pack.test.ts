import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

// The package as a partner installs it: packed from a clean copy (prepack builds it), installed into
// a project outside the repository, type-checked strictly (nodenext) and run (scripts/pack-check.mjs).
it('packs, installs outside the workspace, type-checks and runs pack-consumer/main.ts', async () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['scripts/pack-check.mjs', 'packages/client', 'packages/client/pack-consumer'],
    { cwd: root, encoding: 'utf8' },
  );
  console.log(stdout.trim());
  expect(stdout).toMatch(/^@steward\/client@[\d.]+: steward-client-[\d.]+\.tgz, package size [\d.]+ kB/mu);
  expect(stdout).toContain('pack-check passed');
});
