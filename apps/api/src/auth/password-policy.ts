import { issue, validatePassword, type Issue } from '@steward/policy-core';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

// Strength is judged offline, with zxcvbn-ts and its dictionaries (common passwords, names, English
// words, keyboard patterns, repeats, sequences, dates): no breach look-up that would send anything
// to a third party. Length (12–256) is policy-core's validatePassword.

/** zxcvbn's score from 0 (too guessable) to 4; 3 is "safely unguessable" (about 10^10 guesses). */
export const MIN_PASSWORD_SCORE = 3;

// Without zxcvbn's Levenshtein matching: it cost ~350 ms of CPU per check (a password set through
// the API, and every account a test creates) against ~15 ms without, and scored the same on the
// weak passwords tried (password-policy.test.ts).
const zxcvbn = new ZxcvbnFactory({
  graphs: common.adjacencyGraphs,
  dictionary: { ...common.dictionary, ...english.dictionary },
});

/** The account's own words, as a guesser would try them: the e-mail, its local part, each name part, and both run together. */
function accountWords(account: { email: string; displayName?: string }): string[] {
  const localPart = account.email.split('@')[0] ?? '';
  const words = [localPart, account.displayName ?? ''].flatMap((text) => {
    const parts = text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    return [...parts, parts.join('')];
  });
  return [...new Set([account.email, localPart, account.displayName ?? '', ...words, 'steward'])].filter(Boolean);
}

/**
 * The issues with a new password: its length, then its strength against the dictionaries and the
 * account's own e-mail and name (a password made of them is the first thing an attacker tries).
 */
export function passwordIssues(
  password: string,
  account: { email: string; displayName?: string },
  field = 'password',
): Issue[] {
  const length = validatePassword(password, field);
  if (length) return [length];
  const result = zxcvbn.check(password, accountWords(account));
  if (result.score >= MIN_PASSWORD_SCORE) return [];
  return [
    issue(
      field,
      'WEAK_PASSWORD',
      'This password is easy to guess (a common password, a pattern, or your name or e-mail). Use a longer phrase of unrelated words.',
    ),
  ];
}
