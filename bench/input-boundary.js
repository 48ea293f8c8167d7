// The input boundary's own cost per request (issue 13, step 6): the plugin's requestDidStart and responseForOperation —
// plan lookup and the check of every variable string — on the two hot paths' real operations and
// variables (the `decision` query as the bench's internal system asks it, the banner's
// `recordCookieConsent`), plus the one-off cost of planning an operation the first time Apollo's
// document cache hands it over. No server and no database: the work the boundary adds to a request,
// CPU microseconds per call measured with process.cpuUsage over many calls, in one process.
//
//   npm run build && node bench/input-boundary.js      (BENCH_CALLS, default 200,000 per case)
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { getOperationAST, parse } from 'graphql';
import { inputBoundaryPlugin, planOperation } from '@steward/api/dist/common/input-boundary.js';
import { stewardSchema } from '@steward/api/dist/schema.js';
import { cookieConsentInput, RECORD_COOKIE_CONSENT } from './lib/cookie-consent.js';
import { DECISION_QUERY } from './lib/courier.js';

const CALLS = process.env.BENCH_CALLS ? Number(process.env.BENCH_CALLS) : 200_000;
const ROUNDS = 5;

const cases = [
  {
    name: 'decision (USE/PROVIDE, 2 categories)',
    query: DECISION_QUERY,
    variables: () => ({
      input: {
        action: 'PROVIDE',
        providerId: randomUUID(),
        purposeKey: 'JOURNAL_DELIVERY',
        categories: ['NAME', 'POSTAL_ADDRESS'],
        recipientId: randomUUID(),
      },
    }),
  },
  {
    name: 'recordCookieConsent (4 choices)',
    query: RECORD_COOKIE_CONSENT,
    variables: () => ({ input: cookieConsentInput('site_jspe_demo', randomUUID(), randomUUID()) }),
  },
];

const schema = await stewardSchema();
const plugin = inputBoundaryPlugin();
const listener = await plugin.requestDidStart({});
/** What Apollo does with the plugin per request: start it, then ask it for a response before execution. */
const perRequestWork = async (requestContext) => {
  const hooks = await plugin.requestDidStart(requestContext);
  return hooks.responseForOperation(requestContext);
};

/** CPU µs per call of `fn` (median of ROUNDS rounds of CALLS calls each, after a warm-up round). */
async function cpuMicros(fn, calls) {
  const rounds = [];
  for (let r = 0; r <= ROUNDS; r++) {
    const start = process.cpuUsage();
    for (let i = 0; i < calls; i++) await fn(i);
    const used = process.cpuUsage(start);
    if (r > 0) rounds.push((used.user + used.system) / calls);
  }
  rounds.sort((a, b) => a - b);
  return rounds[Math.floor(rounds.length / 2)];
}

console.log(`input boundary, Node ${process.version}, ${CALLS.toLocaleString()} calls × ${ROUNDS} rounds per case`);
for (const c of cases) {
  const document = parse(c.query);
  const operation = getOperationAST(document);
  // Fresh variables per call (as requests bring them), made before timing.
  const variables = Array.from({ length: 1000 }, c.variables);
  const requestContext = (i) => ({ schema, document, operation, request: { variables: variables[i % 1000] } });
  const refusals = await listener.responseForOperation(requestContext(0));
  if (refusals !== null) throw new Error(`${c.name}: refused a valid request: ${JSON.stringify(refusals.body)}`);

  const empty = await cpuMicros(async () => undefined, CALLS);
  const perRequest = await cpuMicros((i) => perRequestWork(requestContext(i)), CALLS);
  const plan = await cpuMicros(() => planOperation(schema, document, operation), Math.max(1, CALLS / 20));
  console.log(
    `${c.name.padEnd(40)} per request ${(perRequest - empty).toFixed(2)} µs CPU` +
      ` (an empty awaited call: ${empty.toFixed(2)} µs);  planning once per document ${plan.toFixed(1)} µs`,
  );
}
