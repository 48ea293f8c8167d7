#!/usr/bin/env node
// @ts-check
// An internal system (the membership database, the mailing tool) asks Steward whether it may use —
// or provide to a recipient — some categories of one provider's data for one purpose, and prints
// the answer with its basis and reasons. Steward records every answer in its ledger under the key.
//
//   STEWARD_URL=https://steward.example.org STEWARD_SYSTEM_KEY=sys_… node decision.mjs \
//     --provider <provider id> --purpose EVENT_NEWS --categories NAME,EMAIL [--action USE|PROVIDE --recipient <id>]
import { parseArgs } from 'node:util';
import { DecisionDocument, StewardError, createStewardFetch } from '@steward/client';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    key: { type: 'string' },
    provider: { type: 'string' },
    purpose: { type: 'string' },
    categories: { type: 'string', default: 'NAME' },
    action: { type: 'string', default: 'USE' },
    recipient: { type: 'string' },
  },
});
const url = args.url ?? process.env.STEWARD_URL;
const key = args.key ?? process.env.STEWARD_SYSTEM_KEY;
if (!url || !key || !args.provider || !args.purpose) {
  console.error('STEWARD_URL と STEWARD_SYSTEM_KEY を設定し、--provider と --purpose を指定してください。');
  console.error('Set STEWARD_URL and STEWARD_SYSTEM_KEY, and pass --provider and --purpose.');
  process.exit(2);
}
if (args.action !== 'USE' && args.action !== 'PROVIDE') {
  console.error('--action は USE か PROVIDE です。/ --action is USE or PROVIDE.');
  process.exit(2);
}

const steward = createStewardFetch({ url, key });
try {
  const { decision } = await steward.request(DecisionDocument, {
    input: {
      action: args.action,
      providerId: args.provider,
      purposeKey: args.purpose,
      // The API refuses an unknown category with BAD_USER_INPUT naming it.
      categories: /** @type {import('@steward/client').DataCategory[]} */ (args.categories.split(',')),
      recipientId: args.recipient ?? null,
    },
  });
  console.log(decision.allowed ? 'ALLOWED 許可' : 'DENIED 不可');
  console.log(`  permitted: ${decision.permitted.join(', ') || '—'}  refused: ${decision.refused.join(', ') || '—'}`);
  if (decision.basis) {
    const exception = decision.basis.exceptionTitle
      ? ` (${decision.basis.exceptionKind}: ${decision.basis.exceptionTitle})`
      : '';
    console.log(`  basis: ${decision.basis.kind}${exception}`);
  }
  for (const reason of decision.reasons) {
    console.log(`  - ${reason.code}${reason.category ? ` [${reason.category}]` : ''}: ${reason.message}`);
  }
  console.log(`  policy v${decision.policyVersion}, ledger #${decision.ledgerSequence}, ${decision.decidedAt}`);
} catch (error) {
  if (!(error instanceof StewardError)) throw error;
  console.error(`エラー / error ${error.code}${error.field ? ` (${error.field})` : ''}: ${error.message}`);
  process.exitCode = 1;
}
