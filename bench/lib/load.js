import { Worker } from 'node:worker_threads';

/**
 * Drives `body` at `url` for `seconds` (after `warmupSeconds` not counted) with `concurrency`
 * connections, from a worker thread. Returns the raw latencies; errors are counted, never hidden.
 * `pick`: values for `__PICK__` in the body, one drawn at random per request (e.g. provider ids).
 */
export function runLoad({
  url,
  headers = {},
  body,
  seconds,
  warmupSeconds,
  concurrency,
  uniqueBody = false,
  pick = null,
}) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.js', import.meta.url), {
      workerData: { url, headers, body, seconds, warmupSeconds, concurrency, uniqueBody, pick },
    });
    let result = null;
    worker.once('message', (m) => (result = m));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!result) return reject(new Error(`load worker exited with code ${code} and no result`));
      resolve(result);
    });
  });
}

/** One case of a benchmark (url, headers, body, and `unique` or `pick` as runLoad takes them) under load. */
export function loadCase(c, { seconds, warmupSeconds, concurrency }) {
  return runLoad({
    url: c.url,
    headers: c.headers ?? {},
    body: c.body,
    seconds,
    warmupSeconds,
    concurrency,
    uniqueBody: Boolean(c.unique),
    pick: c.pick ?? null,
  });
}

/** Merges the segments of one case: req/s over the measured time, percentiles over all latencies. */
export function summarize(segments) {
  const all = new Float64Array(segments.reduce((n, s) => n + s.latencies.length, 0));
  let at = 0;
  for (const s of segments) {
    all.set(s.latencies, at);
    at += s.latencies.length;
  }
  all.sort();
  const elapsedMs = segments.reduce((t, s) => t + s.elapsedMs, 0);
  return {
    requests: all.length,
    rps: elapsedMs > 0 ? (all.length * 1000) / elapsedMs : 0,
    p50: percentile(all, 0.5),
    p99: percentile(all, 0.99),
    errors: segments.reduce((n, s) => n + s.errors, 0),
    errorSamples: segments.flatMap((s) => s.errorSamples).slice(0, 5),
  };
}

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}
