import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { BookingCard, TicketLink } from '../components/booking-card.js';
import { GeneralErrorBoundary } from '../components/error-boundary.js';
import { PriceBreakdown } from '../components/price-breakdown.js';
import { attempt, notFoundUnless } from '../lib/api.server.js';
import { requireUser } from '../lib/auth.server.js';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Booked: ${data.booking.code} · Movie Magic` : 'Movie Magic' },
];

export async function loader(args: LoaderFunctionArgs) {
  const { user, caller, headers } = await requireUser(args);
  const result = await attempt(() => caller.booking.get({ bookingId: args.params.bookingId ?? '' }));
  if (!result.ok) notFoundUnless(result.failure, 'Booking');
  return data({ booking: result.value.booking, email: user.email }, { headers });
}

export default function Confirmation() {
  const { booking, email } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <section className="rounded-3xl border border-ok/60 bg-panel p-6 text-center sm:p-10">
        <p className="text-sm uppercase tracking-widest text-ok">Booking confirmed</p>
        <h1 className="mt-2 text-3xl font-extrabold">Enjoy the show!</h1>
        <p className="mt-4 text-muted">Your booking code</p>
        <p className="font-mono text-4xl font-extrabold tracking-widest text-gold-strong">{booking.code}</p>
        <p className="mt-4">
          Your ticket is on its way to <strong className="break-all">{email}</strong>.
        </p>
      </section>
      <BookingCard booking={booking} actions={<TicketLink booking={booking} />} />
      <section className="card">
        <h2 className="mb-3 text-lg font-bold">Payment</h2>
        <PriceBreakdown amounts={booking.amounts} seatCount={booking.seats.length} />
        <p className="mt-3 text-xs text-muted">Paid with test card ending {booking.payment.last4}.</p>
      </section>
      <p className="flex flex-wrap gap-3">
        <Link to="/bookings" className="btn-ghost">
          My bookings
        </Link>
        <Link to="/" className="btn-ghost">
          Book another movie
        </Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
