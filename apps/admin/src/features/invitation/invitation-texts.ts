// The invitation page's words, in one place for the Japanese/English issue.
export const INVITATION_TEXT = {
  loading: 'Opening your invitation',
  invited: (name: string, organisation: string) => `${name}, you are invited to ${organisation}'s Steward`,
  as: (role: string, email: string) => `as ${role}. You will sign in as ${email}.`,
  expires: (when: string) => `This invitation works until ${when}.`,
  form: 'Accept invitation',
  refused: 'Not accepted',
  password: 'Choose a password',
  passwordHint: 'At least 12 characters and not easy to guess: a phrase of unrelated words works well.',
  repeat: 'Repeat the password',
  mismatch: 'The two passwords differ.',
  submit: 'Create my account',
  gone: 'This invitation link does not work',
  goneMessage:
    'It may have expired, been used already or been revoked. Ask an owner of your organisation for a new one.',
  missing: 'This address holds no invitation. Open the whole link you were sent.',
  signIn: 'Go to sign-in',
};
