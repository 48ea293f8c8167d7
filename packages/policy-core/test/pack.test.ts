// The package as a developer outside the monorepo gets it: packed from a clean copy (prepack builds),
// installed from the tarball into a scratch project in the temp directory, a strict TypeScript
// consumer type-checked, compiled and run (scripts/pack-check.mjs, shared with other packages).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');

// About 12 s of CPU (the prepack build and the consumer's tsc); longer on a loaded machine.
it('installs from its tarball outside the monorepo, type-checks and runs', { timeout: 180_000 }, () => {
  const check = spawnSync(process.execPath, ['../../scripts/pack-check.mjs', '.', 'pack-consumer'], {
    cwd: packageDir,
    encoding: 'utf8',
  });
  expect(check.stderr, check.stdout).not.toMatch(/pack-check:/u);
  expect(check.status).toBe(0);
  expect(check.stdout).toMatch(/pack-check passed/u);
  console.log(check.stdout.trim());
});
