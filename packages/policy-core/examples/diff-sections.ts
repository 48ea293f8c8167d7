import { diffSections } from '@steward/policy-core';

const changes = diffSections(
  { CHANGES: { en: 'JSPE may change the policy.\nChanges are posted on the website.' } },
  { CHANGES: { en: 'JSPE may change the policy.\nChanges are posted on the website and take effect at once.' } },
);
for (const section of changes) {
  console.log(
    section.clause,
    section.number,
    section.language,
    section.change,
    `+${section.added} -${section.removed}`,
  );
  for (const line of section.lines) console.log(JSON.stringify(line));
}

// Output:
// CHANGES 7 en CHANGED +1 -1
// {"kind":"UNCHANGED","text":"JSPE may change the policy.","oldLine":1,"newLine":1}
// {"kind":"REMOVED","text":"Changes are posted on the website.","oldLine":2}
// {"kind":"ADDED","text":"Changes are posted on the website and take effect at once.","newLine":2}
