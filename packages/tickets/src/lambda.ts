/**
 * AWS Lambda entry (`@movie-magic/tickets/lambda`): the ticket worker behind SNS, directly or through SQS.
 *
 * - SNS event: each record's `Sns.Message` is the job message. A thrown error makes Lambda retry the async
 *   invocation; ordinary send failures do not throw (the worker records them in the outbox with backoff and
 *   the relay re-publishes), only Store failures do.
 * - SQS event: each body is the job message, or the SNS envelope when raw message delivery is off. Failed
 *   records are returned in `batchItemFailures` so only they return to the queue
 *   (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html; needs
 *   ReportBatchItemFailures on the event source mapping).
 *
 * Dependencies are built once per container from `loadConfig()` (DynamoDB, the configured mailer, the
 * signing key) and reused by warm invocations.
 */
import { loadConfig } from '@movie-magic/config';
import { randomIds, systemClock } from '@movie-magic/db';
import { createDynamoStore } from '@movie-magic/db/dynamo';
import { handleTicketJob, type TicketJobOutcome, type TicketWorkerDeps } from './delivery/worker.js';
import { loadOrCreateSigningKeys } from './keys.js';
import { jsonConsoleLogger } from './logger.js';
import { createMailer } from './mailer.js';
import { pdfTicketRenderer } from './render/pdf.js';

export interface SnsEvent {
  Records: { EventSource?: string; Sns: { MessageId?: string; Message: string } }[];
}
export interface SqsEvent {
  Records: { eventSource?: string; messageId: string; body: string }[];
}
export interface SqsBatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

/** The job message inside an SQS body: the body itself, or the `Message` of an SNS notification envelope. */
function sqsPayload(body: string): unknown {
  try {
    const parsed = JSON.parse(body) as { Type?: string; Message?: unknown };
    return parsed?.Type === 'Notification' && typeof parsed.Message === 'string' ? parsed.Message : parsed;
  } catch {
    return body;
  }
}

function isSqsEvent(event: SnsEvent | SqsEvent): event is SqsEvent {
  return event.Records.length > 0 && 'body' in (event.Records[0] as object);
}

/** A handler over injected deps (tests build it with a local store, SMTP and clock). */
export function createTicketLambdaHandler(getDeps: () => Promise<TicketWorkerDeps>) {
  async function handle(event: SnsEvent): Promise<TicketJobOutcome[]>;
  async function handle(event: SqsEvent): Promise<SqsBatchResponse>;
  async function handle(event: SnsEvent | SqsEvent): Promise<TicketJobOutcome[] | SqsBatchResponse> {
    const deps = await getDeps();
    if (isSqsEvent(event)) {
      const batchItemFailures: SqsBatchResponse['batchItemFailures'] = [];
      for (const record of event.Records) {
        try {
          // Scheduled retries and jobs leased by another worker live in the outbox: the relay re-publishes
          // them when due, so the queue need not redeliver them.
          await handleTicketJob(sqsPayload(record.body), deps);
        } catch (error) {
          deps.logger.error('ticket job record failed', {
            messageId: record.messageId,
            error: String(error),
          });
          batchItemFailures.push({ itemIdentifier: record.messageId });
        }
      }
      return { batchItemFailures };
    }
    const outcomes: TicketJobOutcome[] = [];
    for (const record of event.Records) outcomes.push(await handleTicketJob(record.Sns.Message, deps));
    return outcomes;
  }
  return handle;
}

let containerDeps: Promise<TicketWorkerDeps> | undefined;

async function depsFromConfig(): Promise<TicketWorkerDeps> {
  const config = loadConfig();
  const keys = await loadOrCreateSigningKeys(config);
  return {
    store: createDynamoStore({
      table: config.dynamo.table,
      region: config.dynamo.region,
      ...(config.dynamo.endpoint ? { endpoint: config.dynamo.endpoint } : {}),
      ...(config.dynamo.credentials ? { credentials: config.dynamo.credentials } : {}),
    }),
    clock: systemClock,
    mailer: createMailer(config),
    renderer: pdfTicketRenderer,
    signer: keys.signer,
    logger: jsonConsoleLogger,
    workerId: randomIds.id('lambda'),
    appOrigin: config.appOrigin,
  };
}

/** The Lambda handler (SNS or SQS trigger). */
export const handler = createTicketLambdaHandler(() => {
  containerDeps ??= depsFromConfig().catch((error) => {
    containerDeps = undefined;
    throw error;
  });
  return containerDeps;
});
