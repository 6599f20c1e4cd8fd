/**
 * Amazon SES v2 from the edge, for the one e-mail the worker sends itself: the password reset (tickets are
 * mailed by the ticket Lambda). It uses SES's "Simple" content (subject, text, HTML), so no MIME composer,
 * and so none of nodemailer's Node-only code, enters the worker. Attachments would need raw MIME: refused.
 */
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Mailer } from '@movie-magic/tickets';

export interface EdgeSesMailerOptions {
  region: string;
  from: string;
  endpoint?: string | undefined;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

/** The header SES stores with the message so a duplicate delivery can be spotted (as the Node mailers do). */
const IDEMPOTENCY_HEADER = 'X-Movie-Magic-Idempotency-Key';

export function createEdgeSesMailer(options: EdgeSesMailerOptions): Mailer {
  const client = new SESv2Client({
    region: options.region,
    credentials: options.credentials,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
  });
  return {
    async send(message) {
      if (message.attachments?.length) {
        throw new Error('the edge mailer sends no attachments: ticket e-mails go through the ticket Lambda');
      }
      const result = await client.send(
        new SendEmailCommand({
          FromEmailAddress: options.from,
          Destination: { ToAddresses: [message.to] },
          Content: {
            Simple: {
              Subject: { Data: message.subject, Charset: 'UTF-8' },
              Body: {
                Text: { Data: message.text, Charset: 'UTF-8' },
                Html: { Data: message.html, Charset: 'UTF-8' },
              },
              ...(message.idempotencyKey
                ? { Headers: [{ Name: IDEMPOTENCY_HEADER, Value: message.idempotencyKey }] }
                : {}),
            },
          },
        }),
      );
      return { messageId: result.MessageId ?? crypto.randomUUID() };
    },
  };
}

/**
 * MAIL_TRANSPORT=dev on the edge: there is no file system for the dev mailbox, so the message is written to
 * the worker's log (`wrangler dev` prints it; the reset link can be copied from there). Never in production:
 * `NODE_ENV=production` with MAIL_TRANSPORT=dev is the operator's choice, and the log says so.
 */
export function createLogMailer(): Mailer {
  return {
    async send(message) {
      const messageId = crypto.randomUUID();
      console.log(
        JSON.stringify({
          level: 'info',
          message: 'dev mail (not sent)',
          messageId,
          to: message.to,
          subject: message.subject,
          text: message.text,
        }),
      );
      return { messageId };
    },
  };
}
