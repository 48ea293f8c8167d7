import { describe, expect, it } from 'vitest';
import { normalizeSecretariat, validateSecretariat } from './validate-secretariat.js';

const jspe = {
  name: 'The Japan Society for Precision Engineering',
  nameJa: '公益社団法人 精密工学会',
  secretariatName: 'JSPE Secretariat',
  postalAddress: 'Kudan-Seiwa Building\r\n1-5-9 Kudan-kita, Chiyoda-ku, Tokyo',
  telephone: '+81-3-5226-5191',
  fax: '+81-3-5226-5192',
  email: 'jspe_jspe@jspe.or.jp',
};

describe('validateSecretariat', () => {
  it('accepts the reference contact details, with a multi-line address', () => {
    expect(validateSecretariat(jspe)).toEqual({ ok: true });
    expect(normalizeSecretariat({ ...jspe, email: ' a@b.jp ' })).toMatchObject({
      email: 'a@b.jp',
      postalAddress: 'Kudan-Seiwa Building\n1-5-9 Kudan-kita, Chiyoda-ku, Tokyo',
    });
  });

  it('checks every part, all at once', () => {
    const v = validateSecretariat({
      ...jspe,
      secretariatName: '',
      telephone: '03-xxxx',
      fax: '123',
      email: 'jspe@',
      name: 'JSPE\u202E',
    });
    expect(v.ok ? [] : v.issues.map((i) => `${i.field}:${i.code}`)).toEqual([
      'name:CONTROL_CHARACTERS',
      'secretariatName:REQUIRED',
      'telephone:INVALID_FORMAT',
      'fax:INVALID_FORMAT',
      'email:INVALID_FORMAT',
    ]);
  });

  it('takes the Japanese name and address and the office hours as optional, checked when given', () => {
    const bilingual = {
      ...jspe,
      secretariatNameJa: ' 公益社団法人精密工学会 事務局 ',
      postalAddressJa: '〒102-0073\r\n東京都千代田区九段北1-5-9',
      officeHoursJa: '',
      officeHoursEn: 'Weekdays 9:30–17:00',
    };
    expect(validateSecretariat(bilingual)).toEqual({ ok: true });
    expect(normalizeSecretariat(bilingual)).toMatchObject({
      secretariatNameJa: '公益社団法人精密工学会 事務局',
      postalAddressJa: '〒102-0073\n東京都千代田区九段北1-5-9',
      officeHoursJa: '',
    });
    expect('officeHoursJa' in normalizeSecretariat(jspe)).toBe(false);
    const v = validateSecretariat({
      ...jspe,
      secretariatNameJa: '事務\n局',
      postalAddressJa: 'x'.repeat(501),
      officeHoursJa: '平日\u200B',
    });
    expect(v.ok ? [] : v.issues.map((i) => `${i.field}:${i.code}`)).toEqual([
      'secretariatNameJa:CONTROL_CHARACTERS',
      'postalAddressJa:TOO_LONG',
      'officeHoursJa:CONTROL_CHARACTERS',
    ]);
  });
});
