// The long sweep of hostile values (issue 15): the same generator and checks as CI's
// apps/api/src/common/hostile-input.test.ts — every argument of every query and mutation of the
// emitted schema, over HTTP, as the owner, anonymously and with a partner key; never
// INTERNAL_SERVER_ERROR, refusals store nothing — for minutes per database instead of seconds.
//
//   npm run bench:hostile -w @steward/bench      (DATABASE_URL=… adds PostgreSQL)
//
// BENCH_HOSTILE_MINUTES per database (default 5), BENCH_HOSTILE_SEED (default: a new seed, printed
// so a failure can be replayed), BENCH_HOSTILE_RUNS values per operation and caller per round (default 4).
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const minutes = Number(process.env.BENCH_HOSTILE_MINUTES ?? 5);
const seed = Number(process.env.BENCH_HOSTILE_SEED ?? randomInt(1, 2 ** 31 - 1));
const runs = Number(process.env.BENCH_HOSTILE_RUNS ?? 4);
const api = fileURLToPath(new URL('../apps/api/', import.meta.url));

console.error(`· hostile sweep: ${minutes} min per database, seed ${seed} (BENCH_HOSTILE_SEED=${seed} replays it)`);
const result = spawnSync('npx', ['vitest', 'run', 'src/common/hostile-input.test.ts'], {
  cwd: api,
  stdio: 'inherit',
  env: {
    ...process.env,
    STEWARD_HOSTILE_BUDGET_MS: String(Math.round(minutes * 60_000)),
    STEWARD_HOSTILE_SEED: String(seed),
    STEWARD_HOSTILE_RUNS: String(runs),
  },
});
if (result.status !== 0) {
  console.error(`BENCH FAILED: the hostile sweep found a failure (seed ${seed})`);
  process.exit(1);
}
