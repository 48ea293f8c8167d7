import { findForbiddenCharacter, forbiddenCharacterIssue, type TextKind } from '@steward/policy-core';

function check(text: string, kind?: TextKind) {
  const found = findForbiddenCharacter(text, kind);
  if (!found) return console.log('ok');
  const hex = found.codePoint.toString(16).toUpperCase().padStart(4, '0');
  console.log(`U+${hex} at index ${found.index}: ${found.kind}`);
}

check('山田\u200B太郎'); // a zero-width space
check('Invoice \u202Efdp.exe'); // a right-to-left override
check('line one\r\nline two'); // single-line text takes no line break
check('line one\r\nline\ttwo', 'multi-line');
// A variation sequence, a no-break space, an emoji with a skin tone: all allowed.
check('葛\u{E0100}城 Kenji\u00A0Ono 👍🏽');
console.log(forbiddenCharacterIssue('input.name', 'Bob\u0000'));

// Output:
// U+200B at index 2: INVISIBLE
// U+202E at index 8: BIDI
// U+000D at index 8: CONTROL
// ok
// ok
// {
//   field: 'input.name',
//   code: 'CONTROL_CHARACTERS',
//   message: 'Contains a control character (U+0000) at character 4.'
// }
