/**
 * Server rendering on workerd: the edge build swaps this in for `app/entry.server.tsx` (see
 * `vite.edge.config.ts`), because that one pipes a Node stream (`renderToPipeableStream`) while workerd
 * streams Web `ReadableStream`s (`renderToReadableStream`). Same providers, nonce and error logging.
 */
import type { AppLoadContext, EntryContext } from '@remix-run/cloudflare';
import { RemixServer } from '@remix-run/react';
import { isbot } from 'isbot';
import { renderToReadableStream } from 'react-dom/server';
import { NonceProvider } from '../app/nonce.js';
import { RequestIdProvider } from '../app/request-id.js';

const ABORT_DELAY = 5_000;

export const streamTimeout = ABORT_DELAY;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const { nonce, requestId } = loadContext as unknown as { nonce: string; requestId: string };
  let shellRendered = false;
  const body = await renderToReadableStream(
    <NonceProvider value={nonce}>
      <RequestIdProvider value={requestId}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </RequestIdProvider>
    </NonceProvider>,
    {
      nonce,
      signal: AbortSignal.timeout(ABORT_DELAY),
      onError(error: unknown) {
        responseStatusCode = 500;
        // Errors after the shell was sent are logged here; earlier ones reach handleError below.
        if (shellRendered) console.error(`[${requestId}]`, error);
      },
    },
  );
  shellRendered = true;
  // Bots get the whole document at once (as on Node, where they wait for onAllReady).
  if (isbot(request.headers.get('user-agent') ?? '')) await body.allReady;
  responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
  return new Response(body, { headers: responseHeaders, status: responseStatusCode });
}

/** Unexpected loader/action/render errors: logged once with the request id the 500 page shows. */
export function handleError(
  error: unknown,
  { request, context }: { request: Request; context: AppLoadContext },
) {
  if (request.signal.aborted) return;
  const { requestId } = context as unknown as { requestId: string };
  console.error(`[${requestId}] ${request.method} ${new URL(request.url).pathname}`, error);
}
