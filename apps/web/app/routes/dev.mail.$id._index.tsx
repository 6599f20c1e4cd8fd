import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { GeneralErrorBoundary } from '../components/error-boundary.js';
import { requireDevMailbox } from '../lib/dev-mail.server.js';

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.message.subject} · Dev mailbox` : 'Dev mailbox' },
];

export async function loader({ context, params }: LoaderFunctionArgs) {
  const message = await requireDevMailbox(context).get(params.id ?? '');
  if (!message) throw new Response('No such message', { status: 404 });
  return { message };
}

export default function DevMailMessage() {
  const { message } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <p>
        <Link to="/dev/mail" className="text-gold underline">
          ← All messages
        </Link>
      </p>
      <h1 className="text-2xl font-extrabold">{message.subject}</h1>
      <p className="text-sm text-muted">
        To {message.to} · {new Date(message.date).toLocaleString('en-IN', { timeZone: 'Asia/Kolkata' })}
      </p>
      {message.attachments.length > 0 ? (
        <section aria-labelledby="attachments-heading" className="card">
          <h2 id="attachments-heading" className="mb-2 font-bold">
            Attachments
          </h2>
          <ul className="space-y-1">
            {message.attachments.map((a) => (
              <li key={a.index}>
                <a
                  href={`/dev/mail/${message.id}/attachments/${a.index}`}
                  className="text-gold underline"
                  download={a.filename}
                >
                  {a.filename}
                </a>{' '}
                <span className="text-sm text-muted">
                  {a.contentType}, {Math.ceil(a.size / 1024)} KB
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {message.html ? (
        <section aria-labelledby="html-heading" className="space-y-2">
          <h2 id="html-heading" className="font-bold">
            HTML body
          </h2>
          <iframe
            title={`HTML body of ${message.subject}`}
            src={`/dev/mail/${message.id}/html`}
            sandbox=""
            className="h-[32rem] w-full rounded-2xl border border-line bg-white"
          />
        </section>
      ) : null}
      <section aria-labelledby="text-heading" className="space-y-2">
        <h2 id="text-heading" className="font-bold">
          Plain-text body
        </h2>
        <pre className="card overflow-x-auto whitespace-pre-wrap text-sm">{message.text}</pre>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
