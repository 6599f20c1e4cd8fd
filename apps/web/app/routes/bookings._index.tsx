import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { BookingCard, CancelLink, TicketLink } from '../components/booking-card.js';
import { GeneralErrorBoundary } from '../components/error-boundary.js';
import { FormAlert } from '../components/form.js';
import { requireUser } from '../lib/auth.server.js';

export const meta: MetaFunction = () => [{ title: 'My bookings · Movie Magic' }];

export async function loader(args: LoaderFunctionArgs) {
  const { caller, headers } = await requireUser(args);
  const { upcoming, past } = await caller.booking.list();
  return data({ upcoming, past }, { headers });
}

export default function MyBookings() {
  const { upcoming, past } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const cancelled = params.get('cancelled');
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <h1 className="text-3xl font-extrabold">My bookings</h1>
      {cancelled ? (
        <FormAlert tone="ok">
          Booking {cancelled} was cancelled. A confirmation e-mail is on its way.
        </FormAlert>
      ) : null}
      <section aria-labelledby="upcoming-heading" className="space-y-4">
        <h2 id="upcoming-heading" className="text-xl font-bold">
          Upcoming
        </h2>
        {upcoming.length === 0 ? (
          <p className="card text-muted">
            No upcoming shows.{' '}
            <Link to="/" className="text-gold underline">
              Find a movie
            </Link>
          </p>
        ) : (
          upcoming.map((b) => (
            <BookingCard
              key={b.id}
              booking={b}
              actions={
                <>
                  <TicketLink booking={b} />
                  {b.cancellable ? <CancelLink booking={b} /> : null}
                </>
              }
            />
          ))
        )}
      </section>
      <section aria-labelledby="past-heading" className="space-y-4">
        <h2 id="past-heading" className="text-xl font-bold">
          Past and cancelled
        </h2>
        {past.length === 0 ? (
          <p className="card text-muted">Nothing here yet.</p>
        ) : (
          past.map((b) => (
            <BookingCard
              key={b.id}
              booking={b}
              actions={b.status === 'confirmed' ? <TicketLink booking={b} /> : null}
            />
          ))
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
