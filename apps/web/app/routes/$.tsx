/** Any path no route matches: the friendly 404 (thrown, so the error boundary renders it with status 404). */
import { GeneralErrorBoundary } from '../components/error-boundary.js';

export function loader() {
  throw new Response('Not found', { status: 404, statusText: 'Not Found' });
}

export default function NotFound() {
  return <GeneralErrorBoundary />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
