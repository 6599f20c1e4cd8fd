/**
 * Node entry point (`@movie-magic/tickets/node`): everything that needs Node (pdfkit, the file system,
 * SMTP sockets). Re-exports the pure entry so a Node composition root imports from one place.
 */

export type { TicketDelivery, TicketDeliveryDeps } from './delivery/node-delivery.js';
export { createTicketDelivery } from './delivery/node-delivery.js';
export * from './index.js';
export type { TicketKeys } from './keys.js';
export { loadOrCreateSigningKeys } from './keys.js';
export type { DevMail, DevMailSummary } from './mail/dev-mailbox.js';
export { createDevMailer, listDevMail, readDevMail } from './mail/dev-mailbox.js';
export { composeMime, IDEMPOTENCY_HEADER } from './mail/mime.js';
export type { SesMailerOptions } from './mail/transports.js';
export { createSesMailer, createSmtpMailer } from './mail/transports.js';
export { createMailer, devMailDir } from './mailer.js';
export { pdfTicketRenderer, renderTicketPdf } from './render/pdf.js';
export { createThreadedPdfRenderer, type ThreadedPdfRenderer } from './render/threaded.js';
