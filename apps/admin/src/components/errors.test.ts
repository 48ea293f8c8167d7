import { afterEach, describe, expect, it } from 'vitest';
import { CombinedError } from 'urql';
import { setCurrentLocale } from '../i18n/current.js';
import { createI18n, type UiLanguage } from '../i18n/i18n.js';
import {
  describeError,
  errorMessages,
  fieldErrorsFromGraphQLError,
  hasErrorCode,
  messagesOutside,
  networkMessage,
  normalizeFieldPath,
} from './errors.js';

const badInput = (issues: unknown, extra: Record<string, unknown> = {}) => ({
  graphQLErrors: [
    {
      message: 'The collection is not valid.',
      extensions: { code: 'BAD_USER_INPUT', issues, ...extra },
    },
  ],
});

describe('normalizeFieldPath', () => {
  it('drops the input prefix and writes indices in brackets', () => {
    expect(normalizeFieldPath('input.items[1].value')).toBe('items[1].value');
    expect(normalizeFieldPath('input.items.1.value')).toBe('items[1].value');
    expect(normalizeFieldPath('input.purposes')).toBe('purposes');
    expect(normalizeFieldPath('input.newProvider.reference')).toBe('newProvider.reference');
    expect(normalizeFieldPath('input')).toBe('');
    expect(normalizeFieldPath('items[0].category')).toBe('items[0].category');
    expect(normalizeFieldPath('items.12')).toBe('items[12]');
  });
});

describe('fieldErrorsFromGraphQLError', () => {
  it('returns an empty summary for no error', () => {
    expect(fieldErrorsFromGraphQLError(undefined)).toEqual({
      code: null,
      fieldErrors: {},
      messages: [],
      conflict: null,
    });
  });

  it('maps every issue of BAD_USER_INPUT onto its field, as the server worded it for an English reader', () => {
    const summary = fieldErrorsFromGraphQLError(
      badInput([
        { field: 'input.items[1].value', code: 'INVALID_FORMAT', message: 'Not an e-mail address.' },
        { field: 'input.purposes', code: 'NO_PURPOSE', message: 'Specify at least one purpose.' },
        {
          field: 'input.policyVersionShown',
          code: 'POLICY_VERSION_NOT_CURRENT',
          message: 'Policy 3 is current.',
        },
      ]),
    );
    expect(summary.code).toBe('BAD_USER_INPUT');
    expect(summary.fieldErrors).toEqual({
      'items[1].value': 'Not an e-mail address.',
      purposes: 'Specify at least one purpose.',
      policyVersionShown: 'Policy 3 is current.',
    });
    expect(summary.messages).toEqual([]);
  });

  it('joins several distinct messages for one field and drops duplicates', () => {
    const summary = fieldErrorsFromGraphQLError(
      badInput([
        { field: 'input.items[0].value', code: 'TOO_LONG', message: 'Too long.' },
        { field: 'input.items[0].value', code: 'CONTROL_CHARACTERS', message: 'Control characters.' },
        { field: 'input.items[0].value', code: 'TOO_LONG', message: 'Too long.' },
      ]),
    );
    expect(summary.fieldErrors['items[0].value']).toBe('Too long.; Control characters.');
  });

  it('falls back to extensions.field when there are no issues', () => {
    const summary = fieldErrorsFromGraphQLError({
      graphQLErrors: [
        { message: 'Unknown purpose.', extensions: { code: 'BAD_USER_INPUT', field: 'input.purposes[0].purposeKey' } },
      ],
    });
    expect(summary.fieldErrors).toEqual({ 'purposes[0].purposeKey': 'Unknown purpose.' });
  });

  it('keeps issues without a field, and plain BAD_USER_INPUT, as general messages', () => {
    expect(
      fieldErrorsFromGraphQLError(badInput([{ field: 'input', code: 'X', message: 'Whole input.' }])).messages,
    ).toEqual(['Whole input.']);
    expect(
      fieldErrorsFromGraphQLError({ graphQLErrors: [{ message: 'Bad.', extensions: { code: 'BAD_USER_INPUT' } }] })
        .messages,
    ).toEqual(['Bad.']);
  });

  it('reports CONFLICT with the current version', () => {
    const summary = fieldErrorsFromGraphQLError({
      graphQLErrors: [
        {
          message: 'The provider was changed.',
          extensions: { code: 'CONFLICT', field: 'input.expectedProviderVersion', currentVersion: 7 },
        },
      ],
    });
    expect(summary.code).toBe('CONFLICT');
    expect(summary.conflict).toEqual({ field: 'expectedProviderVersion', currentVersion: 7 });
    expect(summary.fieldErrors).toEqual({});
  });

  it('reads urql CombinedError, including network errors', () => {
    const combined = new CombinedError({
      graphQLErrors: [{ message: 'Nope', extensions: { code: 'FORBIDDEN' } }],
    });
    expect(fieldErrorsFromGraphQLError(combined).code).toBe('FORBIDDEN');
    expect(fieldErrorsFromGraphQLError(combined).messages).toEqual(['Your role does not permit this.']);
    expect(hasErrorCode(combined, 'FORBIDDEN')).toBe(true);
    const network = new CombinedError({ networkError: new Error('fetch failed') });
    const summary = fieldErrorsFromGraphQLError(network);
    expect(summary.code).toBe('NETWORK');
    expect(summary.messages).toEqual([networkMessage()]);
  });

  it('treats an error without a code as internal', () => {
    expect(fieldErrorsFromGraphQLError({ graphQLErrors: [{ message: 'Boom' }] }).code).toBe('INTERNAL_SERVER_ERROR');
  });
});

