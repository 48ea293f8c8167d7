#!/usr/bin/env node
// @ts-check
// A courier's program: reads every provider its partner key reaches, page by page, and prints one
// shipping label per provider in the Japanese layout (〒 postal code, address, name + 様).
//
//   STEWARD_URL=https://steward.example.org STEWARD_PARTNER_KEY=stw_… node courier.mjs [--run 2026年12月号]
//   node courier.mjs --url https://steward.example.org --key stw_… [--page-size 100]
//
// The key reaches only the providers and the categories (name, postal code, address) the
// organisation's exceptions for this courier cover; every read of a provider is recorded on
// Steward's side as a provision to the courier.
import { parseArgs } from 'node:util';
import { PartnerProvidersDocument, StewardError, createStewardFetch } from '@steward/client';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    key: { type: 'string' },
    run: { type: 'string' },
    'page-size': { type: 'string', default: '100' },
  },
});
const url = args.url ?? process.env.STEWARD_URL;
const key = args.key ?? process.env.STEWARD_PARTNER_KEY;
if (!url || !key) {
  console.error('STEWARD_URL と STEWARD_PARTNER_KEY を設定してください（または --url と --key）。');
  console.error('Set STEWARD_URL and STEWARD_PARTNER_KEY (or pass --url and --key).');
  process.exit(2);
}
const pageSize = Number(args['page-size']);
// The shipment run the labels are for: today in Japan unless named.
const run = args.run ?? new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());

const steward = createStewardFetch({ url, key });

/** Every provider in reach: pages of `pageSize`, each asked for after the previous page's last cursor. */
async function allProviders() {
  const providers = [];
  /** @type {string | null} */
  let after = null;
  for (let page = 1; ; page++) {
    /** @type {import('@steward/client').PartnerProvidersQuery} (named: `after` comes from the page before) */
    const data = await steward.request(PartnerProvidersDocument, { first: pageSize, after });
    const { edges, pageInfo, totalCount, totalCountCapped } = data.partnerProviders;
    providers.push(...edges.map((edge) => edge.node));
    const total = `${totalCountCapped ? '≥' : ''}${totalCount}`;
    console.error(`${page} ページ目 / page ${page}: ${providers.length} / ${total} 件`);
    if (!pageInfo.hasNextPage || !pageInfo.endCursor) return providers;
    after = pageInfo.endCursor;
  }
}

/** @param {{ items: readonly { category: string, value: string }[] }} provider @param {string} category */
const valueOf = (provider, category) => provider.items.find((item) => item.category === category)?.value;

const RULE = '─'.repeat(40);
// The name sits indented by two ideographic spaces, as on a hand-written Japanese label.
const NAME_INDENT = '\u3000\u3000';

try {
  const providers = await allProviders();
  const labels = providers.flatMap((provider) => {
    const name = valueOf(provider, 'NAME');
    const address = valueOf(provider, 'POSTAL_ADDRESS');
    if (!name || !address) {
      // The key does not reach both for this provider: no label rather than a wrong one.
      console.error(`ラベルにできません（氏名または住所なし）/ no label (no name or address): ${provider.id}`);
      return [];
    }
    return [{ name, address, postalCode: valueOf(provider, 'POSTAL_CODE') }];
  });
  console.log(`配送ラベル / Shipping labels — ${run} 便 — ${labels.length} 件`);
  labels.forEach((label, index) => {
    console.log(RULE);
    console.log(label.postalCode ? `〒${label.postalCode}` : '〒（郵便番号なし / no postal code）');
    console.log(label.address);
    console.log('');
    console.log(`${NAME_INDENT}${label.name} 様`);
    console.log(`${' '.repeat(34)}${index + 1}/${labels.length}`);
  });
  if (labels.length) console.log(RULE);
} catch (error) {
  if (!(error instanceof StewardError)) throw error;
  /** @type {Record<string, string | undefined>} */
  const hints = {
    UNAUTHENTICATED:
      'キーが無効です（誤り・失効）。組織の担当者に新しいキーを依頼してください。/ The key is not valid (wrong or revoked): ask the organisation for a new one.',
    FORBIDDEN: 'このキーでは実行できない操作です。/ This key cannot run that operation.',
    TOO_MANY_REQUESTS: `しばらく待ってから再実行してください（${error.retryAfterSeconds ?? '?'} 秒）。/ Try again later.`,
    NETWORK_ERROR:
      'Steward に接続できません。URL とネットワークを確認してください。/ Steward cannot be reached: check the URL and the network.',
  };
  const hint = hints[error.code];
  console.error(
    `エラー / error ${error.code}: ${error.message}${error.requestId ? ` (X-Request-Id ${error.requestId})` : ''}`,
  );
  if (hint) console.error(hint);
  process.exitCode = 1;
}
