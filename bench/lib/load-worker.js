// Load generator, run in a worker thread so that the servers under test (main thread) keep their
// event loop to themselves: a fixed number of concurrent keep-alive connections, each sending its
// next request as soon as the previous answer arrived (closed loop).
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { url, headers, body, seconds, warmupSeconds, concurrency, uniqueBody, pick } = workerData;
const target = new URL(url);
const fixed = Buffer.from(body);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });

/**
 * With `uniqueBody`, every `__UUID__` in the body is a fresh random UUID in each request (e.g.
 * idempotency keys); with `pick`, every `__PICK__` is one of its values, drawn at random (e.g. an
 * existing provider, so that a case does not read and write the same rows over and over).
 */
function nextPayload() {
  let text = body;
  if (uniqueBody) text = text.replace(/__UUID__/g, () => randomUUID());
  if (pick?.length) text = text.replace(/__PICK__/g, () => pick[Math.floor(Math.random() * pick.length)]);
  return text === body ? fixed : Buffer.from(text);
}

function send() {
  const payload = nextPayload();
  const requestHeaders = { ...headers, 'content-type': 'application/json', 'content-length': String(payload.length) };
  return new Promise((resolve) => {
    const start = performance.now();
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        agent,
        headers: requestHeaders,
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({
            start,
            end: performance.now(),
            status: res.statusCode,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', (error) => resolve({ start, end: performance.now(), error }));
      },
    );
    req.on('error', (error) => resolve({ start, end: performance.now(), error }));
    // A hung server is an error, not an endless bench.
    req.setTimeout(30_000, () => req.destroy(new Error('no answer within 30 s')));
    req.end(payload);
  });
}

/** A non-200, an unparsable body, a GraphQL error or missing data: the answer is not a success. */
function failure(r) {
  if (r.error) return `network: ${r.error.message}`;
  if (r.status !== 200) return `HTTP ${r.status}: ${r.text.slice(0, 300)}`;
  let json;
  try {
    json = JSON.parse(r.text);
  } catch {
    return `unparsable body: ${r.text.slice(0, 300)}`;
  }
  if (json.errors?.length) return `GraphQL error: ${JSON.stringify(json.errors).slice(0, 300)}`;
  if (!json.data) return 'no data in response';
  return null;
}

const t0 = performance.now();
const measureFrom = t0 + warmupSeconds * 1000;
const stopAt = measureFrom + seconds * 1000;
const latencies = [];
let errors = 0;
let warmupRequests = 0;
let lastEnd = measureFrom;
const errorSamples = [];

async function loop() {
  while (performance.now() < stopAt) {
    const r = await send();
    const why = failure(r);
    if (why) {
      errors++;
      if (errorSamples.length < 5) errorSamples.push(why);
      continue;
    }
    if (r.start >= measureFrom && r.end <= stopAt) {
      latencies.push(r.end - r.start);
      if (r.end > lastEnd) lastEnd = r.end;
    } else if (r.start < measureFrom) {
      warmupRequests++;
    }
  }
}

await Promise.all(Array.from({ length: concurrency }, loop));
agent.destroy();
parentPort.postMessage({
  latencies: Float64Array.from(latencies),
  elapsedMs: latencies.length ? lastEnd - measureFrom : seconds * 1000,
  errors,
  errorSamples,
  warmupRequests,
});
