import { cleanup, configure } from '@testing-library/react';
import { afterEach, expect, vi } from 'vitest';
import { setFormatLocale } from '../components/format.js';
import { setCurrentLocale } from '../i18n/current.js';
import { createI18n, reportMissingKeys } from '../i18n/i18n.js';

// happy-dom has no FontFaceSet; Mantine's autosize Textarea listens to `document.fonts`.
if (!('fonts' in document) || !document.fonts) {
  Object.defineProperty(document, 'fonts', {
    configurable: true,
    value: { addEventListener() {}, removeEventListener() {}, ready: Promise.resolve() },
  });
}

// Charts (recharts under @mantine/charts) size themselves to their container with a ResizeObserver and
// the container's client size; happy-dom lays nothing out, so a chart's container measures 720 × 240.
if (typeof globalThis.ResizeObserver === 'undefined') {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
const CHART_SIZE = { clientWidth: 720, clientHeight: 240, offsetWidth: 720, offsetHeight: 240 } as const;
for (const [prop, size] of Object.entries(CHART_SIZE)) {
  let proto: object | null = HTMLElement.prototype;
  let original: PropertyDescriptor | undefined;
  while (proto && !original) {
    original = Object.getOwnPropertyDescriptor(proto, prop);
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  Object.defineProperty(HTMLElement.prototype, prop, {
    configurable: true,
    get(this: HTMLElement) {
      if (this.classList.contains('recharts-responsive-container')) return size;
      return (original?.get?.call(this) as number | undefined) ?? 0;
    },
  });
}

// findBy*/waitFor give up after 1 s by default: too short for a whole page rendering on a shared
// 2-core CI machine (a ledger explorer page once missed it under load). A broken page still fails.
configure({ asyncUtilTimeout: 8000 });

// Files share a window and modules (vitest.config.ts: isolate false): each starts from the first file's
// address, an empty document and storage, the browser's language, English outside a LocaleProvider and
// no stubbed globals, whatever the file before it left (a download link's click moves the window to a
// blob: address, for one).
const shared = globalThis as typeof globalThis & { stewardFirstHref?: string };
shared.stewardFirstHref ??= window.location.href;
(window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(shared.stewardFirstHref);
localStorage.clear();
sessionStorage.clear();
document.body.innerHTML = '';
document.documentElement.removeAttribute('lang');
vi.unstubAllGlobals();
setFormatLocale({ language: 'en', timeZone: undefined });

// A key a screen asks for that the catalogue lacks fails the test that rendered it (i18next would
// show the key itself).
const missingKeys = new Set<string>();
reportMissingKeys((language, namespace, key) => missingKeys.add(`${language}:${namespace}:${key}`));
// After the reporter: the English instance used outside a LocaleProvider reports missing keys too.
setCurrentLocale(createI18n('en'), 'en');

afterEach(() => {
  cleanup();
  const missing = [...missingKeys];
  missingKeys.clear();
  expect(missing, 'keys missing from the catalogues').toEqual([]);
});
