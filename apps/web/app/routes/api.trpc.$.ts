/**
 * /api/trpc/*: the typed API over HTTP (the browser's seat map, outside tools, the contract tests), served
 * by the API package's Web-standard handler. A resource route, so the edge target serves it unchanged.
 */
import { handleApiRequest } from '@movie-magic/api';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';

function serve({ request, context }: LoaderFunctionArgs | ActionFunctionArgs) {
  return handleApiRequest(request, context.deps, { endpoint: '/api/trpc', clientIp: context.clientIp });
}

export const loader = serve;
export const action = serve;
