import { refusedOrWithdrawnSince, standingGrantIds } from '@steward/policy-core';

const history = [
  { id: 'g1', purpose: 'JOURNAL_DELIVERY', sequence: 1, action: 'GRANT' as const },
  { id: 'w1', purpose: 'JOURNAL_DELIVERY', sequence: 2, action: 'WITHDRAW' as const },
  { id: 'g2', purpose: 'EVENT_NEWS', sequence: 3, action: 'GRANT' as const },
];

console.log(standingGrantIds(history));
console.log('g1 refused or withdrawn since:', refusedOrWithdrawnSince(history[0]!, history));

// Output:
// [ 'g2' ]
// g1 refused or withdrawn since: true
