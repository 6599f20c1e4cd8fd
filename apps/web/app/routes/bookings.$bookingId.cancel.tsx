/** Cancelling is a two-step, JS-free flow: this page asks, its form (POST) cancels. */
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { BookingCard } from '../components/booking-card.js';
import { GeneralErrorBoundary } from '../components/error-boundary.js';
import { FormAlert } from '../components/form.js';
import { attempt, notFoundUnless } from '../lib/api.server.js';
import { requireUser } from '../lib/auth.server.js';
import { formatDateTime } from '../lib/format.js';

export const meta: MetaFunction = () => [{ title: 'Cancel booking · Movie Magic' }];

export async function loader(args: LoaderFunctionArgs) {
  const { caller, headers } = await requireUser(args);
  const result = await attempt(() => caller.booking.get({ bookingId: args.params.bookingId ?? '' }));
  if (!result.ok) notFoundUnless(result.failure, 'Booking');
  return data({ booking: result.value.booking }, { headers });
}

export async function action(args: ActionFunctionArgs) {
  const { caller, headers } = await requireUser(args);
  const result = await attempt(() => caller.booking.cancel({ bookingId: args.params.bookingId ?? '' }));
  if (!result.ok) {
    if (result.failure.code === 'NOT_FOUND') notFoundUnless(result.failure, 'Booking');
    return data({ error: result.failure.message }, { status: 409, headers });
  }
  return redirect(`/bookings?cancelled=${encodeURIComponent(result.value.booking.code)}`, { headers });
}

export default function CancelBooking() {
  const { booking } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-3xl font-extrabold">Cancel this booking?</h1>
      <BookingCard booking={booking} />
      <FormAlert>{actionData?.error}</FormAlert>
      {booking.status === 'cancelled' ? (
        <p className="card">This booking is already cancelled.</p>
      ) : booking.cancellable ? (
        <>
          <p className="text-muted">
            The seats will be released and your ticket will stop working. Cancelling is possible until{' '}
            {formatDateTime(booking.cancellableUntil, booking.showtime.timeZone)}.
          </p>
          <div className="flex flex-wrap gap-3">
            <Form method="post">
              <button type="submit" className="btn-danger" disabled={navigation.state === 'submitting'}>
                Yes, cancel booking {booking.code}
              </button>
            </Form>
            <Link to="/bookings" className="btn-ghost">
              No, keep it
            </Link>
          </div>
        </>
      ) : (
        <p className="card">
          This booking can no longer be cancelled: the cut-off was{' '}
          {formatDateTime(booking.cancellableUntil, booking.showtime.timeZone)}.
        </p>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
