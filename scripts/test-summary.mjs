#!/usr/bin/env node
// Sums the vitest JSON reports of every workspace into the one plain line CI reads:
// "N passed, N failed" (", N skipped" after it). Exits non-zero when a suite failed or reported nothing.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['packages', 'apps', '.'];
const reports = [];
for (const root of roots) {
  const dirs = root === '.' ? ['bench', 'e2e'] : existsSync(root) ? readdirSync(root).map((d) => join(root, d)) : [];
  for (const dir of dirs) {
    const file = join(dir, 'test-results', 'vitest.json');
    if (existsSync(file)) reports.push(file);
  }
}
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of reports) {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += (r.numFailedTests ?? 0) + (r.numFailedTestSuites && !r.numFailedTests ? r.numFailedTestSuites : 0);
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`  ${file}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests ?? 0} skipped`);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
