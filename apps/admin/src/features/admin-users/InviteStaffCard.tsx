import { Button, NativeSelect, TextInput } from '@mantine/core';
import { ADMIN_ROLES, FIELD_LIMITS } from '@steward/policy-core';
import { useState, type FormEvent } from 'react';
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
import { ROLE_DESCRIPTION, STAFF_TEXT } from './staff-texts.js';
import { useInviteStaff } from './use-admin-users.js';

const T = STAFF_TEXT.invite;

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
  return (
    <>
      <TextInput
        label={T.email}
        type="email"
        autoComplete="off"
        required
        maxLength={FIELD_LIMITS.email}
        value={values.email}
        onChange={(e) => set('email', e.currentTarget.value)}
        error={errors['email']}
      />
      <TextInput
        label={T.displayName}
        required
        maxLength={FIELD_LIMITS.displayName}
        value={values.displayName}
        onChange={(e) => set('displayName', e.currentTarget.value)}
        error={errors['displayName']}
      />
      <NativeSelect
        label={T.role}
        required
        value={values.role}
        onChange={(e) => set('role', e.currentTarget.value)}
        data={[
          { value: '', label: T.chooseRole, disabled: true },
          ...ADMIN_ROLES.map((r) => ({ value: r, label: `${ROLE_LABEL[r]} — ${ROLE_DESCRIPTION[r]}` })),
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
    const found = validateInviteForm(values);
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
    <FormCard label={T.form} title={T.title} refusedTitle={T.refused} messages={form.messages} onSubmit={submit}>
      {issued && (
        <OneTimeValue value={issued.link} name={T.linkName} warning={T.warning} copyLabel={T.copy}>
          {T.handOver(issued.name, formatDateTime(issued.expiresAt))}
        </OneTimeValue>
      )}
      <StaffIdentityFields values={values} set={set} errors={form.errors} />
      <Button type="submit" loading={fetching}>
        {T.submit}
      </Button>
    </FormCard>
  );
}
