#!/usr/bin/env node
// Checks that a workspace package works for someone outside the monorepo:
//
//   node scripts/pack-check.mjs <workspace dir> <consumer dir> [--keep]
//
// 1. Copies the workspace as a clean clone has it (git's tracked and unignored files, so no dist/),
//    with the repository's tsconfig*.json beside it and node_modules linked for its build tools,
//    into a temporary directory outside the workspace, and runs `npm pack` there: `prepack` must
//    build what the package ships. (Packing a copy leaves the workspace's own dist/ alone while
//    other tests import it.)
// 2. Checks the tarball: every file `exports`, `main` and `types` name is in it, no test file is,
//    and every source map (.js.map, .d.ts.map) points at sources that are in it.
// 3. Installs the tarball into a scratch project (a copy of <consumer dir>) in another temporary
//    directory: `npm install --prefer-offline --no-audit --no-fund <tarball>`. The consumer's
//    package.json lists its tools (typescript, @types/node…) as "*": they are pinned, with their
//    dependencies, to the monorepo's package-lock.json (versions and integrity in the scratch
//    project's own lockfile), so npm takes them from the cache `npm ci` filled, with no network.
// 4. Type-checks and compiles the consumer with its tsconfig.json (its own `tsc`, strict,
//    moduleResolution nodenext, noEmitOnError), runs `node <outDir>/main.js` and compares what it
//    prints with <consumer dir>/expected-output.txt.
//
// Prints the tarball's size (as `npm pack --dry-run` reports it) and each step's time; exits 1 on
// the first failure. The consumer dir holds package.json, tsconfig.json (plain JSON; its outDir
// gets main.js), main.ts and expected-output.txt.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
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
if (workspaceRel.startsWith('..')) fail(`${workspace} is not inside ${root}`);

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let tmp = null;
const started = performance.now();
let last = started;
const timings = [];
function step(name) {
  const now = performance.now();
  timings.push(`${name} ${((now - last) / 1000).toFixed(1)} s`);
  last = now;
}
function fail(message) {
  console.error(`pack-check: ${message}`);
  if (tmp && !keep) rmSync(tmp, { recursive: true, force: true });
  process.exit(1);
}
function run(command, argv, cwd) {
  try {
    // npm is npm.cmd on Windows, which only a shell runs.
    const shell = process.platform === 'win32' && command === npm;
    return execFileSync(command, argv, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], shell });
  } catch (error) {
    fail(`${[command, ...argv].join(' ')} (in ${cwd}) failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
}

tmp = mkdtempSync(join(tmpdir(), 'pack-check-'));
try {
  // 1. A clean clone's copy of the workspace, packed.
  const cloneRoot = join(tmp, 'clone');
  const tracked = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', workspaceRel], root)
    .split('\0')
    .filter(Boolean);
  for (const file of tracked) {
    const from = join(root, file);
    if (!existsSync(from)) continue; // deleted in the working tree
    mkdirSync(dirname(join(cloneRoot, file)), { recursive: true });
    cpSync(from, join(cloneRoot, file));
  }
  for (const f of readdirSync(root).filter((f) => /^tsconfig.*\.json$/u.test(f)))
    cpSync(join(root, f), join(cloneRoot, f));
  symlinkSync(join(root, 'node_modules'), join(cloneRoot, 'node_modules'), 'junction');
  if (existsSync(join(workspace, 'node_modules'))) {
    symlinkSync(join(workspace, 'node_modules'), join(cloneRoot, workspaceRel, 'node_modules'), 'junction');
  }
  step('copy');

  const packDir = join(tmp, 'pack');
  mkdirSync(packDir);
  const [packed] = JSON.parse(
    run(npm, ['pack', '--json', '--pack-destination', packDir], join(cloneRoot, workspaceRel)),
  );
  const tarball = join(packDir, packed.filename);
  step('npm pack (prepack build)');
  const files = new Set(packed.files.map((f) => f.path));
  // As `npm pack` reports sizes (1 kB = 1000 bytes).
  const size = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${(n / 1e3).toFixed(1)} kB`);
  console.log(
    `${packed.id}: ${packed.filename}, package size ${size(statSync(tarball).size)}, ` +
      `unpacked size ${size(packed.unpackedSize)}, ${packed.entryCount} files, shasum ${packed.shasum}`,
  );

  // 2. What the tarball holds.
  const manifest = JSON.parse(readFileSync(join(cloneRoot, workspaceRel, 'package.json'), 'utf8'));
  const targets = [manifest.main, manifest.types, ...exportTargets(manifest.exports)].filter(Boolean);
  for (const target of targets) {
    const path = target.replace(/^\.\//u, '');
    if (!files.has(path)) fail(`${target} (named in package.json) is not in the tarball`);
  }
  const tests = [...files].filter((f) => /\.test\.|(^|\/)test-fixtures\./u.test(f));
  if (tests.length) fail(`the tarball holds test files: ${tests.join(', ')}`);

  // 3. A scratch project outside the workspace, with the tarball installed.
  const project = join(tmp, 'consumer');
  cpSync(consumer, project, { recursive: true });
  const consumerManifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
  writeLockedTools(project, consumerManifest, JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')));
  run(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], project);
  step('npm install');

  const installed = join(project, 'node_modules', ...manifest.name.split('/'));
  for (const map of walk(installed).filter((f) => f.endsWith('.map'))) {
    const { sources = [], sourceRoot = '' } = JSON.parse(readFileSync(map, 'utf8'));
    for (const source of sources) {
      const path = resolve(dirname(map), sourceRoot, source);
      if (!path.startsWith(installed + sep) || !existsSync(path)) {
        fail(`${relative(installed, map)} points at ${source}, which the package does not ship`);
      }
    }
  }
  step('source maps');

  // 4. The consumer type-checks, runs and prints what it should.
  const tsconfig = JSON.parse(readFileSync(join(project, 'tsconfig.json'), 'utf8'));
  run(process.execPath, [join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], project);
  step('tsc');
  const outDir = tsconfig.compilerOptions?.outDir ?? '.';
  const printed = run(process.execPath, [join(project, outDir, 'main.js')], project);
  const expected = readFileSync(join(consumer, 'expected-output.txt'), 'utf8');
  if (printed.trimEnd() !== expected.trimEnd()) {
    fail(`the consumer printed\n${printed}\ninstead of\n${expected}`);
  }
  step('node');
  console.log(`pack-check passed in ${((performance.now() - started) / 1000).toFixed(1)} s (${timings.join(', ')})`);
} finally {
  if (keep) console.log(`kept ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
}

/**
 * Pins the consumer's "*" dependencies to the versions the monorepo locks, writing a lockfile with
 * their entries (and their dependencies' entries, where npm placed them) copied from the monorepo's.
 */
function writeLockedTools(project, manifest, lock) {
  const entries = {};
  const visit = (from, name) => {
    // Node's lookup: the nearest node_modules/<name> from the dependent's folder up.
    for (let dir = from; ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf('/node_modules/')))) {
      const path = `${dir ? `${dir}/` : ''}node_modules/${name}`;
      const entry = lock.packages[path];
      if (entry) {
        if (entries[path]) return entry;
        entries[path] = { ...entry, dev: true };
        delete entries[path].devOptional;
        for (const dep of Object.keys(entry.dependencies ?? {})) visit(path, dep);
        return entry;
      }
      if (!dir) fail(`${name} (for ${from || 'the consumer'}) is not in the monorepo's package-lock.json`);
    }
  };
  for (const field of ['dependencies', 'devDependencies']) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (range === '*') manifest[field][name] = visit('', name).version;
    }
  }
  writeFileSync(join(project, 'package.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(
    join(project, 'package-lock.json'),
    JSON.stringify({ name: manifest.name, lockfileVersion: 3, requires: true, packages: { '': manifest, ...entries } }),
  );
}

/** Every file an `exports` value names (conditions and subpaths, nested). */
function exportTargets(value) {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(exportTargets);
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
