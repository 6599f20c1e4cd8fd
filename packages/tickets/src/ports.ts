/** Ports of the tickets package: how the API and the worker send mail and hand ticket jobs on. */

/** A file attached to an e-mail (the ticket PDF, the .ics event). */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

/** One e-mail, transport-neutral. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
  /** Stable per logical message (e.g. `ticket-<jobId>`), sent as a header so duplicates can be spotted. */
  idempotencyKey?: string;
}

/** Sends e-mail: the dev mailbox (.eml files), SMTP (nodemailer) or SES v2. */
export interface Mailer {
  send(message: MailMessage): Promise<{ messageId: string }>;
  /** Releases pooled connections (SMTP with `?pool=true`); optional. */
  close?(): void;
}

/**
 * Hands pending ticket jobs (the outbox) on to the worker: an in-process queue on the embedded default, SNS
 * at scale. `notify` is called after a commit that wrote a job; it must return at once (the confirm request
 * never waits for rendering or e-mail). Jobs it misses are picked up by the relay's periodic sweep.
 */
export interface TicketDispatcher {
  notify(): void;
}
