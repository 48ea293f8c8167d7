import { Button, NativeSelect, TextInput } from '@mantine/core';
import { ADMIN_ROLES, FIELD_LIMITS } from '@steward/policy-core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../components/errors.js';
import { FormCard, useFormErrors } from '../../components/FormCard.js';
import { formatDateTime } from '../../components/format.js';
import { ROLE_LABEL } from '../../components/labels.js';
import { OneTimeValue } from '../../components/OneTimeValue.js';
import {
  EMPTY_INVITE_FORM,
  INVITE_FIELDS,
  toInviteStaffInput,
  validateInviteForm,
  type InviteFormValues,
} from './admin-user-form.js';
import { useInviteStaff } from './use-admin-users.js';

/** Who a new account is for — e-mail, name and role — as the invitation and the create form ask it. */
export function StaffIdentityFields({
  values,
  set,
  errors,
}: {
  values: InviteFormValues;
  /** Sets one field (the role select sends a role or ''). */
  set: (key: keyof InviteFormValues, value: string) => void;
  errors: FieldErrors;
}) {
  const { t } = useTranslation('staff');
  return (
    <>
      <TextInput
        label={t('invite.email')}
        type="email"
        autoComplete="off"
        required
        maxLength={FIELD_LIMITS.email}
        value={values.email}
        onChange={(e) => set('email', e.currentTarget.value)}
        error={errors['email']}
      />
      <TextInput
        label={t('invite.displayName')}
        required
        maxLength={FIELD_LIMITS.displayName}
        value={values.displayName}
        onChange={(e) => set('displayName', e.currentTarget.value)}
        error={errors['displayName']}
      />
      <NativeSelect
        label={t('invite.role')}
        required
        value={values.role}
        onChange={(e) => set('role', e.currentTarget.value)}
        data={[
          { value: '', label: t('invite.chooseRole'), disabled: true },
          ...ADMIN_ROLES.map((r) => ({
            value: r,
            label: t('roleOption', { role: ROLE_LABEL[r], description: t(`roleDescriptions.${r}`) }),
          })),
        ]}
        error={errors['role']}
      />
    </>
  );
}

/** An invitation link as the owner copies it: absolute, on this admin's address when the API gave a relative one. */
export function absoluteLink(link: string, origin = window.location.origin): string {
  return new URL(link, origin).href;
}

/** Invites someone: the one-time link is shown here once, with its expiry, for the owner to send. */
export function InviteStaffCard() {
  const { t } = useTranslation('staff');
  const { invite, fetching } = useInviteStaff();
  const [values, setValues] = useState<InviteFormValues>(EMPTY_INVITE_FORM);
  const form = useFormErrors((f) => (INVITE_FIELDS as readonly string[]).includes(f));
  // The link lives only in this state: the API keeps a hash of its token.
  const [issued, setIssued] = useState<{ link: string; name: string; expiresAt: string } | null>(null);

  function set(key: keyof InviteFormValues, value: string) {
    setValues((v) => ({ ...v, [key]: value }));
    form.clearField(key);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setIssued(null);
    form.setMessages([]);
    const found = validateInviteForm(values, t);
    form.setErrors(found);
    if (Object.keys(found).length > 0) return;
    const result = await invite(toInviteStaffInput(values));
    const answer = result.data?.inviteStaff;
    if (!answer) return form.report(result.error);
    setIssued({
      link: absoluteLink(answer.link),
      name: answer.invitation.displayName,
      expiresAt: answer.invitation.expiresAt,
    });
    setValues(EMPTY_INVITE_FORM);
  }

  return (
    <FormCard
      label={t('invite.form')}
      title={t('invite.title')}
      refusedTitle={t('invite.refused')}
      messages={form.messages}
      onSubmit={submit}
    >
      {issued && (
        <OneTimeValue
          value={issued.link}
          name={t('invite.linkName')}
          warning={t('invite.warning')}
          copyLabel={t('invite.copy')}
        >
          {t('invite.handOver', { name: issued.name, expires: formatDateTime(issued.expiresAt) })}
        </OneTimeValue>
      )}
      <StaffIdentityFields values={values} set={set} errors={form.errors} />
      <Button type="submit" loading={fetching}>
        {t('invite.submit')}
      </Button>
    </FormCard>
  );
}
