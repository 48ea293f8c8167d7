// The disclosure-package benchmark on its own (it also runs at the end of `npm run bench`):
//   npm run bench:disclosure -w @steward/bench      (DATABASE_URL=… adds PostgreSQL)
import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { timeDisclosurePackage } from './lib/disclosure.js';
import { serverErrors } from './lib/steward.js';

const ENTRIES = Number(process.env.BENCH_DISCLOSURE_ENTRIES ?? 10_000);
const ITEMS = Number(process.env.BENCH_DISCLOSURE_ITEMS ?? 100);
const RUNS = Number(process.env.BENCH_DISCLOSURE_RUNS ?? 20);
const DATABASE_URL = process.env.DATABASE_URL?.trim() || null;
const DATABASES = (process.env.BENCH_DATABASES ?? (DATABASE_URL ? 'sqlite,postgresql' : 'sqlite'))
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const CACHE_DIR = fileURLToPath(new URL('./.cache/', import.meta.url));

/** Runs the case on each database and prints one line per selection; true when all went well. */
export async function reportDisclosure({ databases = DATABASES, progress = (m) => console.error(`· ${m}`) } = {}) {
  let ok = true;
  for (const kind of databases) {
    const label = kind === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    try {
      const r = await timeDisclosurePackage({
        kind,
        entries: ENTRIES,
        items: ITEMS,
        runs: RUNS,
        cacheDir: CACHE_DIR,
        baseUrl: DATABASE_URL,
        progress,
      });
      for (const [name, what] of [
        ['admin', "the admin's selection: every typed field, ledger preview of 200, canonical JSON"],
        ['typed', 'every typed field with all ledger entries typed, canonical JSON'],
        ['json', 'canonical JSON + SHA-256 only'],
      ]) {
        const t = r[name];
        const verdict = t.median < 500 ? 'meets' : 'misses';
        console.log(
          `${label}: disclosure package, ${r.ledgerCount.toLocaleString('en')} ledger entries + ${r.items} items (${what}; ${(t.bytes / 1e6).toFixed(1)} MB JSON): ` +
            `median ${t.median.toFixed(0)} ms, p95 ${t.p95.toFixed(0)} ms (CPU median ${t.cpuMedian.toFixed(0)} ms) over ${RUNS} runs — ${verdict} the 0.5 s target`,
        );
      }
    } catch (err) {
      ok = false;
      console.error(`BENCH FAILED: disclosure package on ${label}:`, err instanceof Error ? err.stack : err);
    }
  }
  if (serverErrors.length) ok = false;
  return ok;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  reportDisclosure().then((ok) => {
    if (!ok) process.exitCode = 1;
  });
}
