import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '../components/error-boundary.js';
import { requireDevMailbox } from '../lib/dev-mail.server.js';

export const meta: MetaFunction = () => [{ title: 'Dev mailbox · Movie Magic' }];

export async function loader({ context }: LoaderFunctionArgs) {
  const messages = await requireDevMailbox(context).list();
  return { messages };
}

export default function DevMail() {
  const { messages } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-3xl font-extrabold">Dev mailbox</h1>
      <p className="text-muted">
        Every e-mail the app sent with <code>MAIL_TRANSPORT=dev</code>, newest first. Nothing here leaves this
        machine.
      </p>
      {messages.length === 0 ? (
        <p className="card text-muted">No e-mail yet.</p>
      ) : (
        <ul className="divide-y divide-line rounded-2xl border border-line bg-panel">
          {messages.map((m) => (
            <li key={m.id}>
              <Link to={`/dev/mail/${m.id}`} className="block px-4 py-3 hover:bg-panel-2">
                <span className="block font-semibold">{m.subject}</span>
                <span className="block text-sm text-muted">
                  To {m.to} · {new Date(m.date).toLocaleString('en-IN', { timeZone: 'Asia/Kolkata' })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
