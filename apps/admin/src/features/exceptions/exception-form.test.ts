import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/i18n.js';
import {
  buildExceptionInput,
  formFromException,
  initialExceptionForm,
  toExceptionFormErrors,
  validateExceptionForm,
} from './exception-form.js';
import { buildException } from './exception-fixtures.js';

describe('buildExceptionInput', () => {
  it('sends only the evidence part of the chosen kind, trimmed, with dates as instants', () => {
    const values = initialExceptionForm('LAW');
    values.title = ' Police request ';
    values.law = {
      statute: ' Code of Criminal Procedure ',
      article: '197(2)',
      requestingAuthority: 'Kojimachi police',
      documentReference: '',
      issuedOn: '2025-05-02',
    };
    values.outsourcing.contractReference = 'ignored';
    values.scope = {
      purposeKeys: ['membership'],
      categories: ['NAME'],
      allProviders: false,
      providerIds: ['p1', 'p2', 'p3'],
      recipientId: '',
    };
    expect(buildExceptionInput(values)).toEqual({
      kind: 'LAW',
      title: 'Police request',
      evidence: {
        law: {
          statute: 'Code of Criminal Procedure',
          article: '197(2)',
          requestingAuthority: 'Kojimachi police',
          documentReference: null,
          issuedOn: '2025-05-02T00:00:00.000Z',
        },
      },
      scope: {
        purposeKeys: ['membership'],
        categories: ['NAME'],
        allProviders: false,
        providerIds: ['p1', 'p2', 'p3'],
        recipientId: null,
      },
      validFrom: null,
      validUntil: null,
    });
  });

  it('round-trips an existing draft', () => {
    const exception = buildException();
    const input = buildExceptionInput(formFromException(exception));
    expect(input.evidence).toEqual({ outsourcing: exception.evidence.outsourcing });
    expect(input.scope).toMatchObject({ allProviders: true, providerIds: [], recipientId: 'rcp-1' });
  });
});

describe('toExceptionFormErrors', () => {
  it('folds list indices onto their field', () => {
    expect(
      toExceptionFormErrors({
        'scope.providerIds[2]': 'Unknown provider.',
        'evidence.law.statute': 'Required.',
        'scope.providerIds[0]': 'Bad.',
      }),
    ).toEqual({ 'scope.providerIds': 'Unknown provider.; Bad.', 'evidence.law.statute': 'Required.' });
  });
});

describe('validateExceptionForm', () => {
  const t = createI18n('en').t;
  it('checks the keys of purposes outside the stated ones with policy-core, and only those', () => {
    const values = initialExceptionForm('BOARD_APPROVAL');
    values.title = 'Safety notice';
    const stated = [{ key: 'journal-delivery' }];
    values.scope.purposeKeys = ['journal-delivery', 'SAFETY_NOTICE'];
    expect(validateExceptionForm(t, values, stated)).toEqual({});
    values.scope.purposeKeys = ['journal-delivery', 'SAFETY_NOTICE', 'safety notice'];
    expect(validateExceptionForm(t, values, stated)).toEqual({
      'scope.otherPurposeKeys': '“safety notice”: Upper-case letters, digits and _ only, starting with a letter.',
    });
    values.scope.purposeKeys = [`A${'B'.repeat(64)}`];
    expect(validateExceptionForm(t, values, stated)['scope.otherPurposeKeys']).toMatch(/At most 64 characters/);
  });

  it('refuses in the title what the API refuses: no title, invisible or direction characters, a line break, too long', () => {
    const values = initialExceptionForm('LAW');
    const titleError = (title: string) => validateExceptionForm(t, { ...values, title })['title'];
    expect(titleError('  ')).toBe('Give the exception a short name.');
    expect(titleError('Police\u200Brequest')).toMatch(/invisible formatting character \(U\+200B\)/);
    expect(titleError('Police \u202Erequest')).toMatch(/text-direction control character \(U\+202E\)/);
    expect(titleError('Police\trequest')).toMatch(/U\+0009/);
    expect(titleError('x'.repeat(1001))).toMatch(/At most 1000 characters/);
    expect(titleError(' Police request ')).toBeUndefined();
  });
});
