import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { HoldCountdown } from '../components/countdown.js';
import { GeneralErrorBoundary } from '../components/error-boundary.js';
import { PriceBreakdown } from '../components/price-breakdown.js';
import { ShowtimeHeading } from '../components/showtime-heading.js';
import { attempt } from '../lib/api.server.js';
import { requireUser } from '../lib/auth.server.js';
import { formatDateTime, formatMoney } from '../lib/format.js';
import { requireHold } from '../lib/hold.server.js';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Review your booking · ${data.showtime.movieTitle} · Movie Magic` : 'Movie Magic' },
];

export async function loader(args: LoaderFunctionArgs) {
  const { showtime, hold, seats, amounts, gstPercent, headers } = await requireHold(args);
  return data({ showtime, hold, seats, amounts, gstPercent }, { headers });
}

/** "Change seats": release the hold and go back to the map. */
export async function action(args: ActionFunctionArgs) {
  const { caller, headers } = await requireUser(args);
  const form = await args.request.formData();
  await attempt(() => caller.booking.release({ holdId: String(form.get('holdId') ?? '') }));
  return redirect(`/showtimes/${encodeURIComponent(args.params.showtimeId ?? '')}`, { headers });
}

export default function Review() {
  const { showtime, hold, seats, amounts, gstPercent } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <ShowtimeHeading showtime={showtime} step="Review your booking" />
      <HoldCountdown remainingMs={hold.remainingMs} showtimeId={showtime.id} />
      <section aria-labelledby="summary-heading" className="card space-y-4">
        <h2 id="summary-heading" className="text-lg font-bold">
          Summary
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-muted">Movie</dt>
          <dd>
            {showtime.movieTitle} ({showtime.certificate}) · {showtime.language} {showtime.format}
          </dd>
          <dt className="text-muted">Theater</dt>
          <dd>
            {showtime.theaterName}, {showtime.theaterAddress}
          </dd>
          <dt className="text-muted">Screen</dt>
          <dd>{showtime.screenName}</dd>
          <dt className="text-muted">When</dt>
          <dd>{formatDateTime(showtime.startsAt, showtime.timeZone)}</dd>
        </dl>
        <h3 className="font-semibold">Seats</h3>
        <ul className="divide-y divide-line rounded-lg border border-line text-sm">
          {seats.map((s) => (
            <li key={s.id} className="flex justify-between px-3 py-2">
              <span>
                {s.label} · {s.category}
              </span>
              <span>{formatMoney(s.price)}</span>
            </li>
          ))}
        </ul>
        <PriceBreakdown amounts={amounts} seatCount={seats.length} gstPercent={gstPercent} />
      </section>
      <div className="flex flex-wrap gap-3">
        <Link to={`/showtimes/${showtime.id}/pay`} className="btn-primary">
          Continue to payment
        </Link>
        <Form method="post">
          <input type="hidden" name="holdId" value={hold.holdId} />
          <button type="submit" className="btn-ghost">
            Change seats
          </button>
        </Form>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
