/**
 * The one error boundary every route exports (epic-stack's GeneralErrorBoundary): a friendly page for
 * expected responses (404, 401, 410...) and a 500 page that shows the request id the server logged.
 */
import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useRequestId } from '../request-id.js';

export interface StatusHandlers {
  [status: number]: (error: { status: number; data: unknown }) => ReactNode;
}

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-3xl font-bold text-ink">{title}</h1>
      <div className="mt-4 space-y-4 text-muted">{children}</div>
      <p className="mt-8">
        <Link to="/" className="btn-primary">
          Back to movies
        </Link>
      </p>
    </section>
  );
}

export function GeneralErrorBoundary({ statusHandlers = {} }: { statusHandlers?: StatusHandlers }) {
  const error = useRouteError();
  const requestId = useRequestId();
  if (isRouteErrorResponse(error)) {
    const custom = statusHandlers[error.status];
    if (custom) return <>{custom(error)}</>;
    if (error.status === 404) {
      return (
        <Panel title="We couldn't find that">
          <p>The page or link you followed doesn't exist, or it isn't yours to see.</p>
        </Panel>
      );
    }
    if (error.status === 401) {
      return (
        <Panel title="Please sign in">
          <p>
            <Link to="/login" className="text-gold underline">
              Sign in
            </Link>{' '}
            to continue.
          </p>
        </Panel>
      );
    }
    if (error.status < 500) {
      return (
        <Panel title="That didn't work">
          <p>{typeof error.data === 'string' && error.data ? error.data : error.statusText}</p>
        </Panel>
      );
    }
  }
  return (
    <Panel title="Something went wrong on our side">
      <p>We're sorry. The error has been logged; please try again in a moment.</p>
      {requestId ? (
        <p>
          If you contact us, mention request id{' '}
          <code className="rounded bg-panel-2 px-2 py-1 text-ink">{requestId}</code>.
        </p>
      ) : null}
    </Panel>
  );
}
