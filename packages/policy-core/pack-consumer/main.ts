// A developer's program outside the monorepo: it imports the installed package by its name, checks
// that its types are real (a wrong value does not compile) and uses a rule, the vocabulary and the
// ja/en messages. scripts/pack-check.mjs compiles it strictly, runs it and compares its output with
// expected-output.txt.
import {
  DATA_CATEGORIES,
  consentFor,
  decide,
  isDataCategory,
  label,
  messageText,
  reasonKey,
  type ConsentEventFact,
  type DataCategory,
  type Decision,
} from '@steward/policy-core';
import packageJson from '@steward/policy-core/package.json' with { type: 'json' };

// Node's console, declared here rather than installing @types/node: the type-check then reads only
// the package's declarations, strictly (skipLibCheck: false), in a third of the time.
declare const console: { log(message: string): void };

// @ts-expect-error: the vocabulary is a union of literals, not string (nor any).
const notACategory: DataCategory = 'SHOE_SIZE';
void notACategory;

const events: ConsentEventFact[] = [
  {
    id: 'e1',
    purposeKey: 'NEWSLETTER',
    action: 'GRANT',
    occurredAt: new Date('2025-04-01T09:00:00Z'),
    sequence: 1,
    policyVersion: 3,
  },
];

const decision: Decision = decide({
  action: 'USE',
  providerId: 'p-1',
  purpose: { key: 'NEWSLETTER', title: 'The newsletter', categories: ['NAME', 'EMAIL'], retired: false },
  categories: ['EMAIL', 'TELEPHONE'],
  recipientId: null,
  consent: consentFor(events, 'NEWSLETTER'),
  exceptions: [],
  policyVersion: 3,
  at: new Date('2025-06-01T00:00:00Z'),
});

console.log(`${packageJson.name} ${packageJson.version}`);
console.log(
  `allowed: ${decision.allowed}, permitted: ${decision.permitted.join(' ')}, refused: ${decision.refused.join(' ')}`,
);
for (const reason of decision.reasons) {
  console.log(`${reason.code}: ${reason.message}`);
  console.log(`  ja: ${messageText('ja', reasonKey(reason.code), reason.params)}`);
}
console.log(`${DATA_CATEGORIES.length} data categories; ${isDataCategory('EMAIL')}, ${isDataCategory('SHOE_SIZE')}`);
console.log(label('ja', 'dataCategory', 'EMAIL'));
