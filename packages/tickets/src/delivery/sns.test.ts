import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REGION, SNS_URL, snsHandler, TEST_CREDENTIALS, TOPIC_ARN } from '../../test/aws.js';
import { startSmtpServer, type TestSmtpServer } from '../../test/smtp.js';
import { openStoreHarness, type StoreHarness } from '../../test/store-harness.js';
import { workerDeps } from '../../test/worker-deps.js';
import { createTicketLambdaHandler } from '../lambda.js';
import { silentLogger } from '../logger.js';
import { TicketJobMessageSchema } from './message.js';
import { createOutboxRelay } from './relay.js';
import { createSnsPublisher } from './sns.js';

const aws = setupServer();
let smtp: TestSmtpServer;
let harness: StoreHarness;

beforeAll(() => aws.listen({ onUnhandledFrame: 'error' }));
afterAll(() => aws.close());
beforeEach(async () => {
  smtp = await startSmtpServer();
  harness = await openStoreHarness();
});
afterEach(async () => {
  aws.resetHandlers();
  await smtp.stop();
  await harness.close();
});

function snsRelay() {
  const publish = createSnsPublisher({ topicArn: TOPIC_ARN, region: REGION, credentials: TEST_CREDENTIALS });
  return createOutboxRelay({ store: harness.store, clock: harness.clock, publish, logger: silentLogger });
}

describe('the SNS transport', () => {
  it('publishes each due job as the shared v1 message, with kind and version attributes, signed for SNS', async () => {
    const requests: { form: URLSearchParams; headers: Headers }[] = [];
    aws.use(snsHandler(requests));
    const { booking, jobId } = await harness.book();
    expect(await snsRelay().sweep()).toBe(1);

    expect(requests).toHaveLength(1);
    const { form, headers } = requests[0] ?? { form: new URLSearchParams(), headers: new Headers() };
    expect(form.get('Action')).toBe('Publish');
    expect(form.get('Version')).toBe('2010-03-31');
    expect(form.get('TopicArn')).toBe(TOPIC_ARN);
    const message = TicketJobMessageSchema.parse(JSON.parse(form.get('Message') ?? ''));
    expect(message).toEqual({ v: 1, jobId, bookingId: booking.id, kind: 'ticket' });
    expect(Object.keys(JSON.parse(form.get('Message') ?? ''))).toEqual(['v', 'jobId', 'bookingId', 'kind']);
    const attributes = new Map<string, { type: string | null; value: string | null }>();
    for (const n of [1, 2]) {
      attributes.set(form.get(`MessageAttributes.entry.${n}.Name`) ?? '', {
        type: form.get(`MessageAttributes.entry.${n}.Value.DataType`),
        value: form.get(`MessageAttributes.entry.${n}.Value.StringValue`),
      });
    }
    expect(Object.fromEntries(attributes)).toEqual({
      kind: { type: 'String', value: 'ticket' },
      version: { type: 'Number', value: '1' },
    });
    expect(headers.get('content-type')).toContain('application/x-www-form-urlencoded');
    expect(headers.get('authorization')).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDMOVIEMAGICTEST\/\d{8}\/ap-south-1\/sns\/aws4_request/,
    );
    expect(await harness.store.getTicketJob(jobId)).toMatchObject({ state: 'published' });
  });

  it('keeps jobs in the outbox while SNS is unreachable and publishes them on a later sweep', async () => {
    aws.use(http.post(SNS_URL, () => HttpResponse.error()));
    const { jobId } = await harness.book();
    const relay = snsRelay();
    expect(await relay.sweep()).toBe(0);
    expect(await harness.store.getTicketJob(jobId)).toMatchObject({ state: 'pending' });

    const requests: { form: URLSearchParams; headers: Headers }[] = [];
    aws.resetHandlers(snsHandler(requests));
    expect(await relay.sweep()).toBe(1);
    expect(JSON.parse(requests[0]?.form.get('Message') ?? '{}')).toMatchObject({ jobId });
    expect(await harness.store.getTicketJob(jobId)).toMatchObject({ state: 'published' });
  });

  it('sends ONE e-mail when SNS delivers the same event to the Lambda handler twice', async () => {
    const requests: { form: URLSearchParams; headers: Headers }[] = [];
    aws.use(snsHandler(requests));
    const { jobId } = await harness.book();
    await snsRelay().sweep();
    const { deps } = await workerDeps(harness, smtp.url);
    const handler = createTicketLambdaHandler(async () => deps);
    const event = {
      Records: [
        {
          EventSource: 'aws:sns',
          Sns: { MessageId: 'm-1', Message: requests[0]?.form.get('Message') ?? '' },
        },
      ],
    };

    expect(await handler(event)).toMatchObject([{ status: 'sent', jobId }]);
    expect(await handler(event)).toMatchObject([{ status: 'skipped', reason: 'ALREADY_SENT' }]);
    await smtp.waitFor(1);
    expect(smtp.received).toHaveLength(1);
  });

  it('handles SQS batches (raw bodies and SNS envelopes) and reports only the records that failed', async () => {
    const requests: { form: URLSearchParams; headers: Headers }[] = [];
    aws.use(snsHandler(requests));
    const first = await harness.book();
    const second = await harness.book();
    await snsRelay().sweep();
    const bodies = requests.map((r) => r.form.get('Message') ?? '');
    const { deps } = await workerDeps(harness, smtp.url);
    const broken = {
      ...deps,
      store: { ...deps.store, claimTicketJob: async () => Promise.reject(new Error('storage unavailable')) },
    };
    const handler = createTicketLambdaHandler(async () => deps);
    const envelope = JSON.stringify({ Type: 'Notification', TopicArn: TOPIC_ARN, Message: bodies[0] });

    expect(
      await handler({
        Records: [
          { eventSource: 'aws:sqs', messageId: 'q-1', body: envelope },
          { eventSource: 'aws:sqs', messageId: 'q-2', body: bodies[1] ?? '' },
        ],
      }),
    ).toEqual({
      batchItemFailures: [],
    });
    await smtp.waitFor(2);
    expect(await harness.store.getTicketJob(first.jobId)).toMatchObject({ state: 'sent' });
    expect(await harness.store.getTicketJob(second.jobId)).toMatchObject({ state: 'sent' });

    const third = await harness.book();
    const failing = createTicketLambdaHandler(async () => broken);
    const body = JSON.stringify({ v: 1, jobId: third.jobId, bookingId: third.booking.id, kind: 'ticket' });
    expect(await failing({ Records: [{ eventSource: 'aws:sqs', messageId: 'q-3', body }] })).toEqual({
      batchItemFailures: [{ itemIdentifier: 'q-3' }],
    });
    expect(smtp.received).toHaveLength(2);
  });
});
