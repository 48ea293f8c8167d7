#!/usr/bin/env node
// Keeps a package README's TypeScript examples equal to runnable files.
//
//   node scripts/readme-examples.mjs <README.md> [--write]
//
// In the README, each ```ts block follows a marker naming its file, relative to the README:
//
//   <!-- example: examples/consent-state.ts -->
//   ```ts
//   …the file's text…
//   ```
//
// Without --write it checks, and exits 1 naming each problem: a ts block with no marker, a block
// that differs from its file, a marker whose file is missing, or a file in the examples folder
// (`examples/` beside the README) that the README does not show. With --write it copies each file
// into its block (adding the block after a marker that has none); the files are the source, so a
// test that runs them keeps the README honest.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const MARKER = /^<!-- example: (\S+) -->$/u;
const TS_FENCE = /^```(?:ts|typescript)\s*$/u;

const args = process.argv.slice(2);
const write = args.includes('--write');
const readmePath = args.find((a) => !a.startsWith('--'));
if (!readmePath) {
  console.error('usage: node scripts/readme-examples.mjs <README.md> [--write]');
  process.exit(2);
}
const baseDir = dirname(readmePath);
const lines = readFileSync(readmePath, 'utf8').split('\n');
const problems = [];
const shown = new Set();
const out = [];

for (let i = 0; i < lines.length; i++) {
  const line = lines[i];
  const marker = MARKER.exec(line);
  if (!marker && TS_FENCE.test(line)) {
    problems.push(`${readmePath}:${i + 1}: a ts block without an "<!-- example: … -->" marker`);
  }
  if (!marker) {
    out.push(line);
    if (line.startsWith('```')) {
      // Copy any other fenced block through untouched, so a marker inside it is not read.
      for (i++; i < lines.length; i++) {
        out.push(lines[i]);
        if (lines[i].startsWith('```')) break;
      }
    }
    continue;
  }
  const file = marker[1];
  const filePath = join(baseDir, file);
  shown.add(relative(baseDir, filePath));
  out.push(line);
  if (!existsSync(filePath)) {
    problems.push(`${readmePath}:${i + 1}: ${file} does not exist`);
    continue;
  }
  const text = readFileSync(filePath, 'utf8').replace(/\n+$/u, '');
  let body = null;
  if (TS_FENCE.test(lines[i + 1] ?? '')) {
    const end = lines.findIndex((l, j) => j > i + 1 && l.startsWith('```'));
    if (end < 0) {
      problems.push(`${readmePath}:${i + 2}: the block after the marker never closes`);
      continue;
    }
    body = lines.slice(i + 2, end).join('\n');
    i = end;
  }
  if (body !== text) {
    if (body === null) problems.push(`${readmePath}:${i + 1}: no ts block after the marker for ${file}`);
    else {
      const a = body.split('\n');
      const b = text.split('\n');
      let n = 0;
      while (a[n] === b[n]) n++;
      problems.push(
        `${readmePath}: the block for ${file} differs from the file at its line ${n + 1}:\n` +
          `  README: ${a[n] ?? '(end)'}\n  file:   ${b[n] ?? '(end)'}`,
      );
    }
  }
  out.push('```ts', text, '```');
}

const examplesDir = join(baseDir, 'examples');
if (existsSync(examplesDir)) {
  for (const f of readdirSync(examplesDir).filter((f) => f.endsWith('.ts'))) {
    const rel = relative(baseDir, join(examplesDir, f));
    if (!shown.has(rel)) problems.push(`${readmePath}: examples/${f} is not shown (add "<!-- example: ${rel} -->")`);
  }
}

if (write) {
  writeFileSync(readmePath, out.join('\n'));
  const left = problems.filter((p) => !p.includes('differs from the file') && !p.includes('no ts block after'));
  for (const p of left) console.error(p);
  process.exit(left.length ? 1 : 0);
}
for (const p of problems) console.error(p);
if (problems.length) {
  console.error('Copy the files into the README: the same command with --write.');
  process.exit(1);
}
