import nodemailer, { type Transporter } from 'nodemailer';
import type { SmtpConfig } from '../config.js';
import type { RenderedMail } from './mail-templates.js';

// One nodemailer transport per SMTP configuration (the process has one): it keeps no connection
// open between mails (a notification is rare), so a restarted SMTP server needs nothing of Steward.
const transports = new WeakMap<SmtpConfig, Transporter>();

function transportFor(smtp: SmtpConfig): Transporter {
  let transport = transports.get(smtp);
  if (!transport) {
    transport = nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      ...(smtp.user && smtp.password ? { auth: { user: smtp.user, pass: smtp.password } } : {}),
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    });
    transports.set(smtp, transport);
  }
  return transport;
}

/** Why a send failed, as a stable code (the server's own words may name an address: only the log's class and code). */
export function smtpErrorCode(err: unknown): string {
  const e = err as { code?: unknown; responseCode?: unknown };
  if (e.code === 'EAUTH') return 'SMTP_AUTH_FAILED';
  if (typeof e.responseCode === 'number' && e.responseCode >= 400) return 'SMTP_REJECTED';
  if (e.code === 'ECONNECTION' || e.code === 'ETIMEDOUT' || e.code === 'ESOCKET' || e.code === 'EDNS')
    return 'SMTP_UNREACHABLE';
  return 'SMTP_FAILED';
}

/** Hands one mail to the SMTP server; resolves once the server accepted it. */
export async function sendMail(smtp: SmtpConfig, from: string, to: string, mail: RenderedMail): Promise<void> {
  await transportFor(smtp).sendMail({ from, to, subject: mail.subject, text: mail.text, html: mail.html });
}
