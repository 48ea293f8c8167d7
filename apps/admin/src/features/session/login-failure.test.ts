import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/i18n.js';
import { formatWait, loginFailure } from './login-failure.js';

const en = createI18n('en').t;
const ja = createI18n('ja').t;
const refused = (code: string, extensions: Record<string, unknown> = {}) => ({
  graphQLErrors: [{ message: 'The server says this in English', extensions: { code, ...extensions } }],
});

describe('loginFailure', () => {
  it('words each refusal by its code, never with the server message', () => {
    const cases: [ReturnType<typeof refused> | { networkError: Error }, boolean, string][] = [
      [refused('UNAUTHENTICATED'), false, 'E-mail or password is incorrect.'],
      [refused('UNAUTHENTICATED'), true, 'The code is incorrect.'],
      [refused('BAD_USER_INPUT'), false, 'Check what you entered'],
      [refused('INTERNAL_SERVER_ERROR'), false, 'Something went wrong on the server.'],
      [{ networkError: new Error('offline') }, false, 'Cannot reach the Steward API.'],
    ];
    for (const [error, codeSent, message] of cases) {
      const failure = loginFailure(error, { codeSent }, en);
      expect(failure?.title).toBe('Sign-in failed');
      expect(failure?.message).toContain(message);
      expect(failure?.message).not.toContain('English');
    }
  });

  it('is no failure for MFA_REQUIRED or no error', () => {
    expect(loginFailure(refused('MFA_REQUIRED'), { codeSent: false }, en)).toBeNull();
    expect(loginFailure(undefined, { codeSent: false }, en)).toBeNull();
  });

  it('says how long to wait after too many attempts, in the language of t', () => {
    expect(loginFailure(refused('TOO_MANY_REQUESTS', { retryAfterSeconds: 3600 }), { codeSent: false }, ja)).toEqual({
      title: 'サインインの試行回数が上限に達しました',
      message: 'この接続元からの試行が多すぎます。1 時間後に改めてお試しください。',
    });
    expect(loginFailure(refused('TOO_MANY_REQUESTS'), { codeSent: false }, en)?.message).toBe(
      'Too many attempts from here: try again later.',
    );
  });
});

describe('formatWait', () => {
  it('rounds up to seconds, minutes or hours, singular and plural', () => {
    expect([0.2, 1, 45, 60, 61, 3540, 3600, 3601].map((s) => formatWait(s, en))).toEqual([
      '1 second',
      '1 second',
      '45 seconds',
      '1 minute',
      '2 minutes',
      '59 minutes',
      '1 hour',
      '2 hours',
    ]);
    expect(formatWait(125, ja)).toBe('3 分');
  });
});
