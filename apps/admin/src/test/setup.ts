import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

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

afterEach(() => {
  cleanup();
});
