import type { SqlEntityManager } from '@mikro-orm/knex';
import type { AppDeps } from '../context.js';
import { ensureCookieCategories } from './cookie-admin.service.js';
import { CookieDeclaration } from './cookie-declaration.entity.js';
import { CookieSite } from './cookie-site.entity.js';

/** The demo site's public key (public by nature: it is in the page's HTML). */
export const DEMO_SITE_KEY = 'site_jspe_demo';

/** The demo: the JSPE website with a few declarations, allowed from the local demo page and the real site. */
export async function seedCookieDemo(em: SqlEntityManager, deps: AppDeps): Promise<void> {
  const now = deps.now();
  await ensureCookieCategories(em, now);
  if (await em.count(CookieSite, { siteKey: DEMO_SITE_KEY })) return;
  const site = em.create(CookieSite, {
    name: 'JSPE website',
    siteKey: DEMO_SITE_KEY,
    domains: ['www.jspe.or.jp', 'localhost'],
    allowedOrigins: ['https://www.jspe.or.jp', 'http://localhost:4000', 'http://127.0.0.1:4000'],
    consentLifetimeDays: 180,
    honoursGpc: true,
    bannerTitleEn: 'Cookies on the JSPE website',
    bannerTitleJa: '公益社団法人精密工学会ウェブサイトのクッキーについて',
    bannerTextEn:
      'We use cookies for convenience. Information collected through cookies is protected like personal information. ' +
      'You may refuse any cookie that is not strictly necessary, and change your choice at any time.',
    bannerTextJa:
      '本会では利便性の向上のためにクッキーを使用します。クッキーにより収集した情報は個人情報と同様に保護します。' +
      '必須のもの以外はお断りいただくことができ、選択はいつでも変更できます。',
    createdAt: now,
    updatedAt: now,
  });
  const declare = (
    d: Pick<
      CookieDeclaration,
      'name' | 'domain' | 'category' | 'vendor' | 'purposeEn' | 'purposeJa' | 'durationDays' | 'storageKind'
    >,
  ) => em.create(CookieDeclaration, { ...d, site, createdAt: now, updatedAt: now });
  declare({
    name: 'steward_cookie_consent',
    domain: 'www.jspe.or.jp',
    category: 'STRICTLY_NECESSARY',
    vendor: 'JSPE',
    purposeEn: 'Remembers your cookie choice and the consent id shown in the settings.',
    purposeJa: 'クッキーの選択と設定画面に表示される同意IDを記憶します。',
    durationDays: 180,
    storageKind: 'LOCAL_STORAGE',
  });
  declare({
    name: 'jspe_lang',
    domain: 'www.jspe.or.jp',
    category: 'FUNCTIONAL',
    vendor: 'JSPE',
    purposeEn: 'Remembers whether you read the site in Japanese or English.',
    purposeJa: '日本語・英語どちらで閲覧するかを記憶します。',
    durationDays: 365,
    storageKind: 'COOKIE',
  });
  declare({
    name: '_ga',
    domain: '.jspe.or.jp',
    category: 'ANALYTICS',
    vendor: 'Google LLC (Google Analytics)',
    purposeEn: 'Distinguishes visitors to count visits and page views.',
    purposeJa: '訪問者を区別し、訪問数やページビューを集計します。',
    durationDays: 730,
    storageKind: 'COOKIE',
  });
  declare({
    name: '_fbp',
    domain: '.jspe.or.jp',
    category: 'MARKETING',
    vendor: 'Meta Platforms, Inc.',
    purposeEn: 'Measures the effect of announcements of events and lectures on social media.',
    purposeJa: '講演会・行事のソーシャルメディア上の告知の効果を測定します。',
    durationDays: 90,
    storageKind: 'COOKIE',
  });
  await em.flush();
}
