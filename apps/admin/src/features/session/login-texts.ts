// The sign-in page's words, in one place for the Japanese/English issue.
export const LOGIN_TEXT = {
  form: 'Sign in',
  intro: 'Sign in to manage personal information under your privacy policy.',
  failed: 'Sign-in failed',
  email: 'Email',
  password: 'Password',
  code: 'Authentication code',
  codeHint: 'The 6-digit code from your authenticator app, or one of your recovery codes.',
  codeNeeded: 'Your account has a second factor: enter its code to finish signing in.',
  submit: 'Sign in',
  tooMany: 'Too many sign-in attempts',
  retryIn: (wait: string) => `Too many attempts from here: try again in ${wait}.`,
  retryLater: 'Too many attempts from here: try again later.',
};

/** "45 seconds", "3 minutes", "2 hours" (rounded up). */
export function formatWait(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.ceil(seconds))} second${Math.ceil(seconds) === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} hour${hours === 1 ? '' : 's'}`;
}
