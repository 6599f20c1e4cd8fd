/** The e-mails of a booking: tickets (with the PDF and a calendar event) and the cancellation notice. */
import type { MailMessage } from '../ports.js';
import type { TicketView } from '../render/view.js';
import { emailFrame, escapeHtml } from './html.js';
import { ticketCalendarEvent } from './ics.js';

/** Who receives a booking mail: the view's recipient unless given explicitly. */
export interface BookingMailOptions {
  to?: string;
  /** Public origin of the web app, for the "your bookings" link. */
  appOrigin?: string;
  idempotencyKey?: string;
}

function recipientOf(view: TicketView, options: BookingMailOptions): string {
  const to = options.to ?? view.recipient?.email;
  if (!to) throw new Error(`booking ${view.bookingId} has no recipient address`);
  return to;
}

function detailsText(view: TicketView): string[] {
  return [
    `${view.movieTitle} (${view.certificate}) · ${view.language} · ${view.format}`,
    `${view.theaterName}, ${view.screenName}`,
    view.theaterAddress,
    `${view.dateLabel}, ${view.timeLabel}`,
    `Seats: ${view.seatLines.join('; ')}`,
    `Booking code: ${view.bookingCode}`,
  ];
}

function detailsHtml(view: TicketView): string {
  const row = (label: string, value: string) =>
    `<tr><td style="color:#4b5563;padding:4px 12px 4px 0">${escapeHtml(label)}</td>` +
    `<td style="font-weight:700;padding:4px 0">${escapeHtml(value)}</td></tr>`;
  return [
    `<h1 style="font-size:22px;margin:0 0 4px">${escapeHtml(view.movieTitle)}</h1>`,
    `<p style="margin:0 0 16px;color:#4b5563">${escapeHtml(`${view.certificate} · ${view.language} · ${view.format}`)}</p>`,
    '<table style="border-collapse:collapse;font-size:14px">',
    row('Theatre', `${view.theaterName}, ${view.screenName}`),
    row('Address', view.theaterAddress),
    row('When', `${view.dateLabel}, ${view.timeLabel}`),
    row('Seats', view.seatLines.join('; ')),
    row('Booking code', view.bookingCode),
    '</table>',
  ].join('');
}

/** The ticket mail: PDF attached as `MovieMagic-<code>.pdf`, plus an .ics event. */
export function ticketEmail(
  view: TicketView,
  pdf: Uint8Array,
  options: BookingMailOptions = {},
): MailMessage {
  const subject = `Your tickets: ${view.movieTitle}, ${view.theaterName}, ${view.shortWhen}`;
  const priceText = [
    ...view.prices.map((line) => `${line.label}: ${line.amount}`),
    `Total paid: ${view.total}`,
  ];
  const bookingsLink = options.appOrigin ? `${options.appOrigin}/bookings` : null;
  const text = [
    `Hi ${view.recipient?.name ?? 'there'},`,
    '',
    'Your tickets are attached. Show the QR code on the PDF at the entrance.',
    '',
    ...detailsText(view),
    '',
    ...priceText,
    ...(bookingsLink ? ['', `Your bookings: ${bookingsLink}`] : []),
  ].join('\n');
  const priceRows = view.prices
    .map(
      (line) =>
        `<tr><td style="padding:2px 12px 2px 0">${escapeHtml(line.label)}</td><td>${escapeHtml(line.amount)}</td></tr>`,
    )
    .join('');
  const html = emailFrame(
    subject,
    [
      `<p>Hi ${escapeHtml(view.recipient?.name ?? 'there')}, your tickets are attached. Show the QR code on the PDF at the entrance.</p>`,
      detailsHtml(view),
      `<table style="border-collapse:collapse;font-size:13px;margin-top:16px;color:#4b5563">${priceRows}`,
      `<tr><td style="padding:4px 12px 0 0;font-weight:700;color:#111827">Total paid</td><td style="font-weight:700;color:#111827">${escapeHtml(view.total)}</td></tr></table>`,
      bookingsLink ? `<p><a href="${escapeHtml(bookingsLink)}">See your bookings</a></p>` : '',
    ].join(''),
  );
  return {
    to: recipientOf(view, options),
    subject,
    text,
    html,
    attachments: [
      { filename: `MovieMagic-${view.bookingCode}.pdf`, contentType: 'application/pdf', content: pdf },
      ticketCalendarEvent(view),
    ],
    ...(options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {}),
  };
}

/** The cancellation notice: no PDF (the old QR now scans as cancelled), and a calendar cancel. */
export function cancellationEmail(view: TicketView, options: BookingMailOptions = {}): MailMessage {
  const subject = `Booking cancelled: ${view.movieTitle}, ${view.theaterName}, ${view.shortWhen}`;
  const refund = `A refund of ${view.total} goes back to your card.`;
  const text = [
    `Hi ${view.recipient?.name ?? 'there'},`,
    '',
    `Your booking ${view.bookingCode} is cancelled. ${refund}`,
    '',
    ...detailsText(view),
  ].join('\n');
  const html = emailFrame(
    subject,
    `<p>Your booking <strong>${escapeHtml(view.bookingCode)}</strong> is cancelled. ${escapeHtml(refund)}</p>${detailsHtml(view)}`,
  );
  return {
    to: recipientOf(view, options),
    subject,
    text,
    html,
    attachments: [ticketCalendarEvent(view, true)],
    ...(options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {}),
  };
}
