import type { TFunction } from 'i18next';
import { errorCode, type ErrorLike } from '../../components/errors.js';

export type LoginFailure = { title: string; message: string };

/** "45 seconds", "3 minutes", "2 hours" (rounded up), in the language of `t`. */
export function formatWait(seconds: number, t: TFunction): string {
  if (seconds < 60) return t('session:login.wait.seconds', { count: Math.max(1, Math.ceil(seconds)) });
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return t('session:login.wait.minutes', { count: minutes });
  return t('session:login.wait.hours', { count: Math.ceil(minutes / 60) });
}

/**
 * What the sign-in alert says for a refused attempt, from the API's `extensions.code` (never its
 * English message): UNAUTHENTICATED is a wrong e-mail or password — or, when a code was sent, a wrong
 * code (the page drops the code step whenever the e-mail or password changes, so a code goes only with
 * the password the API accepted); TOO_MANY_REQUESTS says how long to wait (`retryAfterSeconds`);
 * BAD_USER_INPUT is an entry the API does not take (too long, control characters). MFA_REQUIRED is no
 * failure (the page asks for the code) and gives null, as no error does.
 */
export function loginFailure(
  error: ErrorLike | null | undefined,
  { codeSent }: { codeSent: boolean },
  t: TFunction,
): LoginFailure | null {
  if (!error) return null;
  const failed = (message: string) => ({ title: t('session:login.failed'), message });
  const first = error.graphQLErrors?.[0];
  if (!first) return failed(t('session:login.errors.network'));
  switch (errorCode(first)) {
    case 'MFA_REQUIRED':
      return null;
    case 'UNAUTHENTICATED':
      return failed(codeSent ? t('session:login.errors.code') : t('session:login.errors.credentials'));
    case 'TOO_MANY_REQUESTS': {
      const wait = first.extensions?.['retryAfterSeconds'];
      return {
        title: t('session:login.tooMany'),
        message:
          typeof wait === 'number' && wait > 0
            ? t('session:login.retryIn', { wait: formatWait(wait, t) })
            : t('session:login.retryLater'),
      };
    }
    case 'BAD_USER_INPUT':
      return failed(t('session:login.errors.input'));
    default:
      return failed(t('session:login.errors.server'));
  }
}
