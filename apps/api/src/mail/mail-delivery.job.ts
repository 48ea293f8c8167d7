import { JobFailure, type JobKindDefinition } from '../jobs/job-runner.js';
import { loadOrganisation } from '../organisation/organisation.service.js';
import { MailMessage } from './mail-message.entity.js';
import { presentMailForDelivery } from './mail.presenter.js';
import { sendMail, smtpErrorCode } from './mailer.js';

/** Attempts per mail: with the runner's backoff from 60 s (doubling, jittered), about an hour of retries. */
export const MAIL_DELIVERY_ATTEMPTS = 6;

/**
 * Sends one queued mail (`payload.mailId`) through the configured SMTP server. Without one, the mail
 * is kept as NOT_SENT (the outbox shows what would have been sent). A failed send records the
 * attempt and its code on the mail and is retried with the runner's backoff; after the last attempt
 * the mail is FAILED. A mail already sent is not sent again (a retried job after a lost lease).
 */
export const mailDeliveryJob: JobKindDefinition = {
  kind: 'MAIL_DELIVERY',
  maxAttempts: MAIL_DELIVERY_ATTEMPTS,
  backoffSeconds: 60,
  async run({ payload, em, deps, attempt }) {
    const mailId = typeof payload.mailId === 'string' ? payload.mailId : '';
    const mail = await em.findOne(MailMessage, { id: mailId }, { populate: ['recipient'] });
    if (!mail) throw new JobFailure('MAIL_NOT_FOUND', { retry: false });
    if (mail.status !== 'QUEUED') return { mailId, status: mail.status };
    const smtp = deps.config.smtp;
    if (!smtp) {
      mail.status = 'NOT_SENT';
      mail.secretSealed = null;
      await em.flush();
      return { mailId, status: mail.status };
    }
    const rendered = presentMailForDelivery(mail, await loadOrganisation(em), deps);
    mail.attempts = attempt;
    try {
      await sendMail(smtp, deps.config.mailFrom, rendered.to, rendered);
    } catch (err) {
      const code = smtpErrorCode(err);
      mail.errorCode = code;
      if (attempt >= MAIL_DELIVERY_ATTEMPTS) {
        mail.status = 'FAILED';
        mail.secretSealed = null;
      }
      await em.flush();
      throw new JobFailure(code, { result: { mailId, attempt } });
    }
    mail.status = 'SENT';
    mail.sentAt = deps.now();
    mail.errorCode = null;
    // The one-time link has left: nothing in the database can open the invitation any more.
    mail.secretSealed = null;
    await em.flush();
    return { mailId, status: mail.status };
  },
};
