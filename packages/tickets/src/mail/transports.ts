/** The Mailer transports other than the dev mailbox: SMTP (nodemailer) and Amazon SES v2 (raw MIME). */
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import nodemailer from 'nodemailer';
import type { Mailer } from '../ports.js';
import { composeMime, toNodemailer } from './mime.js';

/**
 * SMTP through nodemailer, e.g. `smtp://user:pass@mail.example:587` (STARTTLS when offered). Add `?pool=true`
 * to reuse connections: a new connection costs a full handshake (and many servers pause their greeting to
 * catch early talkers, e.g. smtp-server's 100 ms, Postfix's postscreen), which bounds unpooled throughput.
 */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      const info = await transport.sendMail(toNodemailer(message, from));
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}

export interface SesMailerOptions {
  region: string;
  from: string;
  endpoint?: string | undefined;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined;
}

/**
 * SES v2 SendEmail with raw content: attachments need raw MIME (the "simple" content type has none). SES
 * caps a raw message at 40 MB (https://docs.aws.amazon.com/ses/latest/dg/quotas.html); a ticket is ~30 KB.
 */
export function createSesMailer(options: SesMailerOptions): Mailer {
  const client = new SESv2Client({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
  return {
    async send(message) {
      const { raw, messageId } = await composeMime(message, options.from);
      const result = await client.send(
        new SendEmailCommand({
          FromEmailAddress: options.from,
          Destination: { ToAddresses: [message.to] },
          Content: { Raw: { Data: new Uint8Array(raw) } },
        }),
      );
      return { messageId: result.MessageId ?? messageId };
    },
  };
}