describe('describeError', () => {
  it('titles errors by code', () => {
    expect(describeError({ graphQLErrors: [{ message: 'x', extensions: { code: 'CONFLICT' } }] }).title).toBe(
      'Changed by someone else',
    );
    expect(
      describeError({ graphQLErrors: [{ message: 'No such provider', extensions: { code: 'NOT_FOUND' } }] }),
    ).toEqual({
      title: 'Not found',
      message: 'No such provider',
      code: 'NOT_FOUND',
    });
    expect(describeError({ networkError: new Error('x') }).code).toBe('NETWORK');
  });

  it("keeps the server's message for a code it does not know", () => {
    expect(describeError({ graphQLErrors: [{ message: 'Teapot.', extensions: { code: 'TEAPOT' } }] })).toEqual({
      title: 'Something went wrong',
      message: 'Teapot.',
      code: 'TEAPOT',
    });
  });
});

describe('errors in the reader’s language', () => {
  const inLanguage = (language: UiLanguage) => setCurrentLocale(createI18n(language), language);
  afterEach(() => inLanguage('en'));

  it('words field issues by code in Japanese, and keeps an unknown code’s server message', () => {
    inLanguage('ja');
    const summary = fieldErrorsFromGraphQLError(
      badInput([
        { field: 'input.newProvider.name', code: 'REQUIRED', message: 'Name is required.' },
        { field: 'input.items[0].value', code: 'TOO_LONG', message: 'At most 200 characters.', params: { max: 200 } },
        { field: 'input.reference', code: 'SOMETHING_NEW', message: 'A brand-new check failed.' },
      ]),
    );
    expect(summary.fieldErrors).toEqual({
      'newProvider.name': '入力してください。',
      'items[0].value': '入力が長すぎます（上限 200）。',
      reference: 'A brand-new check failed.',
    });
    // In English the server's own, more specific sentence; the catalogue's phrase when it sent none.
    inLanguage('en');
    expect(
      fieldErrorsFromGraphQLError(badInput([{ field: 'input.name', code: 'REQUIRED', message: 'Name is required.' }]))
        .fieldErrors,
    ).toEqual({ name: 'Name is required.' });
    expect(
      fieldErrorsFromGraphQLError({
        graphQLErrors: [
          { message: '', extensions: { code: 'BAD_USER_INPUT', issues: [{ field: 'input.name', code: 'REQUIRED' }] } },
        ],
      }).fieldErrors,
    ).toEqual({ name: 'A value is required.' });
  });

  it('titles and words top-level codes in Japanese and in English', () => {
    const cases = [
      ['FORBIDDEN', '権限がありません', 'Not allowed'],
      ['NOT_FOUND', '見つかりません', 'Not found'],
      ['CONFLICT', '他のユーザーが変更しました', 'Changed by someone else'],
      ['TOO_MANY_REQUESTS', '試行回数が多すぎます', 'Too many attempts'],
      ['UNAUTHENTICATED', 'サインアウトしました', 'Signed out'],
    ] as const;
    for (const [code, ja, en] of cases) {
      const error = { graphQLErrors: [{ message: 'English from the server', extensions: { code } }] };
      inLanguage('ja');
      const described = describeError(error);
      expect(described.title, code).toBe(ja);
      expect(described.message, code).not.toBe('English from the server');
      expect(errorMessages(error)).toEqual([described.message]);
      inLanguage('en');
      expect(describeError(error).title, code).toBe(en);
    }
    inLanguage('ja');
    expect(describeError({ networkError: new Error('x') })).toMatchObject({ title: '接続できません', code: 'NETWORK' });
    expect(fieldErrorsFromGraphQLError({ networkError: new Error('x') }).messages).toEqual([
      'Steward API に接続できません。ネットワーク接続を確認して、もう一度お試しください。',
    ]);
  });

  it('shows the first issue of BAD_USER_INPUT as the alert message', () => {
    inLanguage('ja');
    expect(
      describeError(badInput([{ field: 'input.purposes', code: 'NO_PURPOSE', message: 'Specify a purpose.' }])),
    ).toEqual({
      title: '入力内容をご確認ください',
      message: expect.stringMatching(/利用目的/),
      code: 'BAD_USER_INPUT',
    });
  });
});

describe('messagesOutside', () => {
  it('adds field errors for fields the form does not show', () => {
    const summary = fieldErrorsFromGraphQLError(
      badInput([
        { field: 'input.email', code: 'INVALID_FORMAT', message: 'Not an e-mail address.' },
        { field: 'input.tenant', code: 'REQUIRED', message: 'Required.' },
      ]),
    );
    expect(messagesOutside(summary, (f) => f === 'email')).toEqual(['tenant: Required.']);
    expect(messagesOutside(null, () => true)).toEqual([]);
  });
});
