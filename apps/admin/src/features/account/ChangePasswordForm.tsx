import { Alert, Button, PasswordInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormCard, useFormErrors } from '../../components/FormCard.js';
import { newPasswordErrors } from '../../components/password-form.js';
import { useChangePassword } from './use-account.js';

const FIELDS = ['currentPassword', 'newPassword', 'newPasswordRepeated'];

type Props = {
  /** The current password's label ("Temporary password" after an owner's reset). */
  currentLabel?: string;
  onChanged?: () => void;
};

/** Changes one's own password: the current one, then the new one twice; the API's issues go on their fields. */
export function ChangePasswordForm({ currentLabel: givenLabel, onChanged }: Props) {
  const { t } = useTranslation('account');
  const currentLabel = givenLabel ?? t('password.current');
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
    const found = newPasswordErrors(
      values.newPassword,
      values.newPasswordRepeated,
      'newPassword',
      t('password.mismatch'),
    );
    if (!values.currentPassword) found['currentPassword'] = t('password.required', { label: currentLabel });
    form.setErrors(found);
    if (Object.keys(found).length > 0) return;
    const result = await changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
    if (!result.data) return form.report(result.error);
    setValues({ currentPassword: '', newPassword: '', newPasswordRepeated: '' });
    setChanged(true);
    onChanged?.();
  }

  return (
    <FormCard
      label={t('password.form')}
      title={t('password.title')}
      refusedTitle={t('password.refused')}
      messages={form.messages}
      onSubmit={submit}
    >
      {changed && (
        <Alert color="teal" variant="light" role="status">
          {t('password.changed')}
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
        label={t('password.new')}
        description={t('password.newHint')}
        autoComplete="new-password"
        required
        value={values.newPassword}
        onChange={(e) => set('newPassword', e.currentTarget.value)}
        error={form.errors['newPassword']}
      />
      <PasswordInput
        label={t('password.confirm')}
        autoComplete="new-password"
        required
        value={values.newPasswordRepeated}
        onChange={(e) => set('newPasswordRepeated', e.currentTarget.value)}
        error={form.errors['newPasswordRepeated']}
      />
      <Button type="submit" loading={fetching}>
        {t('password.submit')}
      </Button>
    </FormCard>
  );
}
