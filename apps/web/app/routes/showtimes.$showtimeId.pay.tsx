import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { HoldCountdown } from '../components/countdown.js';
import { GeneralErrorBoundary } from '../components/error-boundary.js';
import { Field, FormAlert } from '../components/form.js';
import { PriceBreakdown } from '../components/price-breakdown.js';
import { ShowtimeHeading } from '../components/showtime-heading.js';
import { attempt } from '../lib/api.server.js';
import { requireUser } from '../lib/auth.server.js';
import { requireHold } from '../lib/hold.server.js';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Payment · ${data.showtime.movieTitle} · Movie Magic` : 'Movie Magic' },
];

export async function loader(args: LoaderFunctionArgs) {
  const { showtime, hold, seats, amounts, gstPercent, headers } = await requireHold(args);
  // One key per rendered form = per payment attempt: a double submit of the same form books once, and a
  // retry after a decline (which re-renders the form) is a new attempt.
  const idempotencyKey = `pay_${crypto.randomUUID()}`;
  return data({ showtime, hold, seatCount: seats.length, amounts, gstPercent, idempotencyKey }, { headers });
}

export async function action(args: ActionFunctionArgs) {
  const { caller, headers } = await requireUser(args);
  const form = await args.request.formData();
  const showtimeId = encodeURIComponent(args.params.showtimeId ?? '');
  const result = await attempt(() =>
    caller.booking.confirm({
      holdId: String(form.get('holdId') ?? ''),
      idempotencyKey: String(form.get('idempotencyKey') ?? ''),
      payment: {
        method: 'test-card',
        cardNumber: String(form.get('cardNumber') ?? '').replace(/[\s-]/g, ''),
      },
    }),
  );
  if (result.ok) return redirect(`/bookings/${result.value.booking.id}/confirmation`, { headers });
  const { failure } = result;
  if (failure.domainCode === 'HOLD_EXPIRED' || failure.domainCode === 'HOLD_NOT_FOUND') {
    return redirect(`/showtimes/${showtimeId}?reason=expired`, { headers });
  }
  if (failure.domainCode === 'PAYMENT_DECLINED') {
    return data(
      {
        error: `Your card was declined by the test gateway, so nothing was charged. Your seats are still held until the timer runs out: try another card.`,
      },
      { status: 402, headers },
    );
  }
  if (failure.domainCode === 'INVALID_CARD' || failure.code === 'BAD_REQUEST') {
    return data(
      { error: 'That card number is not valid. Use one of the test numbers above.' },
      { status: 400, headers },
    );
  }
  return data({ error: failure.message }, { status: 400, headers });
}

export default function Pay() {
  const { showtime, hold, seatCount, amounts, gstPercent, idempotencyKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <ShowtimeHeading showtime={showtime} step="Payment" />
      <HoldCountdown remainingMs={hold.remainingMs} showtimeId={showtime.id} />
      <div className="grid gap-6 md:grid-cols-[1fr_280px]">
        <section aria-labelledby="card-heading" className="card space-y-4">
          <h2 id="card-heading" className="text-lg font-bold">
            Pay by card
          </h2>
          <div className="rounded-lg border border-gold/60 bg-panel-2 p-3 text-sm">
            <p className="font-semibold text-gold-strong">
              This is a TEST payment gateway. No real money moves.
            </p>
            <p className="mt-1">
              Card <span className="font-mono">4242 4242 4242 4242</span> is approved; card{' '}
              <span className="font-mono">4000 0000 0000 0002</span> is declined.
            </p>
          </div>
          <FormAlert>{actionData?.error}</FormAlert>
          <Form method="post" className="space-y-4">
            <input type="hidden" name="holdId" value={hold.holdId} />
            <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
            <Field
              label="Card number"
              name="cardNumber"
              inputMode="numeric"
              autoComplete="cc-number"
              required
              placeholder="4242 4242 4242 4242"
              pattern="[0-9 \-]{12,23}"
            />
            <button type="submit" className="btn-primary w-full" disabled={navigation.state === 'submitting'}>
              {navigation.state === 'submitting' ? 'Paying…' : `Pay now`}
            </button>
          </Form>
        </section>
        <aside aria-labelledby="total-heading" className="card h-max space-y-3">
          <h2 id="total-heading" className="text-lg font-bold">
            To pay
          </h2>
          <PriceBreakdown amounts={amounts} seatCount={seatCount} gstPercent={gstPercent} />
        </aside>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
