/**
 * The ticket job message: ONE versioned schema shared by every publisher (inline queue, SNS) and the worker.
 * It carries ids only: SNS caps a message at 256 KB (https://docs.aws.amazon.com/sns/latest/dg/large-message-payloads.html)
 * and the worker reads the current booking anyway.
 */
import { TICKET_JOB_KINDS, type TicketJob } from '@movie-magic/db';
import { z } from 'zod';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/);

export const TicketJobMessageSchema = z.object({
  v: z.literal(1),
  jobId: id,
  bookingId: id,
  kind: z.enum(TICKET_JOB_KINDS),
});
export type TicketJobMessage = z.infer<typeof TicketJobMessageSchema>;

/** Hands one message to the queue (SNS, the inline queue). Resolves once the queue has accepted it. */
export type PublishTicketJob = (message: TicketJobMessage) => Promise<void>;

export function ticketJobMessage(job: Pick<TicketJob, 'id' | 'bookingId' | 'kind'>): TicketJobMessage {
  return { v: 1, jobId: job.id, bookingId: job.bookingId, kind: job.kind };
}

/** Parses a message body (JSON text or an object); null when it is not a valid v1 message. */
export function parseTicketJobMessage(body: unknown): TicketJobMessage | null {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      return null;
    }
  }
  const result = TicketJobMessageSchema.safeParse(value);
  return result.success ? result.data : null;
}
