/**
 * A real Mailer implementation that keeps every message in memory, for tests and local tools that need to
 * read what was sent (the password-reset link). Not a mock: it implements the port completely.
 */
import type { Mailer, MailMessage } from '@movie-magic/tickets';

export class RecordingMailer implements Mailer {
  readonly messages: MailMessage[] = [];
  #next = 0;

  async send(message: MailMessage): Promise<{ messageId: string }> {
    this.messages.push(message);
    this.#next += 1;
    return { messageId: `recorded-${this.#next}` };
  }

  /** Messages sent to `email` (compared case-insensitively), oldest first. */
  messagesTo(email: string): MailMessage[] {
    const wanted = email.trim().toLowerCase();
    return this.messages.filter((message) => message.to.trim().toLowerCase() === wanted);
  }
}
