/**
 * The ticket outbox. A job is one base item; while it is pending, published, sending or parked it also
 * carries the JobsByStateDue GSI keys (state, due time), so pollers find candidates without a Scan. The GSI
 * only FINDS candidates: every claim is a conditional UpdateItem on the base item, and listings re-read the
 * base items consistently, because a GSI read may be stale.
 */
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  PUBLISHED_TICKET_JOB_REDELIVERY_MINUTES,
  type TicketJob,
  type TicketJobKind,
  type TicketJobState,
} from '../domain.js';
import type { ClaimTicketJobResult } from '../store.js';
import { catalog } from './catalog.js';
import { batchGet, type DynamoContext, isConditionFailure, queryAll, send } from './client.js';
import { jobFromItem, jobItem, newJob } from './job-items.js';
import { INDEXES, instant, keys } from './keys.js';

export async function getTicketJob(ctx: DynamoContext, jobId: string): Promise<TicketJob | null> {
  const item = await catalog.getItem(ctx, keys.ticketJob(jobId));
  return item ? jobFromItem(item) : null;
}

/** Replaces the whole job item when its stored state still matches `condition`; false when it did not. */
async function rewrite(
  ctx: DynamoContext,
  job: TicketJob,
  condition: string,
  values: Record<string, unknown>,
): Promise<boolean> {
  const item = jobItem(job);
  const names: Record<string, string> = { '#state': 'state' };
  const sets: string[] = [];
  const removes: string[] = [];
  const setValues: Record<string, unknown> = {};
  const all = [
    'state',
    'attempts',
    'nextAttemptAt',
    'lastError',
    'updatedAt',
    'leaseOwner',
    'leaseExpiresAt',
    INDEXES.JobsByStateDue.pk,
    INDEXES.JobsByStateDue.sk,
  ];
  for (const [i, name] of all.entries()) {
    names[`#a${i}`] = name;
    if (item[name] === undefined) removes.push(`#a${i}`);
    else {
      sets.push(`#a${i} = :v${i}`);
      setValues[`:v${i}`] = item[name];
    }
  }
  try {
    await send(
      ctx,
      new UpdateCommand({
        TableName: ctx.table,
        Key: keys.ticketJob(job.id),
        UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
        ConditionExpression: `attribute_exists(PK) AND (${condition})`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ...setValues, ...values },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

async function candidates(
  ctx: DynamoContext,
  state: TicketJobState,
  before: string | null,
  limit: number,
  newestFirst = false,
) {
  const index = INDEXES.JobsByStateDue;
  const items = await queryAll(
    ctx,
    {
      IndexName: 'JobsByStateDue',
      KeyConditionExpression: before ? '#pk = :pk AND #sk < :before' : '#pk = :pk',
      ExpressionAttributeNames: { '#pk': index.pk, ...(before ? { '#sk': index.sk } : {}) },
      ExpressionAttributeValues: {
        ':pk': keys.jobStatePartition(state),
        ...(before ? { ':before': before } : {}),
      },
      Limit: limit,
      ScanIndexForward: !newestFirst,
    },
    limit,
  );
  return items.map((item) => keys.ticketJob(String(item.id)));
}

export const jobs = {
  async enqueue(
    ctx: DynamoContext,
    input: { id: string; kind: TicketJobKind; bookingId: string; now: string },
  ) {
    try {
      await send(
        ctx,
        new PutCommand({
          TableName: ctx.table,
          Item: jobItem(newJob(input.id, input.kind, input.bookingId, input.now)),
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (error) {
      // Enqueueing the same job id twice is a no-op (a retried request).
      if (!isConditionFailure(error)) throw error;
    }
  },

  /** Candidates from the GSI, then a consistent re-read: only jobs that are really due are returned. */
  async listDue(ctx: DynamoContext, nowInput: string, limit: number): Promise<TicketJob[]> {
    const now = instant(nowInput);
    const before = keys.jobsDueBefore(now);
    const found = await Promise.all(
      (['pending', 'published', 'sending'] as const).map((state) => candidates(ctx, state, before, limit)),
    );
    const fresh = (await batchGet(ctx, found.flat())).map(jobFromItem);
    const dueAt = (job: TicketJob) =>
      job.state === 'sending' ? (job.leaseExpiresAt ?? '') : job.nextAttemptAt;
    return fresh
      .filter((job) => job.state !== 'sent' && job.state !== 'parked' && dueAt(job) <= now)
      .sort((a, b) => dueAt(a).localeCompare(dueAt(b)) || a.id.localeCompare(b.id))
      .slice(0, limit);
  },

  async listParked(ctx: DynamoContext, limit: number): Promise<TicketJob[]> {
    const found = await candidates(ctx, 'parked', null, limit, true);
    return (await batchGet(ctx, found)).map(jobFromItem).filter((job) => job.state === 'parked');
  },

  async markPublished(ctx: DynamoContext, jobId: string, nowInput: string) {
    const job = await getTicketJob(ctx, jobId);
    if (job?.state !== 'pending') return;
    const now = instant(nowInput);
    const next = new Date(
      new Date(now).getTime() + PUBLISHED_TICKET_JOB_REDELIVERY_MINUTES * 60_000,
    ).toISOString();
    await rewrite(
      ctx,
      { ...job, state: 'published', nextAttemptAt: next, updatedAt: nowInput },
      '#state = :pending',
      {
        ':pending': 'pending',
      },
    );
  },

  async claim(
    ctx: DynamoContext,
    jobId: string,
    owner: string,
    nowInput: string,
    leaseUntil: string,
  ): Promise<ClaimTicketJobResult> {
    const now = instant(nowInput);
    for (let attempt = 0; attempt < 3; attempt++) {
      const job = await getTicketJob(ctx, jobId);
      if (!job) return { ok: false, reason: 'NOT_FOUND' };
      if (job.state === 'sent') return { ok: false, reason: 'ALREADY_SENT' };
      if (job.state === 'parked') return { ok: false, reason: 'PARKED' };
      if (job.state === 'sending' && (job.leaseExpiresAt ?? '') > now) return { ok: false, reason: 'LEASED' };
      const claimed: TicketJob = {
        ...job,
        state: 'sending',
        leaseOwner: owner,
        leaseExpiresAt: leaseUntil,
        updatedAt: nowInput,
      };
      // The decision is this condition on the base item, evaluated atomically by DynamoDB.
      const won = await rewrite(
        ctx,
        claimed,
        '#state = :pending OR #state = :published OR (#state = :sending AND leaseExpiresAt <= :now)',
        { ':pending': 'pending', ':published': 'published', ':sending': 'sending', ':now': now },
      );
      if (won) return { ok: true, job: claimed };
    }
    return { ok: false, reason: 'LEASED' };
  },

  async complete(ctx: DynamoContext, jobId: string, owner: string, nowInput: string) {
    const job = await getTicketJob(ctx, jobId);
    if (job?.state !== 'sending' || job.leaseOwner !== owner) return;
    await rewrite(
      ctx,
      { ...job, state: 'sent', leaseOwner: null, leaseExpiresAt: null, updatedAt: nowInput },
      '#state = :sending AND leaseOwner = :owner',
      { ':sending': 'sending', ':owner': owner },
    );
  },

  async fail(
    ctx: DynamoContext,
    jobId: string,
    owner: string,
    nowInput: string,
    error: string,
    retryAt: string | null,
  ) {
    const job = await getTicketJob(ctx, jobId);
    if (job?.state !== 'sending' || job.leaseOwner !== owner) return;
    const next: TicketJob = {
      ...job,
      state: retryAt ? 'pending' : 'parked',
      attempts: job.attempts + 1,
      lastError: error.slice(0, 2000),
      nextAttemptAt: retryAt ?? job.nextAttemptAt,
      leaseOwner: null,
      leaseExpiresAt: null,
      updatedAt: nowInput,
    };
    await rewrite(ctx, next, '#state = :sending AND leaseOwner = :owner', {
      ':sending': 'sending',
      ':owner': owner,
    });
  },

  async retry(ctx: DynamoContext, jobId: string, nowInput: string): Promise<boolean> {
    const job = await getTicketJob(ctx, jobId);
    if (job?.state !== 'parked') return false;
    const next: TicketJob = {
      ...job,
      state: 'pending',
      attempts: 0,
      nextAttemptAt: nowInput,
      updatedAt: nowInput,
    };
    return await rewrite(ctx, next, '#state = :parked', { ':parked': 'parked' });
  },
};
