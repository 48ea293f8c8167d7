import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/i18n.js';
import {
  bannerSnippet,
  declarationToForm,
  formatDuration,
  formToDeclarationInput,
  formToSiteInput,
  EMPTY_SITE,
  inLanguage,
  lines,
} from './cookie-forms.js';

describe('cookie form helpers', () => {
  it('builds the snippet to paste', () => {
    const s = bannerSnippet('https://steward.jspe.or.jp', 'site_abc', 'ja');
    expect(s).toContain(
      '<script src="https://steward.jspe.or.jp/cookie-banner/v1/banner.js" data-site="site_abc" data-locale="ja" defer></script>',
    );
    expect(s).toContain('data-cookie-settings>クッキー設定</a>');
  });
  it('reads one entry per line and canonicalises origins', () => {
    expect(lines(' a \n\n b\n')).toEqual(['a', 'b']);
    const input = formToSiteInput({
      ...EMPTY_SITE,
      name: ' X ',
      domains: 'WWW.A.jp',
      allowedOrigins: 'HTTPS://www.a.jp:443/\nnot an origin',
      consentLifetimeDays: '30',
    });
    expect(input).toMatchObject({
      name: 'X',
      domains: ['www.a.jp'],
      allowedOrigins: ['https://www.a.jp', 'not an origin'],
      consentLifetimeDays: 30,
    });
  });
  it('formats durations', () => {
    const t = createI18n('en').t;
    expect([null, 0, 1, 30, 365, 730].map((days) => formatDuration(t, days))).toEqual([
      'Session',
      'Less than a day',
      '1 day',
      '30 days',
      '1 year',
      '2 years',
    ]);
    const ja = createI18n('ja').t;
    expect([null, 0, 30, 730].map((days) => formatDuration(ja, days))).toEqual([
      'セッション中のみ',
      '1日未満',
      '30日',
      '2年',
    ]);
  });
  it('round-trips a declaration through its form; an empty duration is a session cookie', () => {
    const input = {
      siteId: 's',
      name: '_ga',
      domain: '.a.jp',
      category: 'ANALYTICS',
      vendor: 'V',
      purpose: { en: 'e', ja: 'j' },
      durationDays: null,
      storageKind: 'COOKIE',
    } as const;
    const form = declarationToForm({ id: 'd', ...input });
    expect(form.durationDays).toBe('');
    expect(formToDeclarationInput('s', form)).toEqual(input);
    expect(formToDeclarationInput('s', { ...form, durationDays: 0 }).durationDays).toBe(0);
  });
  it('picks a text in one language, the other where it is empty', () => {
    expect(inLanguage({ en: 'e', ja: 'j' }, 'ja')).toEqual({ text: 'j', lang: 'ja' });
    expect(inLanguage({ en: 'e', ja: ' ' }, 'ja')).toEqual({ text: 'e', lang: 'en' });
  });
});
