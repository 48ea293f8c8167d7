// Removes the previous run's reports so the summary counts this run only.
import { rmSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
for (const root of ['packages', 'apps']) {
  if (!existsSync(root)) continue;
  for (const d of readdirSync(root)) rmSync(join(root, d, 'test-results'), { recursive: true, force: true });
}
for (const d of ['bench', 'e2e']) rmSync(join(d, 'test-results'), { recursive: true, force: true });
