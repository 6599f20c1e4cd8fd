/**
 * RFC 822 / MIME encoding of a {@link MailMessage} with nodemailer's stream transport (buffer mode): the same
 * bytes go to the dev mailbox (.eml) and to SES as raw content, so what a developer sees at /dev/mail is
 * what production sends.
 */
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import type { MailMessage } from '../ports.js';

/** Header that carries the logical message key, so a duplicate delivery can be spotted by the receiver. */
export const IDEMPOTENCY_HEADER = 'X-Movie-Magic-Idempotency-Key';

/** nodemailer's message options for a {@link MailMessage}. */
export function toNodemailer(message: MailMessage, from: string): Mail.Options {
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    attachments: (message.attachments ?? []).map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      content: Buffer.from(attachment.content),
    })),
    ...(message.idempotencyKey ? { headers: { [IDEMPOTENCY_HEADER]: message.idempotencyKey } } : {}),
  };
}

const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

/** The complete MIME message (CRLF line ends, as SMTP and SES expect) and its Message-ID. */
export async function composeMime(
  message: MailMessage,
  from: string,
): Promise<{ raw: Buffer; messageId: string }> {
  const info = await composer.sendMail(toNodemailer(message, from));
  return { raw: info.message as Buffer, messageId: info.messageId };
}
