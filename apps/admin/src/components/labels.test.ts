import { DATA_CATEGORIES, messages } from '@steward/policy-core';
import { afterEach, describe, expect, it } from 'vitest';
import { setCurrentLocale } from '../i18n/current.js';
import { createI18n, type UiLanguage } from '../i18n/i18n.js';
import { EXCEPTION_STATUS_LABEL, RECIPIENT_KIND_LABEL } from '../features/exceptions/exception-labels.js';
import { STATUS_OPTIONS } from '../features/inquiries/inquiry-labels.js';
import { JOB_STATUS_LABEL } from '../features/jobs/job-labels.js';
import { URGENCY_LABEL } from '../features/requests/request-labels.js';
import { categoryLabel } from './categories.js';
import { DATA_CATEGORY_LABEL, optionsOf, PROVIDER_KIND_LABEL, ROLE_LABEL } from './labels.js';

const inLanguage = (language: UiLanguage) => setCurrentLocale(createI18n(language), language);

describe('enum labels', () => {
  afterEach(() => inLanguage('en'));

  it('read policy-core’s catalogue in the language on screen, each time they are read', () => {
    inLanguage('ja');
    expect(PROVIDER_KIND_LABEL.SERVICE_USER).toBe('サービス利用者');
    expect(ROLE_LABEL.PRIVACY_OFFICER).toBe('個人情報保護管理者');
    expect(categoryLabel('EMAIL')).toBe('メールアドレス');
    expect(URGENCY_LABEL.OVERDUE).toBe('期限超過');
    expect(JOB_STATUS_LABEL.SUCCEEDED).toBe('完了');
    expect(EXCEPTION_STATUS_LABEL.NOT_YET_VALID).toBe('開始前');
    expect(RECIPIENT_KIND_LABEL.CONTRACTOR).toBe('委託先');
    inLanguage('en');
    expect(PROVIDER_KIND_LABEL.SERVICE_USER).toBe('Service user');
    expect(URGENCY_LABEL.OVERDUE).toBe('Overdue');
    expect(RECIPIENT_KIND_LABEL.CONTRACTOR).toBe('Contractor');
  });

  it('have every value of the vocabulary, and nothing else', () => {
    expect(Object.keys(DATA_CATEGORY_LABEL)).toEqual([...DATA_CATEGORIES]);
    inLanguage('ja');
    expect({ ...DATA_CATEGORY_LABEL }).toEqual(
      Object.fromEntries(DATA_CATEGORIES.map((c) => [c, messages.ja[`dataCategory.${c}`]])),
    );
    expect(() => {
      (DATA_CATEGORY_LABEL as Record<string, string>)['NAME'] = 'x';
    }).toThrow();
  });

  it('give options built once at module level a label that follows the language', () => {
    const options = optionsOf(['LOW', 'HIGH'] as const, { LOW: 'low', HIGH: 'high' });
    expect(options.map((o) => o.label)).toEqual(['low', 'high']);
    inLanguage('ja');
    expect(STATUS_OPTIONS.find((o) => o.value === 'NEW')?.label).toBe(messages.ja['inquiryStatus.NEW']);
    inLanguage('en');
    expect(STATUS_OPTIONS.find((o) => o.value === 'NEW')?.label).toBe('New');
  });
});
