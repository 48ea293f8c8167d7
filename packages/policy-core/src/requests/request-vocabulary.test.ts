import { describe, expect, it } from 'vitest';
import {
  isRequestChannel,
  isRequestKind,
  isRequestStatus,
  isVerificationMethod,
  REQUEST_CHANNEL_LABELS,
  REQUEST_CHANNELS,
  REQUEST_KIND_LABELS,
  REQUEST_KINDS,
  REQUEST_STATUS_LABELS,
  REQUEST_STATUSES,
  VERIFICATION_METHOD_LABELS,
  VERIFICATION_METHODS,
} from './request-vocabulary.js';

describe('request vocabulary', () => {
  it('labels every value in both languages', () => {
    const pairs = [
      [REQUEST_KINDS, REQUEST_KIND_LABELS],
      [REQUEST_STATUSES, REQUEST_STATUS_LABELS],
      [REQUEST_CHANNELS, REQUEST_CHANNEL_LABELS],
      [VERIFICATION_METHODS, VERIFICATION_METHOD_LABELS],
    ] as const;
    for (const [values, labels] of pairs) {
      expect(Object.keys(labels)).toEqual([...values]);
      for (const l of Object.values(labels)) expect(l.en.length > 0 && l.ja.length > 0).toBe(true);
    }
    expect(REQUEST_KIND_LABELS.DISCLOSURE.ja).toBe('開示');
  });

  it('guards values', () => {
    expect(isRequestKind('AMENDMENT')).toBe(true);
    expect(isRequestKind('amendment')).toBe(false);
    expect(isRequestStatus('REJECTED')).toBe(true);
    expect(isRequestChannel('FAX')).toBe(true);
    expect(isVerificationMethod('PASSWORD')).toBe(false);
  });
});
