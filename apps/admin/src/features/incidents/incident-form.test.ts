import { describe, expect, it } from 'vitest';
import {
  answer,
  emptyIncidentForm,
  emptySelection,
  parseReferences,
  prefilledQuestions,
  selectionInput,
  toRecordInput,
  withCategories,
} from './incident-form.js';

describe('the incident form helpers', () => {
  it('reads references from lines or a CSV column, each once', () => {
    expect(parseReferences('M-1\r\nM-2, "M-3";M-1\t\n  \n')).toEqual(['M-1', 'M-2', 'M-3']);
    expect(parseReferences('')).toEqual([]);
  });

  it('sends a selection only once it is complete', () => {
    expect(selectionInput(emptySelection('PICKED'))).toBeNull();
    expect(
      selectionInput({ ...emptySelection('PROVIDED_TO_RECIPIENT'), recipientId: 'r1', from: '2026-01-01' }),
    ).toBeNull();
    expect(selectionInput({ ...emptySelection('IN_EXPORT'), exportJobId: 'j1' })).toEqual({
      selector: 'IN_EXPORT',
      exportJobId: 'j1',
    });
  });

  it('pre-fills unanswered questions from the categories, never encryption, never over an answer', () => {
    const form = withCategories(emptyIncidentForm(), ['NAME']);
    expect(form.checklist).toEqual({
      sensitiveData: 'no',
      financialLossRisk: 'no',
      strongEncryptionKeySafe: 'unknown',
    });
    expect(prefilledQuestions(form)).toEqual(['sensitiveData', 'financialLossRisk']);
    const answered = withCategories(answer(form, 'sensitiveData', 'yes'), []);
    expect(answered.checklist).toEqual({
      sensitiveData: 'yes',
      financialLossRisk: 'unknown',
      strongEncryptionKeySafe: 'unknown',
    });
    expect(toRecordInput(answered).checklist).toEqual({
      sensitiveData: true,
      financialLossRisk: null,
      strongEncryptionKeySafe: null,
    });
  });
});
