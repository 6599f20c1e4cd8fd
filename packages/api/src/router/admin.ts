/**
 * Operations for admins: the ticket outbox's parked jobs (those that failed after every retry) with their
 * reasons, and a retry that puts a job back in the outbox and wakes the relay.
 */
import { TICKET_JOB_KINDS, TICKET_JOB_STATES } from '@movie-magic/db';
import { listParkedTicketJobs, retryTicketJob } from '@movie-magic/tickets';
import { z } from 'zod';
import { fail } from '../errors.js';
import { adminProcedure, createTRPCRouter } from '../trpc.js';

const TicketJobView = z.object({
  id: z.string(),
  kind: z.enum(TICKET_JOB_KINDS),
  bookingId: z.string(),
  state: z.enum(TICKET_JOB_STATES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const JobId = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be a ticket job id');

export const adminRouter = createTRPCRouter({
  ticketJobs: createTRPCRouter({
    /** Parked jobs, with the reason of their last failure. */
    parked: adminProcedure
      .input(
        z
          .object({ limit: z.number().int().min(1).max(500).default(100) })
          .strict()
          .optional(),
      )
      .output(z.array(TicketJobView))
      .query(async ({ ctx, input }) => {
        const jobs = await listParkedTicketJobs(ctx.store, input?.limit ?? 100);
        return jobs.map((job) => TicketJobView.parse(job));
      }),
    /** Back to the outbox with its attempts reset; the relay picks it up at once. */
    retry: adminProcedure
      .input(z.object({ jobId: JobId }).strict())
      .output(z.object({ ok: z.literal(true) }))
      .mutation(async ({ ctx, input }) => {
        const retried = await retryTicketJob(ctx, input.jobId);
        if (!retried) fail('NOT_FOUND', 'No parked ticket job has that id.');
        return { ok: true as const };
      }),
  }),
});
