/**
 * Builds the ports for the Node target from configuration: the store (migrated, seeded on first start), the
 * clock and ids, the mailer, and ticket delivery (the outbox relay and its in-process worker or SNS).
 */
import type { ApiDeps, Logger } from '@movie-magic/api';
import type { AppConfig } from '@movie-magic/config';
import { randomIds, systemClock } from '@movie-magic/db';
import { openStore } from '@movie-magic/db/open';
import { renderPosterSvg, seedStore } from '@movie-magic/db/seed';
import {
  createMailer,
  createThreadedPdfRenderer,
  createTicketDelivery,
  devMailDir,
  jsonConsoleLogger,
  listDevMail,
  loadOrCreateSigningKeys,
  readDevMail,
} from '@movie-magic/tickets/node';
import type { DevMailbox, WebServices } from '../app/context.js';
import { ticketPdfRenderer } from './tickets.js';

const consoleLogger: Logger = {
  info: (message, fields) => console.log(JSON.stringify({ level: 'info', message, ...fields })),
  warn: (message, fields) => console.warn(JSON.stringify({ level: 'warn', message, ...fields })),
  error: (message, fields) => console.error(JSON.stringify({ level: 'error', message, ...fields })),
};

function devMailbox(dir: string): DevMailbox {
  return {
    list: () => listDevMail(dir),
    async get(id) {
      const mail = await readDevMail(dir, id);
      if (!mail) return null;
      return {
        id: mail.id,
        to: mail.to,
        subject: mail.subject,
        date: mail.date,
        text: mail.text,
        html: mail.html,
        attachments: mail.attachments.map((a, index) => ({
          index,
          filename: a.filename,
          contentType: a.contentType,
          size: a.size,
        })),
      };
    },
    async attachment(id, index) {
      const mail = await readDevMail(dir, id);
      const attachment = mail?.attachments[index];
      return attachment
        ? { filename: attachment.filename, contentType: attachment.contentType, content: attachment.content }
        : null;
    },
  };
}

export interface NodeRuntime {
  deps: ApiDeps;
  services: WebServices;
  stop(): Promise<void>;
}

export async function buildDeps(config: AppConfig): Promise<NodeRuntime> {
  const store = await openStore(config);
  await store.migrate();
  if (await store.isEmpty()) {
    console.log('Empty store: seeding the demo catalog');
    await seedStore(store, { now: systemClock.now() });
  }
  const mailer = createMailer(config);
  const keys = await loadOrCreateSigningKeys(config);
  // PDFs render on a worker thread: on the main thread each ticket would stall every request behind it.
  const renderer = createThreadedPdfRenderer();
  const delivery = createTicketDelivery({
    config,
    store,
    clock: systemClock,
    mailer,
    renderer,
    signer: keys.signer,
    logger: config.logLevel === 'silent' ? { info() {}, warn() {}, error() {} } : jsonConsoleLogger,
  });
  await delivery.start();

  const deps: ApiDeps = {
    store,
    clock: systemClock,
    ids: randomIds,
    dispatcher: delivery.dispatcher,
    mailer,
    config,
    logger: consoleLogger,
    // Check-in verifies QR tokens against the same keys the tickets are signed with (a local dev key too).
    ticketKeys: keys.publicKeys,
  };
  const services: WebServices = {
    renderTicketPdf: ticketPdfRenderer(store, keys.signer, renderer),
    // The dev mailbox page follows the transport, not NODE_ENV: `pnpm start` runs in production mode on the
    // embedded default, and issue 5 wants its mail visible at /dev/mail there. Any other transport: 404.
    devMailbox: config.mail.transport === 'dev' ? devMailbox(devMailDir(config)) : null,
    posterSvg: (movieId) => renderPosterSvg(movieId),
  };
  return {
    deps,
    services,
    async stop() {
      await delivery.stop();
      await renderer.close();
      await store.close();
    },
  };
}
