import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildBanner } from '../tools/build-banner.js';

describe('the embeddable cookie banner', () => {
  it('builds to one self-contained script of at most 15 kB gzipped', async () => {
    const code = await buildBanner();
    const gzipped = gzipSync(Buffer.from(code), { level: 9 }).length;
    expect(gzipped).toBeLessThanOrEqual(15 * 1024);
    expect(code).not.toMatch(/\bimport\s*[({'"]|\brequire\(/);
    // It never asks the browser to send credentials, and it honours GPC.
    expect(code).toMatch(/credentials:[`"']omit/);
    expect(code).toContain('globalPrivacyControl');
    // Ids on plain-http pages too (crypto.randomUUID is for secure contexts only).
    expect(code).toContain('getRandomValues');
    // policy-core's cookie rules are bundled in; its category texts (the API serves them) are not.
    expect(code).toContain('gpcOptOut');
    expect(code).not.toContain('Strictly necessary');
  });
});
