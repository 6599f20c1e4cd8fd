/**
 * The edge composition root: builds the API's ports from the worker's configuration, once per isolate.
 * Store: DynamoDB. Ticket jobs: written to the outbox by the booking transaction, then published to SNS
 * right after the response (`ctx.waitUntil`) and by the Cron Trigger's sweep for anything missed; the ticket
 * Lambda renders and mails them. Mail from the worker itself (password reset): SES v2.
 */
import type { ApiDeps, Logger } from '@movie-magic/api';
import type { AppConfig } from '@movie-magic/config';
import { randomIds, systemClock } from '@movie-magic/db';
import { createDynamoStore } from '@movie-magic/db/dynamo';
import { renderPosterSvg } from '@movie-magic/db/seed';
import {
  createOutboxRelay,
  createSnsPublisher,
  createTicketSigner,
  generateTicketKeys,
  jsonConsoleLogger,
  type Mailer,
  type OutboxRelay,
  type TicketDispatcher,
  type TicketSigner,
} from '@movie-magic/tickets';
import type { WebServices } from '../app/context.js';
import { keepAlive } from './request-scope.js';
import { createEdgeSesMailer, createLogMailer } from './ses-mailer.js';
import { edgeTicketPdfRenderer } from './tickets.js';

/** What the worker needs per isolate: the API's ports, the web app's services and the outbox relay. */
export interface EdgeRuntime {
  deps: ApiDeps;
  services: WebServices;
  /** Null when TICKETS_TRANSPORT=inline: jobs then wait in the outbox for a Node relay on the same table. */
  relay: OutboxRelay | null;
}

function createMailer(config: AppConfig): Mailer {
  const { credentials } = config.aws;
  if (config.mail.transport !== 'ses') return createLogMailer();
  // parseEdgeConfig already refused a configuration without keys; this keeps the type honest.
  if (!credentials) throw new Error('MAIL_TRANSPORT=ses on the edge needs AWS credentials');
  return createEdgeSesMailer({
    region: config.aws.region,
    from: config.mail.from,
    endpoint: config.mail.sesEndpoint,
    credentials,
  });
}

function createRelay(
  config: AppConfig,
  deps: Pick<ApiDeps, 'store' | 'clock'>,
  logger: Logger,
): OutboxRelay | null {
  if (config.tickets.transport !== 'sns' || !config.tickets.topicArn) return null;
  const publish = createSnsPublisher({
    topicArn: config.tickets.topicArn,
    region: config.aws.region,
    endpoint: config.tickets.snsEndpoint,
    credentials: config.aws.credentials,
  });
  return createOutboxRelay({ store: deps.store, clock: deps.clock, publish, logger });
}

/**
 * `notify` runs after the commit that wrote a job: the publish happens after the response is sent, kept
 * alive by the request's `waitUntil`. A failed or cut-off publish only delays the job: the scheduled
 * sweep (wrangler.jsonc `triggers.crons`) finds it still due.
 */
function edgeDispatcher(relay: OutboxRelay | null): TicketDispatcher {
  return {
    notify() {
      if (relay) keepAlive(relay.sweep());
    },
  };
}

/**
 * Signs the QR token of downloaded tickets. Production requires TICKET_SIGNING_KEY (parseConfig enforces
 * it); in development without one, an isolate-local key is made on first use, whose QR codes the check-in
 * desk cannot verify (a Worker has no file to keep a key in, unlike the Node server's ticket-keys.json).
 */
function ticketSigner(config: AppConfig, logger: Logger): TicketSigner {
  const { signingKey, signingKeyId } = config.tickets;
  if (signingKey) return createTicketSigner({ keyId: signingKeyId, privateKey: signingKey });
  logger.warn(
    'TICKET_SIGNING_KEY is not set: tickets downloaded from this worker carry an unverifiable QR code',
  );
  let signer: Promise<TicketSigner> | undefined;
  return {
    keyId: 'ephemeral',
    async sign(payload) {
      signer ??= generateTicketKeys().then(({ privateKey }) =>
        createTicketSigner({ keyId: 'ephemeral', privateKey }),
      );
      return (await signer).sign(payload);
    },
  };
}

/** Ports a test composition root may replace (edge/testing/worker.ts: the suite's clock and mailbox). */
export type EdgeOverrides = Partial<Pick<ApiDeps, 'clock' | 'mailer'>>;

/** Builds the runtime from a configuration that `parseEdgeConfig` accepted. */
export function buildEdgeRuntime(config: AppConfig, overrides: EdgeOverrides = {}): EdgeRuntime {
  const logger = jsonConsoleLogger;
  const store = createDynamoStore({
    table: config.dynamo.table,
    region: config.dynamo.region,
    ...(config.dynamo.endpoint ? { endpoint: config.dynamo.endpoint } : {}),
    ...(config.dynamo.credentials ? { credentials: config.dynamo.credentials } : {}),
  });
  const clock = overrides.clock ?? systemClock;
  const relay = createRelay(config, { store, clock }, logger);
  if (!relay) {
    logger.warn(
      'TICKETS_TRANSPORT is not sns: ticket jobs stay in the outbox until a Node relay publishes them',
    );
  }
  const deps: ApiDeps = {
    store,
    clock,
    ids: randomIds,
    dispatcher: edgeDispatcher(relay),
    mailer: overrides.mailer ?? createMailer(config),
    config,
    logger,
    waitUntil: keepAlive,
  };
  const services: WebServices = {
    renderTicketPdf: edgeTicketPdfRenderer(store, ticketSigner(config, logger)),
    devMailbox: null,
    posterSvg: renderPosterSvg,
  };
  return { deps, services, relay };
}
