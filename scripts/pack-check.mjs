#!/usr/bin/env node
// Checks that a workspace package works for someone outside the monorepo, as they would get it:
//
//   node scripts/pack-check.mjs <workspace dir> <consumer dir> [--keep]
//
// 1. Copies what a clean clone has of the workspace (git's tracked and unignored files: no dist/, no
//    generated code) — and of the workspaces it names in its dependencies, whose files its build may
//    read (e.g. @steward/client's codegen reads packages/schema) — with the root tsconfig*.json and
//    the root node_modules linked for the build tools, into a temporary directory outside the
//    repository, and runs `npm pack` there: `prepack` must build what the package ships.
// 2. Checks the tarball: every file `main`, `types` and `exports` name is in it; no test file is; and
//    (after the install) every source map points at sources the package ships.
// 3. Copies <consumer dir> to another temporary directory and installs the tarball there:
//    `npm install --prefer-offline --no-audit --no-fund <tarball>`. Dependencies the consumer lists
//    as "*" (typescript, @types/node, …) are pinned to what the monorepo's package-lock.json holds
//    (its tarball URL, or its exact version), which `npm ci` left in the npm cache.
// 4. Type-checks and compiles the consumer with its own tsconfig.json and tsc (strict, nodenext,
//    noEmitOnError), runs `node <outDir>/main.js` and compares its output with
//    <consumer dir>/expected-output.txt.
//
// Prints the tarball's size and each step's time; exits 1 on the first failure. The consumer dir
// holds package.json, tsconfig.json, main.ts and expected-output.txt.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const keep = args.includes('--keep');
const [workspaceArg, consumerArg] = args.filter((a) => !a.startsWith('--'));
if (!workspaceArg || !consumerArg) {
  console.error('usage: node scripts/pack-check.mjs <workspace dir> <consumer dir> [--keep]');
  process.exit(2);
}
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const workspace = resolve(workspaceArg);
const consumer = resolve(consumerArg);
const workspaceRel = relative(root, workspace);
if (workspaceRel.startsWith('..') || !existsSync(join(workspace, 'package.json'))) {
  console.error(`pack-check: ${workspace} is not a workspace of ${root}`);
  process.exit(2);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const tmp = mkdtempSync(join(tmpdir(), 'pack-check-'));
const started = performance.now();
let last = started;
const timings = [];
const step = (name) => {
  const now = performance.now();
  timings.push(`${name} ${((now - last) / 1000).toFixed(1)} s`);
  last = now;
};
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const cleanUp = () => (keep ? console.log(`kept ${tmp}`) : rmSync(tmp, { recursive: true, force: true }));

function fail(message) {
  console.error(`pack-check: ${message}`);
  cleanUp();
  process.exit(1);
}

function run(command, argv, cwd) {
  try {
    return execFileSync(command, argv, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    return fail(`${[command, ...argv].join(' ')} (in ${cwd}) failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
}

/** The workspace and every workspace its package.json names (transitively), as paths from the root. */
function workspaceClosure() {
  const byName = new Map();
  for (const pattern of readJson(join(root, 'package.json')).workspaces ?? []) {
    const dirs = pattern.endsWith('/*')
      ? readdirSync(join(root, pattern.slice(0, -2)), { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => join(pattern.slice(0, -2), d.name))
      : [pattern];
    for (const dir of dirs) {
      const manifest = join(root, dir, 'package.json');
      if (existsSync(manifest)) byName.set(readJson(manifest).name, dir);
    }
  }
  const found = new Set([workspaceRel]);
  const queue = [workspaceRel];
  while (queue.length) {
    const manifest = readJson(join(root, queue.shift(), 'package.json'));
    for (const field of ['dependencies', 'devDependencies', 'peerDependencies']) {
      for (const name of Object.keys(manifest[field] ?? {})) {
        const dir = byName.get(name);
        if (dir && !found.has(dir)) found.add(dir) && queue.push(dir);
      }
    }
  }
  return [...found];
}

/** Every file under `dir`, recursively. */
function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)],
  );
}

function exportTargets(value) {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(exportTargets);
}

try {
  // 1. A clean clone's copy of the workspace (and the workspaces it builds from), packed.
  const clone = join(tmp, 'clone');
  const dirs = workspaceClosure();
  const files = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...dirs], root)
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(root, file))) continue; // deleted in the working tree
    mkdirSync(dirname(join(clone, file)), { recursive: true });
    cpSync(join(root, file), join(clone, file));
  }
  for (const f of readdirSync(root).filter((name) => /^tsconfig.*\.json$/u.test(name))) {
    cpSync(join(root, f), join(clone, f));
  }
  symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'), 'junction');
  for (const dir of dirs) {
    if (existsSync(join(root, dir, 'node_modules'))) {
      symlinkSync(join(root, dir, 'node_modules'), join(clone, dir, 'node_modules'), 'junction');
    }
  }
  step(`copy (${dirs.join(', ')})`);

  const packDir = join(tmp, 'pack');
  mkdirSync(packDir);
  const packOutput = run(npm, ['pack', '--json', '--pack-destination', packDir], join(clone, workspaceRel));
  // npm prints the prepack scripts' output first, then the JSON array.
  const [packed] = JSON.parse(packOutput.slice(packOutput.search(/^\[/mu)));
  const tarball = join(packDir, packed.filename);
  step('npm pack (prepack build)');
  const kB = (n) => `${(n / 1024).toFixed(1)} kB`;
  console.log(
    `${packed.id}: ${packed.filename}, package size ${kB(packed.size)}, unpacked size ${kB(packed.unpackedSize)}, ` +
      `${packed.entryCount} files`,
  );

  // 2. What the tarball holds.
  const inTarball = new Set(packed.files.map((f) => f.path));
  const manifest = readJson(join(clone, workspaceRel, 'package.json'));
  for (const target of [manifest.main, manifest.types, ...exportTargets(manifest.exports)].filter(Boolean)) {
    if (!inTarball.has(target.replace(/^\.\//u, ''))) fail(`${target} (named in package.json) is not in the tarball`);
  }
  // Every plain entry of "files" (a README, the reference) is really shipped.
  for (const entry of (manifest.files ?? []).filter((f) => !f.startsWith('!') && !f.includes('*'))) {
    if (![...inTarball].some((f) => f === entry || f.startsWith(`${entry}/`)))
      fail(`${entry} (in "files") is not in the tarball`);
  }
  const tests = [...inTarball].filter((f) => /\.test\.|(^|\/)test-fixtures\./u.test(f));
  if (tests.length) fail(`the tarball holds test files: ${tests.join(', ')}`);

  // 3. A project outside the repository with the tarball installed.
  const project = join(tmp, 'consumer');
  cpSync(consumer, project, { recursive: true });
  const consumerManifest = readJson(join(project, 'package.json'));
  const lock = readJson(join(root, 'package-lock.json'));
  for (const field of ['dependencies', 'devDependencies']) {
    for (const [name, range] of Object.entries(consumerManifest[field] ?? {})) {
      if (range !== '*') continue;
      const locked = lock.packages[`node_modules/${name}`];
      if (!locked?.version) fail(`${name} is not in the monorepo's package-lock.json`);
      // The lock may leave registry URLs out (omit-lockfile-registry-resolved): then the exact version.
      consumerManifest[field][name] = locked.resolved ?? locked.version;
    }
  }
  writeFileSync(join(project, 'package.json'), JSON.stringify(consumerManifest, null, 2));
  run(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], project);
  step('npm install');

  // Source maps must resolve to files the package ships (a debugger lands on the real source, or nowhere).
  const installed = join(project, 'node_modules', ...manifest.name.split('/'));
  for (const map of walk(installed).filter((f) => f.endsWith('.map'))) {
    const { sources = [], sourceRoot = '' } = readJson(map);
    for (const source of sources) {
      const path = resolve(dirname(map), sourceRoot, source);
      if (!path.startsWith(installed + sep) || !existsSync(path))
        fail(`${relative(installed, map)} points at ${source}, which the package does not ship`);
    }
  }
  step('source maps');

  // 4. The consumer type-checks, runs and prints what it should.
  const tsconfig = readJson(join(project, 'tsconfig.json'));
  run(process.execPath, [join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], project);
  step('tsc');
  const printed = run(process.execPath, [join(project, tsconfig.compilerOptions?.outDir ?? '.', 'main.js')], project);
  const expected = readFileSync(join(consumer, 'expected-output.txt'), 'utf8');
  if (printed.trimEnd() !== expected.trimEnd()) fail(`the consumer printed\n${printed}\ninstead of\n${expected}`);
  step('node');
  console.log(`pack-check passed in ${((performance.now() - started) / 1000).toFixed(1)} s (${timings.join(', ')})`);
} finally {
  cleanUp();
}
