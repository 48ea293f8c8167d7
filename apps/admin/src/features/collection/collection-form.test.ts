import type { PurposeFact } from '@steward/policy-core';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/i18n.js';
import {
  buildCollectionInput,
  emptyItemRow,
  initialCollectionForm,
  isCollectionFormField,
  offeredCategories,
  toFormErrors,
  validateCollectionForm,
  type CollectionContext,
  type CollectionFormValues,
} from './collection-form.js';

const t = createI18n('en').getFixedT('en', 'collection');

const purposes: PurposeFact[] = [
  { key: 'membership', categories: ['NAME', 'POSTAL_ADDRESS', 'EMAIL', 'MEMBERSHIP_NUMBER'], retired: false },
  { key: 'journal', categories: ['NAME', 'POSTAL_CODE', 'POSTAL_ADDRESS'], retired: false },
  { key: 'events', categories: ['NAME', 'EMAIL', 'TELEPHONE'], retired: false },
];

const ctx: CollectionContext = { target: { type: 'new' }, purposes, policyVersionShown: 3, currentPolicyVersion: 3 };

function form(overrides: Partial<CollectionFormValues> = {}): CollectionFormValues {
  return {
    ...initialCollectionForm(),
    providerKind: 'SERVICE_USER',
    channel: 'PAPER_FORM',
    consentMethod: 'SIGNED_FORM',
    purposes: { journal: { selected: true, granted: true } },
    items: [
      { ...emptyItemRow('a', 'NAME'), value: 'Hanako Yamada' },
      { ...emptyItemRow('b', 'POSTAL_ADDRESS'), value: '1-5-9 Kudan-kita\nChiyoda-ku, Tokyo\n' },
    ],
    ...overrides,
  };
}

describe('offeredCategories', () => {
  it('offers nothing before a purpose is ticked', () => {
    expect(offeredCategories(initialCollectionForm(), purposes)).toEqual([]);
  });

  it('offers the union of what ticked purposes need, in vocabulary order', () => {
    const values = form({
      purposes: { journal: { selected: true, granted: true }, events: { selected: true, granted: null } },
    });
    // The reading (フリガナ) comes with the name.
    expect(offeredCategories(values, purposes)).toEqual([
      'NAME',
      'NAME_READING',
      'POSTAL_CODE',
      'POSTAL_ADDRESS',
      'EMAIL',
      'TELEPHONE',
    ]);
  });

  it('drops categories only refused or unticked purposes need', () => {
    const values = form({
      purposes: {
        journal: { selected: true, granted: true },
        events: { selected: true, granted: false },
        membership: { selected: false, granted: true },
      },
    });
    expect(offeredCategories(values, purposes)).toEqual(['NAME', 'NAME_READING', 'POSTAL_CODE', 'POSTAL_ADDRESS']);
  });
});

describe('buildCollectionInput', () => {
  it('builds a new-provider input with trimmed values and purposes in list order', () => {
    const values = form({
      reference: '  ',
      source: ' Annual meeting desk ',
      purposes: { events: { selected: true, granted: false }, journal: { selected: true, granted: true } },
      items: [
        { ...emptyItemRow('a', 'NAME'), value: ' Hanako Yamada ' },
        {
          ...emptyItemRow('b', 'EMAIL'),
          value: 'h@example.jp',
          publiclyAvailable: true,
          publicProvenance: ' Directory 2024 ',
        },
        { ...emptyItemRow('c', 'POSTAL_ADDRESS'), value: '\n1-5-9 Kudan-kita\n  Chiyoda-ku \n' },
      ],
    });
    const { input, purposeKeys } = buildCollectionInput(values, ctx);
    expect(purposeKeys).toEqual(['journal', 'events']);
    expect(input).toEqual({
      newProvider: { kind: 'SERVICE_USER', reference: null },
      channel: 'PAPER_FORM',
      consentMethod: 'SIGNED_FORM',
      policyVersionShown: 3,
      language: null,
      purposes: [
        { purposeKey: 'journal', granted: true },
        { purposeKey: 'events', granted: false },
      ],
      items: [
        { category: 'NAME', value: 'Hanako Yamada', publiclyAvailable: false, publicProvenance: null },
        { category: 'EMAIL', value: 'h@example.jp', publiclyAvailable: true, publicProvenance: 'Directory 2024' },
        {
          category: 'POSTAL_ADDRESS',
          value: '1-5-9 Kudan-kita\n  Chiyoda-ku',
          publiclyAvailable: false,
          publicProvenance: null,
        },
      ],
      source: 'Annual meeting desk',
      note: null,
    });
  });

  it('targets an existing provider with its expected version', () => {
    const { input } = buildCollectionInput(form(), {
      ...ctx,
      target: { type: 'existing', providerId: 'p9', providerKind: 'BUSINESS_USER', providerVersion: 12 },
    });
    expect(input.providerId).toBe('p9');
    expect(input.expectedProviderVersion).toBe(12);
    expect(input.newProvider).toBeUndefined();
  });

  it('drops provenance of items that are not public', () => {
    const values = form({ items: [{ ...emptyItemRow('a', 'NAME'), value: 'X', publicProvenance: 'left over' }] });
    expect(buildCollectionInput(values, ctx).input.items[0]?.publicProvenance).toBeNull();
  });
});

