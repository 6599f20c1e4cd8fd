import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useNavigation, useSubmit } from '@remix-run/react';
import { useCallback } from 'react';
import { GeneralErrorBoundary } from '../components/error-boundary.js';
import { Field } from '../components/form.js';
import { QrScanner } from '../components/qr-scanner.js';
import { attempt } from '../lib/api.server.js';
import { requireUser } from '../lib/auth.server.js';
import { formatDateTime, formatTime } from '../lib/format.js';

export const meta: MetaFunction = () => [{ title: 'Check-in · Movie Magic staff' }];

async function requireStaff(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const session = await requireUser(args);
  // Customers see the same 404 as for a page that does not exist.
  if (session.user.role !== 'staff' && session.user.role !== 'admin')
    throw new Response('Not found', { status: 404 });
  return session;
}

export async function loader(args: LoaderFunctionArgs) {
  const { headers } = await requireStaff(args);
  return data(null, { headers });
}

export async function action(args: ActionFunctionArgs) {
  const { caller, headers } = await requireStaff(args);
  const form = await args.request.formData();
  const value = String(form.get('ticket') ?? '').trim();
  // A QR token is long and dotted; a booking code is a few letters and digits.
  const input = value.length > 20 || value.includes('.') ? { token: value } : { code: value };
  const result = await attempt(() => caller.checkin.scan(input));
  if (!result.ok) {
    return data(
      {
        scan: null,
        error:
          result.failure.code === 'BAD_REQUEST'
            ? 'That is not a booking code or ticket.'
            : result.failure.message,
      },
      { headers },
    );
  }
  return data({ scan: result.value, error: null }, { headers });
}

const LOOK = {
  ok: { title: 'ADMIT', tone: 'border-ok bg-ok/15 text-ok', mark: '✓' },
  already_checked_in: {
    title: 'ALREADY CHECKED IN',
    tone: 'border-gold bg-gold/15 text-gold-strong',
    mark: '!',
  },
  cancelled: { title: 'CANCELLED: DO NOT ADMIT', tone: 'border-rose bg-rose/15 text-rose', mark: '×' },
  invalid: { title: 'INVALID TICKET', tone: 'border-rose bg-rose/15 text-rose', mark: '×' },
} as const;

export default function CheckIn() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const onToken = useCallback((token: string) => submit({ ticket: token }, { method: 'post' }), [submit]);
  const scan = actionData?.scan;
  const look = scan ? LOOK[scan.result] : null;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-3xl font-extrabold">Check-in</h1>
      {scan && look ? (
        <section
          role="status"
          aria-live="assertive"
          className={`rounded-3xl border-4 p-6 text-center ${look.tone}`}
        >
          <p aria-hidden="true" className="text-7xl font-black">
            {look.mark}
          </p>
          <h2 className="mt-2 text-4xl font-black tracking-wide">{look.title}</h2>
          {scan.booking ? (
            <div className="mt-4 space-y-1 text-lg text-ink">
              <p className="font-mono text-2xl">{scan.booking.code}</p>
              <p>
                {scan.booking.showtime.movieTitle} ·{' '}
                {formatDateTime(scan.booking.showtime.startsAt, scan.booking.showtime.timeZone)}
              </p>
              <p>
                {scan.booking.showtime.screenName} · seats {scan.booking.seats.map((s) => s.label).join(', ')}
              </p>
              {scan.result === 'already_checked_in' && scan.checkedInAt ? (
                <p className="font-semibold">
                  First checked in at {formatTime(scan.checkedInAt, scan.booking.showtime.timeZone)}
                </p>
              ) : null}
            </div>
          ) : null}
        </section>
      ) : null}
      {actionData?.error ? (
        <p role="alert" className="card border-rose">
          {actionData.error}
        </p>
      ) : null}
      <section className="card space-y-4">
        <QrScanner onToken={onToken} />
        <Form method="post" className="space-y-4">
          <Field label="Booking code or ticket token" name="ticket" required autoComplete="off" autoFocus />
          <button type="submit" className="btn-primary" disabled={navigation.state === 'submitting'}>
            Check in
          </button>
        </Form>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
