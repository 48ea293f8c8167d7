import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { SmtpConfig } from '../config.js';

/**
 * A real SMTP server in the test's process (the `smtp-server` package): what it accepted, parsed
 * (mailparser), in `received`; `rejectNext` makes it refuse that many messages (451) first.
 */
export class SmtpSink {
  readonly received: ParsedMail[] = [];
  rejectNext = 0;
  rejected = 0;
  private readonly server: SMTPServer;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (this.rejectNext > 0) {
            this.rejectNext--;
            this.rejected++;
            const err = Object.assign(new Error('Try again later'), { responseCode: 451 });
            callback(err);
            return;
          }
          simpleParser(Buffer.concat(chunks))
            .then((mail) => {
              this.received.push(mail);
              callback();
            })
            .catch((err: Error) => callback(err));
        });
      },
    });
  }

  async start(): Promise<SmtpConfig> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = (this.server as unknown as { server: { address(): AddressInfo } }).server.address();
    return { host: '127.0.0.1', port, secure: false, user: null, password: null };
  }

  /** The messages received by `address`. */
  to(address: string): ParsedMail[] {
    return this.received.filter((m) => addressesOf(m).includes(address));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function addressesOf(mail: ParsedMail): string[] {
  const to = mail.to ? (Array.isArray(mail.to) ? mail.to : [mail.to]) : [];
  return to.flatMap((a) => a.value.map((v) => v.address ?? ''));
}
