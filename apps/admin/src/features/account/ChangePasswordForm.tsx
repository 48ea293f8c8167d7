import { Alert, Button, PasswordInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormCard, useFormErrors } from '../../components/FormCard.js';
import { newPasswordErrors } from '../../components/password-form.js';
import { ACCOUNT_TEXT } from './account-texts.js';
import { useChangePassword } from './use-account.js';

const T = ACCOUNT_TEXT.password;
const FIELDS = ['currentPassword', 'newPassword', 'newPasswordRepeated'];

type Props = {
  /** The current password's label ("Temporary password" after an owner's reset). */
  currentLabel?: string;
  onChanged?: () => void;
};

/** Changes one's own password: the current one, then the new one twice; the API's issues go on their fields. */
export function ChangePasswordForm({ currentLabel = T.current, onChanged }: Props) {
  const { changePassword, fetching } = useChangePassword();
  const form = useFormErrors((f) => FIELDS.includes(f));
  const [values, setValues] = useState({ currentPassword: '', newPassword: '', newPasswordRepeated: '' });
  const [changed, setChanged] = useState(false);

  function set(key: keyof typeof values, value: string) {
    setValues((v) => ({ ...v, [key]: value }));
    form.clearField(key);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChanged(false);
    form.setMessages([]);
    const found = newPasswordErrors(values.newPassword, values.newPasswordRepeated, 'newPassword', T.mismatch);
    if (!values.currentPassword) found['currentPassword'] = `${currentLabel} is required.`;
    form.setErrors(found);
    if (Object.keys(found).length > 0) return;
    const result = await changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
    if (!result.data) return form.report(result.error);
    setValues({ currentPassword: '', newPassword: '', newPasswordRepeated: '' });
    setChanged(true);
    onChanged?.();
  }

  return (
    <FormCard label={T.form} title={T.title} refusedTitle={T.refused} messages={form.messages} onSubmit={submit}>
      {changed && (
        <Alert color="teal" variant="light" role="status">
          {T.changed}
        </Alert>
      )}
      <PasswordInput
        label={currentLabel}
        autoComplete="current-password"
        required
        value={values.currentPassword}
        onChange={(e) => set('currentPassword', e.currentTarget.value)}
        error={form.errors['currentPassword']}
      />
      <PasswordInput
        label={T.new}
        description={T.newHint}
        autoComplete="new-password"
        required
        value={values.newPassword}
        onChange={(e) => set('newPassword', e.currentTarget.value)}
        error={form.errors['newPassword']}
      />
      <PasswordInput
        label={T.confirm}
        autoComplete="new-password"
        required
        value={values.newPasswordRepeated}
        onChange={(e) => set('newPasswordRepeated', e.currentTarget.value)}
        error={form.errors['newPasswordRepeated']}
      />
      <Button type="submit" loading={fetching}>
        {T.submit}
      </Button>
    </FormCard>
  );
}
