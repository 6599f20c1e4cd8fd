/**
 * Pure entry point of the tickets package (`@movie-magic/tickets`): Web-standard APIs only, safe for
 * workerd. Token signing/verification, the ticket view, mail builders, the job message schema, the outbox
 * relay, the worker and the SNS publisher. PDF rendering and the mail transports live in `./node`.
 */

export * from './delivery/admin.js';
export * from './delivery/inline-queue.js';
export * from './delivery/message.js';
export * from './delivery/relay.js';
export * from './delivery/sns.js';
export * from './delivery/worker.js';
export * from './logger.js';
export type { PasswordResetEmailInput } from './mail/password-reset-email.js';
export { passwordResetEmail } from './mail/password-reset-email.js';
export type { BookingMailOptions } from './mail/ticket-email.js';
export { cancellationEmail, ticketEmail } from './mail/ticket-email.js';
export type * from './ports.js';
export { type LoadTicketViewResult, loadTicketView } from './render/load.js';
export type { TicketPriceLine, TicketSeatView, TicketView, TicketViewSource } from './render/view.js';
export { buildTicketView, formatInr } from './render/view.js';
export * from './token.js';