describe('toFormErrors', () => {
  it('puts purpose issues on the purpose they concern, by the key sent at that index', () => {
    expect(
      toFormErrors(
        {
          'purposes[1].purposeKey': 'Purpose "events" is retired.',
          'purposes[0].granted': 'Answer needed.',
          'purposes[7].purposeKey': 'Out of range.',
          purposes: 'Specify at least one purpose.',
        },
        ['journal', 'events'],
      ),
    ).toEqual({
      'purpose:events': 'Purpose "events" is retired.',
      'purpose:journal': 'Answer needed.',
      purposes: 'Out of range.; Specify at least one purpose.',
    });
  });

  it('maps the new provider fields and keeps other paths', () => {
    expect(
      toFormErrors(
        { 'newProvider.reference': 'Too long.', 'newProvider.kind': 'Unknown.', 'items[1].value': 'Bad.' },
        [],
      ),
    ).toEqual({ reference: 'Too long.', providerKind: 'Unknown.', 'items[1].value': 'Bad.' });
  });
});

describe('isCollectionFormField', () => {
  it('knows the fields the form renders', () => {
    for (const key of [
      'channel',
      'policyVersionShown',
      'purposes',
      'purpose:journal',
      'items',
      'items[3].value',
      'items[0].publicProvenance',
    ]) {
      expect(isCollectionFormField(key)).toBe(true);
    }
    for (const key of ['providerId', 'expectedProviderVersion', 'items[0].colour', 'purposesx']) {
      expect(isCollectionFormField(key)).toBe(false);
    }
  });
});

describe('validateCollectionForm', () => {
  it('accepts a complete form', () => {
    expect(validateCollectionForm(form(), ctx, t)).toEqual({});
  });

  it('asks for every unchosen select and unanswered purpose', () => {
    const values: CollectionFormValues = {
      ...initialCollectionForm(),
      purposes: { journal: { selected: true, granted: null } },
    };
    const errors = validateCollectionForm(values, ctx, t);
    expect(errors['providerKind']).toMatch(/kind/i);
    expect(errors['channel']).toBeDefined();
    expect(errors['consentMethod']).toBeDefined();
    expect(errors['purpose:journal']).toMatch(/granted or refused/);
    expect(errors['items[0].category']).toBe('Choose a category.');
    // Unanswered is not treated as refused: no "consented to none".
    expect(errors['purposes']).toBeUndefined();
  });

  it('words its own checks in the language shown', () => {
    const ja = createI18n('ja').getFixedT('ja', 'collection');
    const errors = validateCollectionForm(initialCollectionForm(), ctx, ja);
    expect(errors['providerKind']).toBe('情報提供者の種別を選択してください。');
    expect(errors['items[0].category']).toBe('項目の種類を選択してください。');
  });

  it('does not ask for a kind when the provider exists', () => {
    const errors = validateCollectionForm(
      form({ providerKind: '' }),
      { ...ctx, target: { type: 'existing', providerId: 'p1', providerKind: 'SERVICE_USER', providerVersion: 1 } },
      t,
    );
    expect(errors['providerKind']).toBeUndefined();
  });

  it('reports policy-core issues on the fields they concern', () => {
    const values = form({
      purposes: { journal: { selected: true, granted: true }, events: { selected: true, granted: false } },
      items: [
        { ...emptyItemRow('a', 'NAME'), value: 'Hanako' },
        { ...emptyItemRow('b', 'EMAIL'), value: 'not-an-address' },
        { ...emptyItemRow('c', 'TELEPHONE'), value: '03-5226-5191' },
        { ...emptyItemRow('d', 'NAME'), value: 'Hanako', publiclyAvailable: true },
      ],
    });
    const errors = validateCollectionForm(values, { ...ctx, policyVersionShown: 2 }, t);
    expect(errors['policyVersionShown']).toMatch(/current/);
    expect(errors['items[1].value']).toBeDefined();
    expect(errors['items[1].category']).toBeDefined(); // e-mail: only the refused purpose needs it
    expect(errors['items[2].category']).toBeDefined();
    expect(errors['items[3].publicProvenance']).toBeDefined();
    expect(errors['items[0].value']).toBeUndefined();
  });

  it('needs at least one purpose and one item', () => {
    const errors = validateCollectionForm(form({ purposes: {}, items: [] }), ctx, t);
    expect(errors['purposes']).toBeDefined();
    expect(errors['items']).toBeDefined();
  });
});
