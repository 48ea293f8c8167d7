import { parse, validate } from 'graphql';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stewardSchema } from '../schema.js';
import { buildBanner, contractSchema, operationsDir, operationTexts } from '../tools/build-banner.js';

const source = readFileSync(join(operationsDir(), 'cookie-banner.graphql'), 'utf8');
const BANNER_OPERATIONS = ['CookieBanner', 'CookieConsent', 'RecordCookieConsent', 'WithdrawCookieConsent'];

describe("the banner's GraphQL operations (packages/schema/operations/cookie-banner.graphql)", () => {
  it('validate against the schema the API serves', async () => {
    expect(validate(await stewardSchema(), parse(source)).map((e) => e.message)).toEqual([]);
  });

  it('are built into the script as minified text with their fragments, not as parsed documents', async () => {
    const texts = operationTexts(source, contractSchema());
    expect(Object.keys(texts).sort()).toEqual(BANNER_OPERATIONS);
    expect(texts.RecordCookieConsent).toMatch(
      /^mutation RecordCookieConsent\(\$input:RecordCookieConsentInput!\)\{recordCookieConsent\(input:\$input\)\{\.\.\.CookieReceiptFields\}\}fragment CookieReceiptFields on CookieConsentReceipt\{/,
    );
    expect(texts.CookieBanner).not.toContain('fragment');
    const code = await buildBanner();
    for (const name of BANNER_OPERATIONS) expect(code).toContain(texts[name]);
    expect(code).not.toMatch(/OperationDefinition|SelectionSet/);
  });

  it('stop the build when they no longer match the schema or what the banner imports', async () => {
    const schema = contractSchema();
    expect(() => operationTexts(source.replace('receiptId', 'receiptNumber'), schema)).toThrow(
      /Cannot query field "receiptNumber" on type "CookieConsentReceipt"/,
    );
    expect(() =>
      operationTexts(source.replace('$input: RecordCookieConsentInput!', '$input: String!'), schema),
    ).toThrow(/Operations do not match the schema/);
    expect(() => operationTexts('{ cookieBanner(siteKey: "k", locale: "en") { title } }', schema)).toThrow(
      /needs a name/,
    );
    // An operation the banner imports but the file no longer holds (renamed, removed).
    const dir = mkdtempSync(join(tmpdir(), 'banner-'));
    const entry = join(dir, 'entry.ts');
    writeFileSync(
      entry,
      "import { CookieBannr } from '@steward/schema/operations/cookie-banner.graphql';\nconsole.log(CookieBannr);\n",
    );
    try {
      await expect(buildBanner(entry)).rejects.toThrow(/"CookieBannr" is not exported/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
