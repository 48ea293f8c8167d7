import { cleanup, configure } from '@testing-library/react';
import { afterEach, expect } from 'vitest';
import { reportMissingKeys } from '../i18n/i18n.js';

// happy-dom has no FontFaceSet; Mantine's autosize Textarea listens to `document.fonts`.
if (!('fonts' in document) || !document.fonts) {
  Object.defineProperty(document, 'fonts', {
    configurable: true,
    value: { addEventListener() {}, removeEventListener() {}, ready: Promise.resolve() },
  });
}

// findBy*/waitFor give up after 1 s by default: too short for a whole page rendering on a shared
// 2-core CI machine (a ledger explorer page once missed it under load). A broken page still fails.
configure({ asyncUtilTimeout: 8000 });

// A key a screen asks for that the catalogue lacks fails the test that rendered it (i18next would
// show the key itself).
const missingKeys = new Set<string>();
reportMissingKeys((language, namespace, key) => missingKeys.add(`${language}:${namespace}:${key}`));

afterEach(() => {
  cleanup();
  const missing = [...missingKeys];
  missingKeys.clear();
  expect(missing, 'keys missing from the catalogues').toEqual([]);
});
