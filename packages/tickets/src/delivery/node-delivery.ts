/**
 * The Node composition of ticket delivery: the outbox relay feeding either the in-process queue (which calls
 * the worker) or SNS (a Lambda runs the worker). The web app's server starts it once and passes `dispatcher`
 * to the API context.
 */
import type { AppConfig } from '@movie-magic/config';
import type { Clock, Store } from '@movie-magic/db';
import type { TicketLogger } from '../logger.js';
import type { Mailer } from '../ports.js';
import type { TicketSigner } from '../token.js';
import { createInlineQueue, type InlineQueue } from './inline-queue.js';
import { createOutboxRelay, type OutboxRelay } from './relay.js';
import { createSnsPublisher } from './sns.js';
import { handleTicketJob, type TicketPdfRenderer } from './worker.js';

export interface TicketDeliveryDeps {
  config: AppConfig;
  store: Store;
  clock: Clock;
  mailer: Mailer;
  renderer: TicketPdfRenderer;
  signer: TicketSigner;
  logger: TicketLogger;
  workerId?: string;
  intervalMs?: number;
  concurrency?: number;
}

export interface TicketDelivery {
  /** Give this to the API context: `notify()` after a commit that wrote a ticket job. */
  dispatcher: OutboxRelay;
  /** The in-process queue (inline transport only). */
  queue: InlineQueue | null;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createTicketDelivery(deps: TicketDeliveryDeps): TicketDelivery {
  const { config } = deps;
  const workerId = deps.workerId ?? `node-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  let queue: InlineQueue | null = null;
  let publish: (message: Parameters<InlineQueue['publish']>[0]) => Promise<void>;
  if (config.tickets.transport === 'sns') {
    if (!config.tickets.topicArn) throw new Error('TICKETS_TRANSPORT=sns needs TICKETS_TOPIC_ARN');
    publish = createSnsPublisher({
      topicArn: config.tickets.topicArn,
      region: config.aws.region,
      endpoint: config.tickets.snsEndpoint,
      credentials: config.aws.credentials,
    });
  } else {
    const inline = createInlineQueue({
      handle: (message) => handleTicketJob(message, { ...deps, workerId, appOrigin: config.appOrigin }),
      ...(deps.concurrency ? { concurrency: deps.concurrency } : {}),
      logger: deps.logger,
    });
    queue = inline;
    publish = inline.publish;
  }
  const dispatcher = createOutboxRelay({
    store: deps.store,
    clock: deps.clock,
    publish,
    markBeforePublish: queue !== null,
    logger: deps.logger,
    ...(deps.intervalMs ? { intervalMs: deps.intervalMs } : {}),
  });
  return {
    dispatcher,
    queue,
    start: () => dispatcher.start(),
    async stop() {
      await dispatcher.stop();
      await queue?.idle();
    },
  };
}
