/** The calendar event attached to ticket mails (RFC 5545, built with ical-generator). */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { MailAttachment } from '../ports.js';
import type { TicketView } from '../render/view.js';

/**
 * One event per booking with a stable UID, so the cancellation (METHOD:CANCEL, a higher SEQUENCE) removes the
 * event the ticket mail added (RFC 5546, section 3.2.5).
 */
export function ticketCalendarEvent(view: TicketView, cancelled = false): MailAttachment {
  const calendar = ical({
    prodId: { company: 'Movie Magic', product: 'tickets', language: 'EN' },
    method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
  });
  calendar.createEvent({
    id: `booking-${view.bookingId}@moviemagic`,
    sequence: cancelled ? 1 : 0,
    start: new Date(view.startsAt),
    end: new Date(view.endsAt),
    stamp: new Date(view.startsAt),
    summary: `${view.movieTitle} (${view.format}, ${view.language})`,
    location: `${view.theaterName}, ${view.theaterAddress}`,
    description: `Booking ${view.bookingCode}. ${view.screenName}. Seats: ${view.seats.map((s) => s.seatId).join(', ')}`,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return {
    filename: cancelled ? 'cancelled.ics' : 'movie.ics',
    contentType: `text/calendar; charset=utf-8; method=${cancelled ? 'CANCEL' : 'PUBLISH'}`,
    content: new TextEncoder().encode(calendar.toString()),
  };
}
